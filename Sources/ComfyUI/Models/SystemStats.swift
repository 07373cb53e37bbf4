/// The parts of `GET /system_stats` a person checking a backend wants to see.
package struct SystemStats: Sendable, Equatable {
    /// One torch device (a GPU, or `cpu`).
    package struct Device: Sendable, Equatable {
        package var name: String
        package var type: String
        package var vramTotal: Int64
        package var vramFree: Int64
    }

    package var comfyUIVersion: String
    package var pythonVersion: String
    package var pytorchVersion: String
    package var os: String
    package var devices: [Device]

    package init(json: JSONValue) {
        let system = json["system"]
        comfyUIVersion = system?["comfyui_version"]?.stringValue ?? "unknown"
        pythonVersion = system?["python_version"]?.stringValue.map { String($0.prefix { $0 != " " }) } ?? "unknown"
        pytorchVersion = system?["pytorch_version"]?.stringValue ?? "unknown"
        os = system?["os"]?.stringValue ?? "unknown"
        devices = (json["devices"]?.arrayValue ?? []).map { device in
            Device(
                name: device["name"]?.stringValue ?? "?",
                type: device["type"]?.stringValue ?? "?",
                vramTotal: Int64(device["vram_total"]?.doubleValue ?? 0),
                vramFree: Int64(device["vram_free"]?.doubleValue ?? 0)
            )
        }
    }
}
