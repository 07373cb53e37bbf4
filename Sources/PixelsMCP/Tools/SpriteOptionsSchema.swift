import MCP
import PixelArt
import SpriteEngine

/// The sprite options as MCP sees them: each tool's input schema properties and the argument reader, both derived
/// from the one option table (`SpriteOption.all`).
enum SpriteOptionsSchema {
    static let namePattern = "^[a-z0-9_-]{1,64}$"
    static let sizePattern = "^[0-9]{1,5}([xX×][0-9]{1,5})?$"

    /// Schema properties of `options` (every one optional; the tool says which are required).
    static func properties(
        for configuration: Configuration,
        options: [SpriteOption] = SpriteOption.all
    ) -> [String: Value] {
        Dictionary(uniqueKeysWithValues: options.map { ($0.key, schema(of: $0, configuration: configuration)) })
    }

    /// One option's schema: its type and ranges from its kind, its description from its summary and default.
    static func schema(of option: SpriteOption, configuration: Configuration) -> Value {
        let text = option.summary
        func finish(_ extra: String = "") -> String {
            text + extra + (option.defaultDescription(in: configuration).map { " Default: \($0)." } ?? "")
        }
        switch option.kind {
        case .text(let maxLength):
            return JSONSchema.string(finish(), maxLength: maxLength)
        case .name:
            return JSONSchema.string(finish(), pattern: namePattern)
        case .modelName:
            return JSONSchema.string(finish(), maxLength: 200)
        case .choice(let choices):
            return JSONSchema.string(finish(), choices: choices)
        case .style:
            return JSONSchema.string(finish(), choices: configuration.styles.keys.sorted())
        case .integer(let range):
            return JSONSchema.integer(
                finish(" \(range.lowerBound)-\(range.upperBound)."),
                minimum: range.lowerBound,
                maximum: range.upperBound
            )
        case .integerChoice(let choices):
            return .object([
                "type": "integer", "enum": .array(choices.map { .int($0) }), "description": .string(finish()),
            ])
        case .number(let range):
            return JSONSchema.number(finish(), minimum: range.lowerBound, maximum: range.upperBound)
        case .flag:
            return JSONSchema.boolean(finish())
        case .size(let bounds):
            let range = SpriteOption.edgeRange(bounds, configuration: configuration)
            return JSONSchema.anyOf(
                finish(" Each edge \(range.lowerBound)-\(range.upperBound)."),
                [
                    JSONSchema.integer("Square edge.", minimum: range.lowerBound, maximum: range.upperBound),
                    JSONSchema.string("'N' or 'WxH', e.g. '32x48'.", pattern: sizePattern),
                ]
            )
        case .palette:
            return JSONSchema.anyOf(
                finish(" Names: \(Palette.names.joined(separator: ", "))."),
                [
                    JSONSchema.string("Palette name.", minLength: 1, maxLength: 64),
                    JSONSchema.array(
                        "Hex colours such as '#1a1c2c'.",
                        items: JSONSchema.string("A hex colour.", maxLength: 9),
                        minItems: 2,
                        maxItems: 256
                    ),
                ]
            )
        case .background:
            return JSONSchema.string(finish(), maxLength: 16)
        }
    }

    /// A draft from arguments that already passed the schema: every option present, as given.
    static func draft(from arguments: [String: Value]) -> SpriteDraft {
        var draft = SpriteDraft()
        for option in SpriteOption.all {
            guard let value = arguments[option.key].flatMap(optionValue) else { continue }
            draft[option] = value
        }
        return draft
    }

    /// A JSON argument as an option value; the option's kind is checked when the draft is resolved.
    static func optionValue(_ value: Value) -> OptionValue? {
        switch value {
        case .int(let number): .int(number)
        case .double(let number): .number(number)
        case .string(let text): .text(text)
        case .bool(let flag): .flag(flag)
        case .array(let items): .list(items.compactMap(\.stringValue))
        default: nil
        }
    }

    /// An integer argument, accepting `3.0` as 3 (the schema already refused fractions).
    static func integer(_ value: Value?) -> Int? {
        switch value {
        case .int(let number)?: number
        case .double(let number)?: Int(exactly: number)
        default: nil
        }
    }

    /// A number argument, whether the client sent it as an integer or a double.
    static func number(_ value: Value?) -> Double? {
        value?.doubleValue ?? value?.intValue.map(Double.init)
    }
}
