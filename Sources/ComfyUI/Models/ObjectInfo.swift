/// A typed view of ComfyUI's `GET /object_info` (or several `GET /object_info/{class}`) answers: which node classes
/// a server has, and what each input takes.
///
/// Input specs come in the shapes ComfyUI sends: `["INT", {"default": 512, "min": 16, ...}]`, a combo as
/// `[["a.safetensors", "b.safetensors"], {...}]` (or, in newer servers, `["COMBO", {"options": [...]}]`), and a link
/// type such as `["MODEL"]`. Shapes custom nodes invent are kept as `.other` rather than rejected.
package struct ObjectInfo: Sendable, Equatable {
    /// Node classes by class name (`"KSampler"`).
    package var nodeClasses: [String: NodeClass]

    package init(nodeClasses: [String: NodeClass] = [:]) {
        self.nodeClasses = nodeClasses
    }

    /// Reads an `/object_info` answer: an object of class name → class description.
    ///
    /// `{}` (the answer for an unknown
    /// class) is an empty `ObjectInfo`.
    package init(json: JSONValue) throws(FormatError) {
        guard let classes = json.objectValue else {
            throw FormatError(reason: "expected an object of node classes")
        }
        var nodeClasses: [String: NodeClass] = [:]
        for (name, entry) in classes {
            nodeClasses[name] = try NodeClass(name: name, json: entry)
        }
        self.nodeClasses = nodeClasses
    }

    /// This info with `other`'s classes added; a class in both is taken from `other`.
    package func merging(_ other: ObjectInfo) -> ObjectInfo {
        ObjectInfo(nodeClasses: nodeClasses.merging(other.nodeClasses) { _, newer in newer })
    }

    package func hasClass(_ name: String) -> Bool {
        nodeClasses[name] != nil
    }

    /// The allowed values of a combo input (`ckpt_name`, `sampler_name`, …), or `nil` when the class or input is
    /// unknown or the input is not a combo.
    package func allowedValues(nodeClass: String, input: String) -> [String]? {
        guard case .combo(let values) = nodeClasses[nodeClass]?.input(named: input)?.kind else { return nil }
        return values
    }

    /// Why an `/object_info` answer could not be read.
    package struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
        package var reason: String

        package var description: String { "ComfyUI's /object_info answer is not in the expected format: \(reason)" }
    }
}

extension ObjectInfo {
    /// One node class: its inputs, outputs and whether it is an output node.
    package struct NodeClass: Sendable, Equatable {
        package var name: String
        package var required: [String: Input]
        package var optional: [String: Input]
        /// Output types in order (`["MODEL", "CLIP", "VAE"]`).
        package var outputs: [String]
        package var isOutputNode: Bool

        package init(
            name: String,
            required: [String: Input] = [:],
            optional: [String: Input] = [:],
            outputs: [String] = [],
            isOutputNode: Bool = false
        ) {
            self.name = name
            self.required = required
            self.optional = optional
            self.outputs = outputs
            self.isOutputNode = isOutputNode
        }

        init(name: String, json: JSONValue) throws(FormatError) {
            guard json.objectValue != nil else {
                throw FormatError(reason: "node class '\(name)' is not an object")
            }
            self.name = name
            self.required = try Self.inputs(json["input"]?["required"], nodeClass: name)
            self.optional = try Self.inputs(json["input"]?["optional"], nodeClass: name)
            self.outputs = json["output"]?.arrayValue?.compactMap(\.stringValue) ?? []
            self.isOutputNode = json["output_node"]?.boolValue ?? false
        }

        /// A required input, or else an optional one.
        package func input(named name: String) -> Input? {
            required[name] ?? optional[name]
        }

        private static func inputs(_ json: JSONValue?, nodeClass: String) throws(FormatError) -> [String: Input] {
            guard let json, !json.isNull else { return [:] }
            guard let members = json.objectValue else {
                throw FormatError(reason: "the inputs of node class '\(nodeClass)' are not an object")
            }
            var inputs: [String: Input] = [:]
            for (name, spec) in members {
                inputs[name] = Input(spec: spec)
            }
            return inputs
        }
    }

    /// What one input takes.
    package struct Input: Sendable, Equatable {
        package enum Kind: Sendable, Equatable {
            case int
            case float
            case string
            case boolean
            /// One of a list of values (checkpoint names, samplers, …), in their text form.
            case combo([String])
            /// A link from another node's output of this type (`MODEL`, `CLIP`, `LATENT`, …).
            case link(String)
            /// A spec shape this code does not know; never checked.
            case other
        }

        package var kind: Kind
        package var defaultValue: JSONValue?
        package var min: JSONValue?
        package var max: JSONValue?
        package var step: JSONValue?
        /// A combo fed by uploads (`{"image_upload": true}`, `LoadImage`'s `image`): the node checks the file
        /// exists when the prompt is submitted, and files in subfolders of `input/` are never in the list, so the
        /// list is not the rule.
        package var acceptsUploads: Bool = false

        package init(
            kind: Kind,
            defaultValue: JSONValue? = nil,
            min: JSONValue? = nil,
            max: JSONValue? = nil,
            step: JSONValue? = nil
        ) {
            self.kind = kind
            self.defaultValue = defaultValue
            self.min = min
            self.max = max
            self.step = step
        }

        /// Reads `[type, config?]`.
        init(spec: JSONValue) {
            let type = spec[0]
            let config = spec[1]
            self.defaultValue = config?["default"]
            self.min = config?["min"]
            self.max = config?["max"]
            self.step = config?["step"]
            self.acceptsUploads = config?["image_upload"]?.boolValue ?? false
            switch type {
            case .array(let values)?:
                self.kind = .combo(values.map(\.textForm))
            case .string("INT")?:
                self.kind = .int
            case .string("FLOAT")?:
                self.kind = .float
            case .string("STRING")?:
                self.kind = .string
            case .string("BOOLEAN")?:
                self.kind = .boolean
            case .string("COMBO")?:
                self.kind = .combo(config?["options"]?.arrayValue?.map(\.textForm) ?? [])
            case .string(let linkType)?:
                self.kind = .link(linkType)
            default:
                self.kind = .other
            }
        }
    }
}
