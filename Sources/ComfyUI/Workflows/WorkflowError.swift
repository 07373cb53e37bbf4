/// Why a workflow template cannot be loaded, bound or imported; every message names the file and the spot.
package enum WorkflowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is unreadable or not a JSON object.
    case unreadable(file: String, reason: String)
    /// The template breaks a rule; `message` says which and where.
    case invalidTemplate(file: String, message: String)
    /// A value given to `bind` is wrong.
    case invalidValue(template: String, parameter: String, message: String)
    /// `bind` got a parameter the template does not declare.
    case unknownParameter(template: String, parameter: String, known: [String])
    /// A raw export cannot be turned into a template.
    case notImportable(String)

    package var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "cannot read workflow \(file): \(reason)"
        case .invalidTemplate(let file, let message):
            "workflow \(file): \(message)"
        case .invalidValue(let template, let parameter, let message):
            "workflow '\(template)' parameter '\(parameter)': \(message)"
        case .unknownParameter(let template, let parameter, let known):
            "workflow '\(template)' has no parameter '\(parameter)'; its parameters: \(known.joined(separator: ", "))"
        case .notImportable(let message):
            "cannot import the workflow: \(message)"
        }
    }
}
