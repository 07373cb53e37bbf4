import Foundation

/// Turns a raw ComfyUI "Save (API)" export into a template: the standard nodes' values become placeholders whose
/// defaults are the original values, so binding the defaults gives back the export (except `filename_prefix`,
/// whose default is `dgx-pixels`).
///
/// The sampler is the `KSampler` (or `KSamplerAdvanced`) with the lowest node id. From it, links lead to the
/// positive and negative `CLIPTextEncode`, the `EmptyLatentImage`, and along the model chain to the `LoraLoader` and
/// `CheckpointLoaderSimple`. A LoRA's `strength_clip` becomes `{{lora_strength}}` only when it equals
/// `strength_model`, so the defaults still reproduce the export. An img2img export, whose sampler's latent comes
/// from a `LoadImage` (through `VAEEncode` or other nodes), gets `{{init_image}}` there and the KSampler's
/// `{{denoise}}`.
package struct WorkflowImporter: Sendable {
    package init() {}

    /// The template JSON text (pretty, sorted keys) for the export in `data`; `fileName` names it in errors.
    package func templateText(from data: Data, fileName: String) throws(WorkflowError) -> String {
        let export: JSONValue
        do {
            export = try JSONValue(parsing: data)
        } catch {
            throw .invalidJSON(file: fileName, reason: WorkflowTemplate.reason(error))
        }
        return try template(from: export, fileName: fileName).prettyPrinted() + "\n"
    }

    /// The template for `export`, checked by loading it as a `WorkflowTemplate`.
    package func template(from export: JSONValue, fileName: String) throws(WorkflowError) -> JSONValue {
        guard let members = export.objectValue else { throw .notAGraph(file: fileName) }
        if members[WorkflowTemplate.blockKey] != nil { throw .alreadyTemplate(file: fileName) }
        if members["nodes"]?.arrayValue != nil, members["links"] != nil {
            throw .cannotImport(
                file: fileName,
                reason:
                    "this is a UI-format workflow; export it from ComfyUI with \"Save (API)\" (enable dev mode options)"
            )
        }
        var graph = ImportGraph(nodes: members, fileName: fileName)
        try graph.insertPlaceholders()
        var result = graph.nodes
        result[WorkflowTemplate.blockKey] = [
            "description": .string("Imported from \(fileName)."),
            "parameters": .object(
                Dictionary(uniqueKeysWithValues: graph.declarations.map { ($0.name, $0.json) })
            ),
        ]
        let template = JSONValue.object(result)
        _ = try WorkflowTemplate(json: template, fileName: fileName)
        return template
    }
}

/// The export being rewritten, and the parameters declared so far.
private struct ImportGraph {
    typealias Standard = WorkflowTemplate.StandardParameter

    var nodes: [String: JSONValue]
    let fileName: String
    var declarations: [WorkflowParameter] = []

    mutating func insertPlaceholders() throws(WorkflowError) {
        let samplers = ids(ofClass: ["KSampler", "KSamplerAdvanced"])
        guard let sampler = samplers.first else {
            throw .cannotImport(file: fileName, reason: "it has no KSampler (or KSamplerAdvanced) node")
        }
        let seedInput = classType(sampler) == "KSamplerAdvanced" ? "noise_seed" : "seed"
        guard try replace(sampler, seedInput, with: .seed) else {
            throw .cannotImport(file: fileName, reason: "the seed of node \(sampler) is not a number written in it")
        }
        try replace(sampler, "steps", with: .steps)
        try replace(sampler, "cfg", with: .cfg)
        try replace(sampler, "sampler_name", with: .sampler)
        try replace(sampler, "scheduler", with: .scheduler)

        guard let positive = textEncoder(from: sampler, input: "positive") else {
            throw .cannotImport(file: fileName, reason: "no CLIPTextEncode feeds the positive input of node \(sampler)")
        }
        try replace(positive, "text", with: .prompt)
        if let negative = textEncoder(from: sampler, input: "negative"), negative != positive {
            try replace(negative, "text", with: .negativePrompt)
        }

        if let latent = follow(sampler, "latent_image"), classType(latent) == "EmptyLatentImage" {
            try replace(latent, "width", with: .width)
            try replace(latent, "height", with: .height)
        }
        if let image = upstream(of: sampler, input: "latent_image", ofClass: "LoadImage") {
            try replace(image, "image", with: .initImage)
            if classType(sampler) == "KSampler" { try replace(sampler, "denoise", with: .denoise) }
        }

        let modelChain = chain(from: sampler, through: "model")
        let loras = modelChain.filter { ["LoraLoader", "LoraLoaderModelOnly"].contains(classType($0)) }
        if let lora = loras.first {
            let strength = input(lora, "strength_model")
            try replace(lora, "lora_name", with: .lora)
            try replace(lora, "strength_model", with: .loraStrength)
            if input(lora, "strength_clip") == strength {
                try replace(lora, "strength_clip", with: .loraStrength)
            }
        }
        if let checkpoint = modelChain.first(where: { classType($0) == "CheckpointLoaderSimple" }) {
            try replace(checkpoint, "ckpt_name", with: .checkpoint)
        }
        for save in ids(ofClass: ["SaveImage"]) {
            try replace(save, "filename_prefix", with: .filenamePrefix, defaultValue: "dgx-pixels")
        }
    }

