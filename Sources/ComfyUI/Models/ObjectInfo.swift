/// A typed view of `GET /object_info[/{class}]`: which node classes a server has and what their inputs accept.
package struct ObjectInfo: Sendable, Equatable {
    /// What one input accepts.
    package enum InputKind: Sendable, Equatable {
        /// One of a list of values (a "combo"): checkpoint files, samplers, …
        case choice([String])
        case int(min: Double?, max: Double?)
        case float(min: Double?, max: Double?)
        case string
        case boolean
        /// A link from another node's output of this type (`MODEL`, `CLIP`, `LATENT`, …).
        case link(String)
    }

    /// One node class's inputs by name.
    package struct NodeClass: Sendable, Equatable {
        package var required: [String: InputKind]
        package var optional: [String: InputKind]

        package func input(_ name: String) -> InputKind? {
            required[name] ?? optional[name]
        }
    }

    package var classes: [String: NodeClass]

    package init(classes: [String: NodeClass] = [:]) {
        self.classes = classes
    }

    /// Reads the JSON answer (`{"Class": {"input": {"required": {...}, "optional": {...}}, ...}}`).
    package init(json: JSONValue) {
        var classes: [String: NodeClass] = [:]
        for (name, info) in json.objectValue ?? [:] {
            func inputs(_ key: String) -> [String: InputKind] {
                var kinds: [String: InputKind] = [:]
                for (input, spec) in info["input"]?[key]?.objectValue ?? [:] {
                    kinds[input] = Self.kind(of: spec)
                }
                return kinds
            }
            classes[name] = NodeClass(required: inputs("required"), optional: inputs("optional"))
        }
        self.classes = classes
    }

    /// Adds (or replaces) the classes of `other`.
    package func merging(_ other: ObjectInfo) -> ObjectInfo {
        ObjectInfo(classes: classes.merging(other.classes) { _, new in new })
    }

    package func hasClass(_ name: String) -> Bool {
        classes[name] != nil
    }

    /// The values a combo input allows; nil when the input is not a combo (or unknown).
    package func allowedValues(nodeClass: String, input: String) -> [String]? {
        if case .choice(let values)? = classes[nodeClass]?.input(input) { return values }
        return nil
    }

    /// An input spec is `[TYPE, {config}]`, where TYPE is a type name or a list of choices; newer servers also
    /// write combos as `["COMBO", {"options": [...]}]`.
    private static func kind(of spec: JSONValue) -> InputKind {
        let config = spec[1]
        if let choices = spec[0]?.arrayValue {
            return .choice(choices.compactMap(\.stringValue))
        }
        switch spec[0]?.stringValue ?? "" {
        case "COMBO": return .choice((config?["options"]?.arrayValue ?? []).compactMap(\.stringValue))
        case "INT": return .int(min: config?["min"]?.doubleValue, max: config?["max"]?.doubleValue)
        case "FLOAT": return .float(min: config?["min"]?.doubleValue, max: config?["max"]?.doubleValue)
        case "STRING": return .string
        case "BOOLEAN": return .boolean
        case let type: return .link(type)
        }
    }
}
