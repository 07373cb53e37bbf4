import ComfyUI

/// The values a request binds into a workflow template's parameters.
///
/// The prompt (with the style's wording), negative prompt and seed always; then every `.workflow` option the caller
/// set (`SpriteOption.all`), under the parameter names its row gives. The template must declare each of them, so
/// nothing asked for is silently dropped.
struct WorkflowBinding {
    let values: [String: JSONValue]

    init(request: SpriteRequest, seed: UInt64, template: WorkflowTemplate) throws(SpriteEngineError) {
        var values: [String: JSONValue] = [
            "prompt": .string(request.diffusionPrompt),
            "seed": .uint(seed),
        ]
        if template.declares("negative_prompt") { values["negative_prompt"] = .string(request.negativePrompt) }
        if template.declares("filename_prefix") { values["filename_prefix"] = "dgx-pixels" }
        for option in SpriteOption.all {
            guard case .workflow(let parameters) = option.target, let value = request.knob(option) else { continue }
            let bound = Self.json(value, into: parameters.count)
            for (parameter, json) in zip(parameters, bound) {
                guard template.declares(parameter) else {
                    throw .invalidArgument(
                        field: option.key,
                        message: "workflow '\(template.name)' has no '\(parameter)' parameter; it takes: "
                            + template.parameters.map(\.name).joined(separator: ", ")
                    )
                }
                values[parameter] = json
            }
        }
        self.values = values
    }

    /// A checked option value as the JSON its parameters take: one value, or a size split into width and height.
    private static func json(_ value: OptionValue, into count: Int) -> [JSONValue] {
        switch value {
        case .int(let number): return [.int(Int64(number))]
        case .number(let number): return [.double(number)]
        case .flag(let flag): return [.bool(flag)]
        case .list(let items): return [.array(items.map(JSONValue.string))]
        case .text(let text):
            // A checked size is "WxH"; a two-parameter row takes its edges.
            let edges = text.split(separator: "x").compactMap { Int64($0) }
            if count == 2, edges.count == 2 { return edges.map(JSONValue.int) }
            return [.string(text)]
        }
    }
}
