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

        init(_ name: String, _ type: InputType, _ options: StandInJSON = [:]) {
            self.name = name
            self.type = type
            self.options = options
        }

        /// `[type, options]` as `/object_info` and validation errors show it.
        var config: StandInJSON {
            switch type {
            case .named(let name): [.string(name), options]
            case .combo(let values): [.strings(values), options]
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

    /// The `/object_info` entry.
    var info: StandInJSON {
        var input = JSONObject()
        var order = JSONObject()
        func section(_ inputs: [Input]) -> StandInJSON {
            var object = JSONObject()
            for item in inputs { object[item.name] = item.config }
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
