import ComfyUI

/// The values a request binds into a workflow template's parameters.
///
/// The prompt (with the style's wording), negative prompt and seed always; the diffusion knobs the caller set,
/// each of which the template must declare, so nothing asked for is silently dropped.
struct WorkflowBinding {
    let values: [String: JSONValue]

    init(request: SpriteRequest, seed: UInt64, template: WorkflowTemplate) throws(SpriteEngineError) {
        var values: [String: JSONValue] = [
            "prompt": .string(request.diffusionPrompt),
            "seed": .uint(seed),
        ]
        if template.declares("negative_prompt") { values["negative_prompt"] = .string(request.negativePrompt) }
        if template.declares("filename_prefix") { values["filename_prefix"] = "dgx-pixels" }
        let options = request.diffusion
        let asked: [(field: String, parameter: String, value: JSONValue?)] = [
            ("steps", "steps", options.steps.map { .int(Int64($0)) }),
            ("cfg", "cfg", options.cfg.map(JSONValue.double)),
            ("sampler", "sampler", options.sampler.map(JSONValue.string)),
            ("scheduler", "scheduler", options.scheduler.map(JSONValue.string)),
            ("checkpoint", "checkpoint", options.checkpoint.map(JSONValue.string)),
            ("lora", "lora", options.lora.map(JSONValue.string)),
            ("lora_strength", "lora_strength", options.loraStrength.map(JSONValue.double)),
            ("generation_size", "width", options.generationSize.map { .int(Int64($0.width)) }),
            ("generation_size", "height", options.generationSize.map { .int(Int64($0.height)) }),
        ]
        for (field, parameter, value) in asked {
            guard let value else { continue }
            guard template.declares(parameter) else {
                throw .invalidArgument(
                    field: field,
                    message: "workflow '\(template.name)' has no '\(parameter)' parameter; it takes: "
                        + template.parameters.map(\.name).joined(separator: ", ")
                )
            }
            values[parameter] = value
        }
        self.values = values
    }
}
