import Foundation

extension PromptRun {
    /// The nodes the outputs depend on, dependencies first; among nodes that are ready, the lowest id runs
    /// first (for the reference graph: 4, 5, 6, 7, 3, 8, 9, close to ComfyUI's 4, 5, 7, 6, 3, 8, 9).
    static func executionOrder(of graph: JSONObject, outputs: [String]) -> [String] {
        func sources(of id: String) -> [String] {
            (graph[id]?["inputs"]?.objectValue?.members ?? []).compactMap { _, value in
                guard case .array(let link) = value, link.count == 2, let source = link[0].stringValue,
                    graph[source] != nil
                else { return nil }
                return source
            }
        }
        var needed: Set<String> = []
        var stack = outputs
        while let id = stack.popLast() {
            guard needed.insert(id).inserted else { continue }
            stack += sources(of: id)
        }
        var order: [String] = []
        var done: Set<String> = []
        while order.count < needed.count {
            let ready = sortedIDs(
                Array(needed).filter { !done.contains($0) && sources(of: $0).allSatisfy(done.contains) }
            )
            // A cycle leaves nothing ready: run the rest in id order rather than hang.
            let next = ready.first ?? sortedIDs(Array(needed.subtracting(done))).first
            guard let next else { break }
            order.append(next)
            done.insert(next)
        }
        return order
    }

    /// Node ids in numeric order where they are numbers, as ComfyUI lists cached nodes.
    static func sortedIDs(_ ids: [String]) -> [String] {
        ids.sorted { lhs, rhs in
            switch (Int(lhs), Int(rhs)) {
            case (let left?, let right?): left < right
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): lhs < rhs
            }
        }
    }

    /// The `EmptyLatentImage` width and height (512×512 without one), clamped to a paintable range.
    static func latentSize(in graph: JSONObject) -> (width: Int, height: Int) {
        let latent = graph.members.first { $0.value["class_type"]?.stringValue == "EmptyLatentImage" }?.value
        func dimension(_ name: String) -> Int {
            let value = latent?["inputs"]?[name]
            let number = value?.doubleValue ?? value?.stringValue.flatMap(Double.init) ?? 512
            return min(4096, max(16, Int(number)))
        }
        return (dimension("width"), dimension("height"))
    }

    /// The first KSampler's seed (0 without one), which picks the painted sprite's palette.
    static func firstSeed(in graph: JSONObject) -> UInt64 {
        let sampler = graph.members.first { $0.value["class_type"]?.stringValue == "KSampler" }?.value
        return seedValue(sampler?["inputs"]?["seed"])
    }
}

extension StandInState {
    /// Keeps an image as ComfyUI's SaveImage (`<prefix>_<counter>_.png` in `output`) or PreviewImage (a temp
    /// file) would, and returns its `{filename, subfolder, type}`.
    mutating func store(_ png: Data, prefix: String?) -> StandInJSON {
        let type = prefix == nil ? "temp" : "output"
        var base =
            prefix ?? "ComfyUI_temp_" + String((0..<5).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement() ?? "a" })
        var subfolder = ""
        if let slash = base.lastIndex(of: "/") {
            subfolder = String(base[..<slash])
            base = String(base[base.index(after: slash)...])
        }
        let counterKey = "\(type)/\(subfolder)/\(base)"
        let counter = (fileCounters[counterKey] ?? 0) + 1
        fileCounters[counterKey] = counter
        let digits = String(counter)
        let filename = "\(base)_\(String(repeating: "0", count: max(0, 5 - digits.count)))\(digits)_.png"
        files[Self.fileKey(type: type, subfolder: subfolder, filename: filename)] = png
        return ["filename": .string(filename), "subfolder": .string(subfolder), "type": .string(type)]
    }
}
