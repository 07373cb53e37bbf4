/// Issues in the order found, with the configured severity overrides applied.
struct IssueList {
    let severities: [String: ValidationIssue.Severity]
    private(set) var items: [ValidationIssue] = []

    init(severities: [String: ValidationIssue.Severity]) {
        self.severities = severities
    }

    mutating func add(_ code: ValidationIssue.Code, _ severity: ValidationIssue.Severity, _ message: String) {
        items.append(ValidationIssue(code, severities[code.rawValue] ?? severity, message))
    }
}
