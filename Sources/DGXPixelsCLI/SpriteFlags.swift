import ArgumentParser
import SpriteEngine

/// The sprite options on the command line, one flag per row of the option table (`SpriteOption.all`:
/// `negative_prompt` → `--negative-prompt VALUE`, a yes/no option → `--outline` / `--no-outline`), read from the
/// words ArgumentParser leaves over, so a new option needs no change here.
struct SpriteFlags {
    /// The option values given.
    var draft = SpriteDraft()
    /// The words that are not flags (prompts, a spec file), in order.
    var positionals: [String] = []

    /// Reads `words`; `options` are the flags the command takes.
    ///
    /// Everything after `--` is positional.
    static func parse(_ words: [String], options: [SpriteOption]) throws(ValidationError) -> SpriteFlags {
        var flags = SpriteFlags()
        var index = 0
        var onlyPositionals = false
        while index < words.count {
            let word = words[index]
            index += 1
            if onlyPositionals || !word.hasPrefix("--") || word == "--" {
                if word == "--" && !onlyPositionals {
                    onlyPositionals = true
                } else {
                    flags.positionals.append(word)
                }
                continue
            }
            var name = String(word.dropFirst(2))
            var inline: String?
            if let equals = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if let option = options.first(where: { $0.flag == "--" + name }) {
                if case .flag = option.kind {
                    if let inline {
                        flags.draft[option] = .flag(try Self.flag(inline, option: option))
                    } else if index < words.count, ["true", "false"].contains(words[index].lowercased()) {
                        flags.draft[option] = .flag(words[index].lowercased() == "true")
                        index += 1
                    } else {
                        flags.draft[option] = .flag(true)
                    }
                    continue
                }
                guard let text = inline ?? (index < words.count ? words[index] : nil) else {
                    throw ValidationError("\(option.flag) needs a value: \(option.summary)")
                }
                if inline == nil { index += 1 }
                flags.draft[option] = try Self.value(text, option: option)
            } else if name.hasPrefix("no-"), let option = options.first(where: { $0.flag == "--" + name.dropFirst(3) }),
                case .flag = option.kind
            {
                flags.draft[option] = .flag(false)
            } else {
                throw ValidationError(
                    "Unknown option '--\(name)'. Sprite options: "
                        + options.map(\.flag).joined(separator: ", ") + " (see --help)"
                )
            }
        }
        return flags
    }

    /// A flag's text as the value its option's kind takes; ranges are checked with every other surface's values.
    static func value(_ text: String, option: SpriteOption) throws(ValidationError) -> OptionValue {
        switch option.kind {
        case .integer, .integerChoice:
            guard let number = Int(text) else {
                throw ValidationError("\(option.flag) expects an integer, got '\(text)'")
            }
            return .int(number)
        case .number:
            guard let number = Double(text) else {
                throw ValidationError("\(option.flag) expects a number, got '\(text)'")
            }
            return .number(number)
        case .flag:
            return .flag(try flag(text, option: option))
        case .palette:
            guard text.contains(",") || text.hasPrefix("#") else { return .text(text) }
            return .list(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        case .text, .name, .modelName, .choice, .style, .size, .background:
            return .text(text)
        }
    }

    private static func flag(_ text: String, option: SpriteOption) throws(ValidationError) -> Bool {
        switch text.lowercased() {
        case "true", "yes", "1": return true
        case "false", "no", "0": return false
        default: throw ValidationError("\(option.flag) expects true or false, got '\(text)'")
        }
    }

    /// The help text for `options`: one line each, with the value it takes, what it does and its default.
    static func help(for options: [SpriteOption]) -> String {
        options.map { option in
            let value: String =
                switch option.kind {
                case .flag: ""
                case .integer(let range): " <\(range.lowerBound)-\(range.upperBound)>"
                case .number(let range): " <\(Int(range.lowerBound))-\(Int(range.upperBound))>"
                case .choice(let choices): " <\(choices.joined(separator: "|"))>"
                case .integerChoice(let choices): " <\(choices.map(String.init).joined(separator: "|"))>"
                case .size: " <N|WxH>"
                case .palette: " <name|#hex,#hex,…>"
                default: " <text>"
                }
            let flag =
                (option.kind == .flag ? "\(option.flag) / --no-\(option.flag.dropFirst(2))" : option.flag) + value
            let padded = flag.count < 34 ? flag + String(repeating: " ", count: 34 - flag.count) : flag + "  "
            return "  " + padded + option.summary
                + (option.defaultDescription(in: nil).map { " Default: \($0)." } ?? "")
        }.joined(separator: "\n")
    }
}
