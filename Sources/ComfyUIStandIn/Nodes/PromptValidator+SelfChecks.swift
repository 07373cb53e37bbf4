extension PromptValidator {
    /// A node's own check of one input (ComfyUI's `VALIDATE_INPUTS`): `LoadImage` needs an existing path.
    func selfCheck(_ classType: String, input: String, value: StandInJSON) -> Result<StandInJSON?, Raised> {
        guard classType == "LoadImage", input == "image" else { return .success(nil) }
        guard let name = value.stringValue else {
            return .failure(
                Raised(
                    message: "'\(value.pythonTypeName)' object has no attribute 'endswith'",
                    type: "AttributeError",
                    traceback: Self.innerTraceback
                )
            )
        }
        if let (type, path) = StandInState.annotatedPath(name), case .file = entry(type, path) {
            return .success(nil)
        }
        if let (type, path) = StandInState.annotatedPath(name), case .folder = entry(type, path) {
            return .success(nil)
        }
        return .success(
            Self.error(
                "custom_validation_failed",
                "Custom validation failed for node",
                details: "\(input) - Invalid image file: \(name)",
                extra: ["input_name": .string(input)]
            )
        )
    }
}
