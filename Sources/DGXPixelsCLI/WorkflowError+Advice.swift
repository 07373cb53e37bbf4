import ComfyUI

extension WorkflowError {
    /// The error as the command line tells it: with the command that fixes it, where there is one.
    var withAdvice: String {
        if case .missingParameterBlock(let file) = self {
            return description + " — `dgx-pixels workflows import \(file)` writes it"
        }
        return description
    }
}
