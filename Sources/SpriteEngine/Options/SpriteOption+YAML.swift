extension SpriteOption {
    /// This option's value read from a YAML node by kind (a batch spec); a node of the wrong type is an error naming its key path.
    ///
    /// Ranges are checked later, with every other surface's values, by `SpriteDraft.resolve`.
    func read(_ node: ConfigNode) throws(SpriteEngineError) -> OptionValue {
        switch kind {
        case .text, .name, .modelName, .choice, .style, .background:
            return .text(key == SpriteOption.prompt.key ? try node.nonEmptyString() : try node.string())
        case .integer, .integerChoice:
            return .int(try node.int(in: Int.min...Int.max))
        case .number:
            return .number(try node.double(in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude))
        case .flag:
            return .flag(try node.bool())
        case .size:
            if let edge = node.node.int { return .int(edge) }
            return .text(try node.nonEmptyString())
        case .palette:
            if case .sequence = node.node {
                return .list(try node.sequence().map { item throws(SpriteEngineError) in try item.string() })
            }
            return .text(try node.nonEmptyString())
        }
    }
}
