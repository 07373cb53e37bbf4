/// One reason a bound graph would not run on a particular ComfyUI server, found before submitting it.
package struct WorkflowProblem: Sendable, Equatable, CustomStringConvertible {
    /// Stable codes, for tests and for callers that react to a kind of problem.
    package enum Code: String, Sendable, Equatable {
        case nodeClassNotInstalled = "node_class_not_installed"
        case checkpointNotInstalled = "checkpoint_not_installed"
        case loraNotInstalled = "lora_not_installed"
        case vaeNotInstalled = "vae_not_installed"
        case samplerNotAvailable = "sampler_not_available"
        case schedulerNotAvailable = "scheduler_not_available"
        case valueNotInList = "value_not_in_list"
        case requiredInputMissing = "required_input_missing"
        case valueBelowMinimum = "value_below_min"
        case valueAboveMaximum = "value_above_max"
        case invalidValueType = "invalid_value_type"
    }

    package var code: Code
    package var nodeID: String
    package var classType: String
    /// The input concerned, or `nil` for a problem with the node itself.
    package var input: String?
    package var message: String

    package init(code: Code, nodeID: String, classType: String, input: String? = nil, message: String) {
        self.code = code
        self.nodeID = nodeID
        self.classType = classType
        self.input = input
        self.message = message
    }

    package var description: String { message }
}
