/// One node class as `/object_info` describes it and validation needs it.
struct NodeClass: Sendable {
    /// An input's declared type: a named type (`INT`, `MODEL`, ...) or a combo (a list of allowed values).
    enum InputType: Sendable {
        case named(String)
        case combo([String])
    }

    /// One input with its type and options (`default`, `min`, `max`, `tooltip`, ...).
    struct Input: Sendable {
        let name: String
        let type: InputType
        let options: StandInJSON
        /// False for an input declared with its type alone (`("IMAGE",)`), which `/object_info` shows as `["IMAGE"]`.
        let hasOptions: Bool

        init(_ name: String, _ type: InputType, _ options: StandInJSON? = nil) {
            self.name = name
            self.type = type
            self.options = options ?? [:]
            self.hasOptions = options != nil
        }

        /// `[type, options]` as validation errors show it (`{}` when the input declares none).
        var config: StandInJSON {
            [typeJSON, options]
        }

        /// The input as `/object_info` shows it.
        var spec: StandInJSON {
            hasOptions ? config : [typeJSON]
        }

        private var typeJSON: StandInJSON {
            switch type {
            case .named(let name): .string(name)
            case .combo(let values): .strings(values)
            }
        }
    }

    let name: String
    let displayName: String
    let description: String
    let category: String
    let isOutputNode: Bool
    let required: [Input]
    var optional: [Input] = []
    var hidden: [(String, String)] = []
    let outputs: [String]
    var outputTooltips: [String]? = nil
    /// Inputs the node checks itself (ComfyUI's `VALIDATE_INPUTS`): their type, range and list checks are skipped.
    var selfValidated: [String] = []

    /// The `/object_info` entry.
    var info: StandInJSON {
        var input = JSONObject()
        var order = JSONObject()
        func section(_ inputs: [Input]) -> StandInJSON {
            var object = JSONObject()
            for item in inputs { object[item.name] = item.spec }
            return .object(object)
        }
        input["required"] = section(required)
        order["required"] = .strings(required.map(\.name))
        if !optional.isEmpty {
            input["optional"] = section(optional)
            order["optional"] = .strings(optional.map(\.name))
        }
        if !hidden.isEmpty {
            var object = JSONObject()
            for (key, type) in hidden { object[key] = .string(type) }
            input["hidden"] = .object(object)
            order["hidden"] = .strings(hidden.map(\.0))
        }
        var info: StandInJSON = [
            "input": .object(input),
            "input_order": .object(order),
            "output": .strings(outputs),
            "output_is_list": .array(outputs.map { _ in .bool(false) }),
            "output_name": .strings(outputs),
            "name": .string(name),
            "display_name": .string(displayName),
            "description": .string(description),
            "python_module": "nodes",
            "category": .string(category),
            "output_node": .bool(isOutputNode),
        ]
        if let outputTooltips, case .object(var object) = info {
            object["output_tooltips"] = .strings(outputTooltips)
            info = .object(object)
        }
        return info
    }

    /// Every input, required first.
    var allInputs: [Input] { required + optional }
}
