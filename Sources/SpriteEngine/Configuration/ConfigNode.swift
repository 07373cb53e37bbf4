import Yams

/// A node of the YAML configuration with its dotted key path, read strictly: every mismatch names the key.
struct ConfigNode {
    let node: Node
    let keyPath: String
    let file: String?

    /// Fails with the key path, what was expected and what was found.
    func fail(_ expected: String) -> SpriteEngineError {
        .invalidConfiguration(keyPath: keyPath, message: "expected \(expected), got \(describe())", file: file)
    }

    /// The entries of a mapping; a key outside `allowed` is an error that lists the allowed keys.
    func mapping(allowed: [String]? = nil) throws(SpriteEngineError) -> [(key: String, value: ConfigNode)] {
        guard case .mapping(let mapping) = node else { throw fail("a mapping") }
        var entries: [(key: String, value: ConfigNode)] = []
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string else {
                throw SpriteEngineError.invalidConfiguration(
                    keyPath: keyPath,
                    message: "keys must be strings",
                    file: file
                )
            }
            let childPath = keyPath.isEmpty ? key : "\(keyPath).\(key)"
            if let allowed, !allowed.contains(key) {
                throw SpriteEngineError.invalidConfiguration(
                    keyPath: childPath,
                    message: "unknown key; allowed keys here: \(allowed.joined(separator: ", "))",
                    file: file
                )
            }
            entries.append((key, ConfigNode(node: valueNode, keyPath: childPath, file: file)))
        }
        return entries
    }

    /// The node's resolved YAML tag (`!!int`, `!!str`, …).
    private var tagName: Tag.Name { Tag.Name(rawValue: node.tag.rawValue) }

    var isMapping: Bool {
        if case .mapping = node { return true }
        return false
    }

    var isNull: Bool {
        if case .scalar = node { return tagName == .null }
        return false
    }

    func string() throws(SpriteEngineError) -> String {
        guard case .scalar(let scalar) = node, tagName != .null else { throw fail("a string") }
        return scalar.string
    }

    func nonEmptyString() throws(SpriteEngineError) -> String {
        let text = try string()
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("a non-empty string") }
        return text
    }

    func int(in range: ClosedRange<Int>) throws(SpriteEngineError) -> Int {
        let expected = "an integer from \(range.lowerBound) to \(range.upperBound)"
        guard case .scalar = node, tagName == .int, let value = node.int else {
            throw fail(expected)
        }
        guard range.contains(value) else { throw fail(expected) }
        return value
    }

    func double(in range: ClosedRange<Double>) throws(SpriteEngineError) -> Double {
        let expected = "a number from \(range.lowerBound) to \(range.upperBound)"
        guard case .scalar = node,
            tagName == .int || tagName == .float,
            let value = node.float, range.contains(value)
        else { throw fail(expected) }
        return value
    }

    func bool() throws(SpriteEngineError) -> Bool {
        guard case .scalar = node, tagName == .bool, let value = node.bool else {
            throw fail("true or false")
        }
        return value
    }

    func oneOf<Choice: RawRepresentable & CaseIterable>(_: Choice.Type) throws(SpriteEngineError) -> Choice
    where Choice.RawValue == String {
        let names = Choice.allCases.map(\.rawValue)
        let expected = "one of " + names.joined(separator: ", ")
        guard case .scalar = node, let text = node.string, let choice = Choice(rawValue: text) else {
            throw fail(expected)
        }
        return choice
    }

    func sequence() throws(SpriteEngineError) -> [ConfigNode] {
        guard case .sequence(let sequence) = node else { throw fail("a list") }
        return sequence.enumerated().map { index, child in
            ConfigNode(node: child, keyPath: "\(keyPath)[\(index)]", file: file)
        }
    }

    private func describe() -> String {
        switch node {
        case .scalar(let scalar):
            tagName == .null ? "nothing" : "'\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
