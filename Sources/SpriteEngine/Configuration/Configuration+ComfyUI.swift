import Foundation

extension Configuration {
    /// ComfyUI servers and how they are driven (`comfyui:`).
    package struct ComfyUI: Sendable, Equatable {
        /// One ComfyUI server.
        package struct Backend: Sendable, Equatable {
            /// `http://host:port`, no trailing slash.
            package var url: String
            /// Prompts this server runs at once (ComfyUI runs one; more only for several GPUs behind one URL).
            package var slots: Int

            package init(url: String, slots: Int = 1) {
                self.url = url
                self.slots = slots
            }
        }

        package var backends: [Backend] = []
        /// Extra prompts kept queued on each backend beyond its slots, so its GPU never waits for us.
        package var overQueue = 1
        /// The workflow template used when neither the call nor the style names one.
        package var workflow = "sdxl-pixel-art"
        /// Folders searched for workflow templates after the shipped ones; a later folder overrides by name.
        package var workflowDirectories: [String] = []
        /// Each HTTP request to ComfyUI must be answered within this many seconds.
        package var requestTimeout = 30.0
        /// Opening the event socket must finish within this many seconds.
        package var connectTimeout = 5.0
        /// A prompt still unfinished after this many seconds is interrupted and fails.
        package var promptTimeout = 1800.0
        /// Attempts per request on connect errors and 5xx answers (1 = no retry).
        package var retries = 3
        /// While the event socket is down, `/history` is polled this often (seconds).
        package var pollInterval = 0.5
        /// A failed backend is skipped for this long (seconds), doubling per failure up to 60 s.
        package var backoff = 2.0

        package init() {}
    }

    mutating func readComfyUI(_ node: ConfigNode) throws(SpriteEngineError) {
        let keys = [
            "backends", "over_queue", "workflow", "workflow_dirs", "request_timeout", "connect_timeout",
            "prompt_timeout", "retries", "poll_interval", "backoff",
        ]
        for (key, value) in try node.mapping(allowed: keys) {
            switch key {
            case "backends":
                comfyUI.backends = []
                for entry in try value.sequence() {
                    comfyUI.backends.append(try Self.readBackend(entry))
                }
            case "over_queue": comfyUI.overQueue = try value.int(in: 0...64)
            case "workflow": comfyUI.workflow = try value.nonEmptyString()
            case "workflow_dirs":
                comfyUI.workflowDirectories = []
                for entry in try value.sequence() {
                    let path = (try entry.nonEmptyString() as NSString).expandingTildeInPath
                    guard path.hasPrefix("/") else { throw entry.fail("an absolute path (or one starting with ~)") }
                    comfyUI.workflowDirectories.append(path)
                }
            case "request_timeout": comfyUI.requestTimeout = try value.double(in: 0.1...3600)
            case "connect_timeout": comfyUI.connectTimeout = try value.double(in: 0.1...600)
            case "prompt_timeout": comfyUI.promptTimeout = try value.double(in: 1...86_400)
            case "retries": comfyUI.retries = try value.int(in: 1...20)
            case "poll_interval": comfyUI.pollInterval = try value.double(in: 0.01...60)
            default: comfyUI.backoff = try value.double(in: 0.01...600)
            }
        }
    }

    private static func readBackend(_ node: ConfigNode) throws(SpriteEngineError) -> ComfyUI.Backend {
        if !node.isMapping {
            return ComfyUI.Backend(url: try backendURL(node))
        }
        var backend = ComfyUI.Backend(url: "")
        for (key, value) in try node.mapping(allowed: ["url", "slots"]) {
            switch key {
            case "url": backend.url = try backendURL(value)
            default: backend.slots = try value.int(in: 1...64)
            }
        }
        guard !backend.url.isEmpty else { throw node.fail("a mapping with url: (and optionally slots:)") }
        return backend
    }

    /// Parses and normalises a backend URL (`http://host:port`, no trailing slash).
    static func backendURL(_ node: ConfigNode) throws(SpriteEngineError) -> String {
        guard let url = normalizedBackendURL(try node.nonEmptyString()) else {
            throw node.fail("an http:// URL such as http://127.0.0.1:8188")
        }
        return url
    }

    /// `http://host:port` without trailing slashes, or nil when `text` is not an http(s) URL with a host.
    package static func normalizedBackendURL(_ text: String) -> String? {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            return nil
        }
        return trimmed
    }
}
