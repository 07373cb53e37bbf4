/// Why a workflow template could not be loaded, imported, found or bound.
///
/// `file` is the template's file name
/// (`sd15-pixel-art.json`), `workflow` its name (`sd15-pixel-art`).
package enum WorkflowError: Error, Sendable, Equatable, CustomStringConvertible {
    // Loading.
    case unreadable(file: String, reason: String)
    case invalidJSON(file: String, reason: String)
    case notAGraph(file: String)
    case missingParameterBlock(file: String)
    case invalidParameterBlock(file: String, reason: String)
    case invalidParameter(file: String, parameter: String, reason: String)
    case invalidParameterType(file: String, parameter: String, type: String)
    case defaultOutOfRange(file: String, parameter: String, value: String, range: String)
    case unknownPlaceholder(file: String, placeholder: String, nodeID: String, input: String)
    case unusedParameter(file: String, parameter: String)
    case missingStandardParameter(file: String, parameter: String)
    case invalidNode(file: String, nodeID: String, reason: String)
    case missingClassType(file: String, nodeID: String)
    case danglingLink(file: String, nodeID: String, input: String, target: String)
    case noOutputNode(file: String)
    // Importing.
    case alreadyTemplate(file: String)
    case cannotImport(file: String, reason: String)
    // Finding.
    case unknownWorkflow(name: String, known: [String])
    case unreadableDirectory(path: String, reason: String)
    // Binding.
    case unknownParameter(workflow: String, parameter: String, known: [String])
    case missingValue(workflow: String, parameter: String)
    case wrongType(workflow: String, parameter: String, expected: String, value: String)
    case valueOutOfRange(workflow: String, parameter: String, value: String, range: String)

    package var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "cannot read workflow \(file): \(reason)"
        case .invalidJSON(let file, let reason):
            "workflow \(file) is not valid JSON: \(reason)"
        case .notAGraph(let file):
            "workflow \(file) is not a ComfyUI API-format graph (a JSON object of node id → node); "
                + "export it from ComfyUI with \"Save (API)\""
        case .missingParameterBlock(let file):
            "workflow \(file) has no \"_dgx_pixels\" block declaring its parameters; "
                + "import the raw export (WorkflowImporter writes the block), or add the block by hand"
        case .invalidParameterBlock(let file, let reason):
            "the \"_dgx_pixels\" block of workflow \(file) is invalid: \(reason)"
        case .invalidParameter(let file, let parameter, let reason):
            "parameter '\(parameter)' in workflow \(file) is invalid: \(reason)"
        case .invalidParameterType(let file, let parameter, let type):
            "parameter '\(parameter)' in workflow \(file) has type '\(type)'; use \"string\", \"int\" or \"float\""
        case .defaultOutOfRange(let file, let parameter, let value, let range):
            "the default \(value) of parameter '\(parameter)' in workflow \(file) is outside its range \(range)"
        case .unknownPlaceholder(let file, let placeholder, let nodeID, let input):
            "unknown placeholder {{\(placeholder)}} in node \(nodeID) input '\(input)' of workflow \(file): "
                + "declare it under \"_dgx_pixels\".parameters or fix the name"
        case .unusedParameter(let file, let parameter):
            "parameter '\(parameter)' is declared in workflow \(file) but no input uses {{\(parameter)}}: "
                + "use it or remove the declaration"
        case .missingStandardParameter(let file, let parameter):
            "workflow \(file) does not use {{\(parameter)}}: every template must take '\(parameter)' "
                + "(declare it and put {{\(parameter)}} in an input)"
        case .invalidNode(let file, let nodeID, let reason):
            "node \(nodeID) in workflow \(file) is invalid: \(reason)"
        case .missingClassType(let file, let nodeID):
            "node \(nodeID) in workflow \(file) has no \"class_type\""
        case .danglingLink(let file, let nodeID, let input, let target):
            "node \(nodeID) input '\(input)' in workflow \(file) links to node \(target), which does not exist"
        case .noOutputNode(let file):
            "workflow \(file) has no output node: add a SaveImage (or PreviewImage) node"
        case .alreadyTemplate(let file):
            "\(file) is already a template (it has a \"_dgx_pixels\" block): import takes a raw \"Save (API)\" export"
        case .cannotImport(let file, let reason):
            "cannot import \(file): \(reason)"
        case .unknownWorkflow(let name, let known):
            "no workflow named '\(name)'; known workflows: \(Self.list(known))"
        case .unreadableDirectory(let path, let reason):
            "cannot read the workflow folder \(path): \(reason)"
        case .unknownParameter(let workflow, let parameter, let known):
            "workflow '\(workflow)' has no parameter '\(parameter)'; its parameters: \(Self.list(known))"
        case .missingValue(let workflow, let parameter):
            "workflow '\(workflow)' needs a value for '\(parameter)' (it has no default)"
        case .wrongType(let workflow, let parameter, let expected, let value):
            "parameter '\(parameter)' of workflow '\(workflow)' takes \(expected), not \(value)"
        case .valueOutOfRange(let workflow, let parameter, let value, let range):
            "parameter '\(parameter)' of workflow '\(workflow)' is \(value), outside its range \(range)"
        }
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.joined(separator: ", ")
    }
}