    /// Replaces a literal input by `{{parameter}}` and declares the parameter with the literal as its default;
    /// `false` when the input is absent or a link.
    @discardableResult
    private mutating func replace(
        _ id: String,
        _ name: String,
        with parameter: Standard,
        defaultValue: JSONValue? = nil
    ) throws(WorkflowError) -> Bool {
        guard let value = input(id, name), WorkflowTemplate.linkTarget(value) == nil else { return false }
        let fits =
            switch parameter.kind {
            case .string: value.stringValue != nil
            case .int: value.isInteger
            case .float: value.isNumber
            }
        guard fits else {
            throw .cannotImport(
                file: fileName,
                reason: "node \(id) input '\(name)' is \(value.described), not \(parameter.kind.phrase)"
            )
        }
        if !declarations.contains(where: { $0.name == parameter.rawValue }) {
            declarations.append(declaration(parameter, defaultValue: defaultValue ?? value.canonicalNumber))
        }
        guard case .object(var node) = nodes[id], case .object(var inputs) = node["inputs"] else { return false }
        inputs[name] = .string("{{\(parameter.rawValue)}}")
        node["inputs"] = .object(inputs)
        nodes[id] = .object(node)
        return true
    }

    /// The standard declaration, its range widened to hold the export's value.
    private func declaration(_ parameter: Standard, defaultValue: JSONValue) -> WorkflowParameter {
        var declaration = parameter.declaration(defaultValue: defaultValue)
        if let low = declaration.minimum, JSONValue.compareNumbers(defaultValue, low) == .orderedAscending {
            declaration.minimum = defaultValue
        }
        if let high = declaration.maximum, JSONValue.compareNumbers(defaultValue, high) == .orderedDescending {
            declaration.maximum = defaultValue
        }
        return declaration
    }

    /// The CLIPTextEncode that conditioning input `conditioning` of `id` comes from, through conditioning nodes
    /// (ControlNet, combine, …) breadth first.
    private func textEncoder(from id: String, input conditioning: String) -> String? {
        guard let start = input(id, conditioning).flatMap(link) else { return nil }
        var queue = [start]
        var seen: Set<String> = []
        while !queue.isEmpty {
            let (node, output) = queue.removeFirst()
            guard seen.insert(node).inserted else { continue }
            if classType(node) == "CLIPTextEncode" { return node }
            let inputs = self.nodes[node]?["inputs"]?.objectValue ?? [:]
            // A node passing both on (ControlNetApplyAdvanced) gives positive on output 0, negative on output 1.
            if inputs["positive"] != nil, inputs["negative"] != nil {
                let next = output == 0 ? "positive" : "negative"
                if let target = inputs[next].flatMap(link) { queue.append(target) }
                continue
            }
            for name in inputs.keys.sorted() {
                if let target = inputs[name].flatMap(link) { queue.append(target) }
            }
        }
        return nil
    }

    /// The first node of class `target` reached from input `input` of `id`, following the links that carry images
    /// and latents (not conditioning: a ControlNet's image is not the init image) breadth first.
    private func upstream(of id: String, input: String, ofClass target: String) -> String? {
        let carriers: Set<String> = ["pixels", "samples", "latent_image", "latent", "image", "images"]
        var queue = follow(id, input).map { [$0] } ?? []
        var seen: Set<String> = []
        while !queue.isEmpty {
            let node = queue.removeFirst()
            guard seen.insert(node).inserted else { continue }
            if classType(node) == target { return node }
            let inputs = nodes[node]?["inputs"]?.objectValue ?? [:]
            for name in inputs.keys.sorted() where carriers.contains(name) {
                if let next = inputs[name].flatMap(link)?.node { queue.append(next) }
            }
        }
        return nil
    }

    /// The nodes reached by following `input` links from `id` (model → LoRA → … → checkpoint).
    private func chain(from id: String, through input: String) -> [String] {
        var result: [String] = []
        var current = id
        while let next = follow(current, input), !result.contains(next) {
            result.append(next)
            current = next
        }
        return result
    }

    private func follow(_ id: String, _ name: String) -> String? {
        input(id, name).flatMap(link)?.node
    }

    private func link(_ value: JSONValue) -> (node: String, output: Int)? {
        guard let target = WorkflowTemplate.linkTarget(value), nodes[target] != nil, let output = value[1]?.intValue
        else { return nil }
        return (target, output)
    }

    private func input(_ id: String, _ name: String) -> JSONValue? {
        nodes[id]?["inputs"]?[name]
    }

    private func classType(_ id: String) -> String? {
        nodes[id].flatMap(WorkflowTemplate.classType)
    }

    private func ids(ofClass classes: Set<String>) -> [String] {
        WorkflowTemplate.sortedIDs(nodes.keys.filter { classType($0).map(classes.contains) ?? false })
    }
}
