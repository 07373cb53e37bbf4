/// Turns a raw ComfyUI "Save (API)" export into a template: the standard nodes' values become placeholders whose
/// defaults are the exported values.
///
/// KSampler (or KSamplerAdvanced): seed, steps, cfg, sampler, scheduler; the CLIPTextEncode on its `positive` input:
/// `{{prompt}}`; on `negative`: `{{negative_prompt}}`; the EmptyLatentImage on `latent_image`: width, height;
/// CheckpointLoaderSimple: checkpoint; LoraLoader: lora, lora_strength; SaveImage: filename_prefix.
package enum WorkflowImporter {
    /// The template JSON for `export`; it loads as a `WorkflowTemplate` named `name`.
    package static func template(
        from export: JSONValue,
        name: String,
        description: String
    ) throws(WorkflowError)
        -> JSONValue
    {
        guard var nodes = export.objectValue, !nodes.isEmpty else {
            throw .notImportable("expected the JSON object of a ComfyUI \"Save (API)\" export")
        }
        guard nodes[WorkflowTemplate.metadataKey] == nil else {
            throw .notImportable("it is already a template (it has a \"\(WorkflowTemplate.metadataKey)\" block)")
        }
        var parameters: [String: JSONValue] = [:]
        let ids = nodes.keys.sorted(by: HistoryEntry.nodeOrder)
        func firstNode(of classes: Set<String>) -> String? {
            ids.first { classes.contains(nodes[$0]?["class_type"]?.stringValue ?? "") }
        }
        /// Replaces `nodes[id].inputs[input]` with `{{parameter}}` and declares it with the old value as default.
        func placeholder(
            _ id: String,
            _ input: String,
            _ parameter: String,
            _ spec: JSONValue,
            keepDefault: Bool = true
        ) {
            guard var node = nodes[id]?.objectValue, var inputs = node["inputs"]?.objectValue,
                let old = inputs[input], WorkflowTemplate.link(old) == nil
            else { return }
            inputs[input] = .string("{{\(parameter)}}")
            node["inputs"] = .object(inputs)
            nodes[id] = .object(node)
            guard parameters[parameter] == nil else { return }
            var declared = spec.objectValue ?? [:]
            if keepDefault { declared["default"] = old }
            parameters[parameter] = .object(declared)
        }
        func linked(_ id: String, _ input: String) -> String? {
            nodes[id]?["inputs"]?[input].flatMap(WorkflowTemplate.link)
        }

        guard let sampler = firstNode(of: ["KSampler", "KSamplerAdvanced"]) else {
            throw .notImportable("no KSampler node: the importer needs one to place seed, steps and cfg")
        }
        let seedInput = nodes[sampler]?["inputs"]?["noise_seed"] != nil ? "noise_seed" : "seed"
        placeholder(sampler, seedInput, "seed", ["type": "int", "min": 0, "max": .uint(UInt64.max)])
        placeholder(sampler, "steps", "steps", ["type": "int", "min": 1, "max": 150])
        placeholder(sampler, "cfg", "cfg", ["type": "float", "min": 0, "max": 30])
        placeholder(sampler, "sampler_name", "sampler", ["type": "string"])
        placeholder(sampler, "scheduler", "scheduler", ["type": "string"])

        guard let positive = linked(sampler, "positive"),
            nodes[positive]?["class_type"]?.stringValue == "CLIPTextEncode"
        else {
            throw .notImportable("the KSampler's positive input is not a CLIPTextEncode node; add {{prompt}} by hand")
        }
        placeholder(positive, "text", "prompt", ["type": "string"], keepDefault: false)
        if let negative = linked(sampler, "negative"), negative != positive,
            nodes[negative]?["class_type"]?.stringValue == "CLIPTextEncode"
        {
            placeholder(negative, "text", "negative_prompt", ["type": "string"])
        }
        if let latent = linked(sampler, "latent_image"),
            nodes[latent]?["class_type"]?.stringValue == "EmptyLatentImage"
        {
            placeholder(latent, "width", "width", ["type": "int", "min": 64, "max": 2048])
            placeholder(latent, "height", "height", ["type": "int", "min": 64, "max": 2048])
        }
        if let loader = firstNode(of: ["CheckpointLoaderSimple"]) {
            placeholder(loader, "ckpt_name", "checkpoint", ["type": "string"])
        }
        if let lora = firstNode(of: ["LoraLoader"]) {
            placeholder(lora, "lora_name", "lora", ["type": "string"])
            placeholder(lora, "strength_model", "lora_strength", ["type": "float", "min": -4, "max": 4])
            placeholder(lora, "strength_clip", "lora_strength", [:])
        }
        for save in ids where nodes[save]?["class_type"]?.stringValue == "SaveImage" {
            placeholder(save, "filename_prefix", "filename_prefix", ["type": "string", "default": "dgx-pixels"])
        }
        if var prefix = parameters["filename_prefix"]?.objectValue {
            prefix["default"] = "dgx-pixels"
            parameters["filename_prefix"] = .object(prefix)
        }
        nodes[WorkflowTemplate.metadataKey] = [
            "description": .string(description),
            "parameters": .object(parameters),
        ]
        let template = JSONValue.object(nodes)
        do {
            _ = try WorkflowTemplate(json: template, name: name, file: name + ".json")
        } catch {
            throw .notImportable("the result does not load as a template: \(error)")
        }
        return template
    }
}
