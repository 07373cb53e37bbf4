/// Splits prompts into lowercase words, the unit every prompt lookup (category, colour, template) matches on.
enum PromptWords {
    /// The prompt's words in order: lowercase ASCII letters, digits and hyphens; everything else separates words.
    static func words(in prompt: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in prompt.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.flatMap { word in
            word.contains("-") ? [word] + word.split(separator: "-").map(String.init) : [word]
        }
    }

    /// A crude singular for English plurals ("knights" → "knight", "potions" → "potion").
    static func singular(_ word: String) -> String {
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") else { return word }
        return String(word.dropLast())
    }

    /// Lowercased, with runs of whitespace collapsed to one space and the ends trimmed.
    static func normalised(_ prompt: String) -> String {
        prompt.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
