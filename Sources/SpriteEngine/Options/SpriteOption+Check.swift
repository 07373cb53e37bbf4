import Foundation
import PixelArt

extension SpriteOption {
    /// `value` checked against this option's kind and ranges, in the form `SpriteRequest` reads it (choices
    /// lowercased, names trimmed); an error names `field` and says what was expected.
    package func check(
        _ value: OptionValue,
        field: String,
        configuration: Configuration
    ) throws(SpriteEngineError) -> OptionValue {
        func fail(_ expected: String) -> SpriteEngineError {
            .invalidArgument(field: field, message: "expected \(expected), got \(value.described)")
        }
        switch kind {
        case .text(let maxLength):
            guard case .text(let text) = value else { throw fail("text") }
            guard !text.contains("\0") else {
                throw .invalidArgument(field: field, message: "must not contain NUL characters")
            }
            guard text.count <= maxLength else {
                throw .invalidArgument(
                    field: field,
                    message: "must be at most \(maxLength) characters, got \(text.count)"
                )
            }
            return value
        case .name:
            guard case .text(let text) = value else { throw fail("a name of a-z, 0-9, '_' and '-'") }
            return .text(try SpriteName.validated(text, field: field))
        case .modelName:
            guard case .text(let text) = value else { throw fail("a file or sampler name") }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, trimmed.count <= 200, !trimmed.contains(".."),
                trimmed.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0 != "\\" })
            else { throw fail("a file or sampler name (printable, no '..' or '\\', at most 200 characters)") }
            return .text(trimmed)
        case .choice(let choices):
            guard case .text(let text) = value, choices.contains(text.lowercased()) else {
                throw fail("one of \(choices.joined(separator: ", "))")
            }
            return .text(text.lowercased())
        case .style:
            guard case .text(let text) = value else { throw fail("a style name") }
            _ = try configuration.style(named: text, field: field)
            return value
        case .integer(let range):
            let number: Int? =
                switch value {
                case .int(let number): number
                case .number(let number): Int(exactly: number)
                default: nil
                }
            guard let number, range.contains(number) else {
                throw fail("an integer from \(range.lowerBound) to \(range.upperBound)")
            }
            return .int(number)
        case .integerChoice(let choices):
            let number: Int? =
                switch value {
                case .int(let number): number
                case .number(let number): Int(exactly: number)
                case .text(let text): Int(text)
                default: nil
                }
            guard let number, choices.contains(number) else {
                throw fail("one of \(choices.map(String.init).joined(separator: ", "))")
            }
            return .int(number)
        case .number(let range):
            let number: Double? =
                switch value {
                case .int(let number): Double(number)
                case .number(let number): number
                default: nil
                }
            guard let number, number.isFinite, range.contains(number) else {
                throw fail("a number from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))")
            }
            return .number(number)
        case .flag:
            guard case .flag = value else { throw fail("true or false") }
            return value
        case .size(let bounds):
            let size = try Self.size(value, field: field, bounds: bounds, configuration: configuration)
            return .text("\(size.width)x\(size.height)")
        case .palette:
            switch value {
            case .text(let name): _ = try Self.palette(named: name, field: field)
            case .list(let colours): _ = try Self.palette(colours: colours, field: field)
            default: throw fail("a palette name or a list of hex colours")
            }
            return value
        case .background:
            guard case .text(let text) = value, StylePreset.Background(text) != nil else {
                throw fail("'transparent', 'keep' or a hex colour such as '#1a1c2c'")
            }
            return value
        }
    }

    /// The edge range a `.size` option accepts under `configuration`.
    package static func edgeRange(_ bounds: SizeBounds, configuration: Configuration) -> ClosedRange<Int> {
        switch bounds {
        case .sprite: configuration.generation.minSize...configuration.generation.maxSize
        case .diffusion: 64...2048
        }
    }

    static func size(
        _ value: OptionValue,
        field: String,
        bounds: SizeBounds,
        configuration: Configuration
    ) throws(SpriteEngineError) -> SpriteSize {
        let range = edgeRange(bounds, configuration: configuration)
        let size: SpriteSize
        switch value {
        case .int(let edge): size = try SpriteSize.checked(SpriteSize(square: edge), field: field, range: range)
        case .number(let edge):
            guard let whole = Int(exactly: edge) else {
                throw .invalidArgument(field: field, message: "expected a whole number of pixels, got \(edge)")
            }
            size = try SpriteSize.checked(SpriteSize(square: whole), field: field, range: range)
        case .text(let text): size = try SpriteSize.parse(text, field: field, range: range)
        default:
            throw .invalidArgument(field: field, message: "expected an edge N or 'WxH', got \(value.described)")
        }
        if bounds == .diffusion, size.width % 8 != 0 || size.height % 8 != 0 {
            throw .invalidArgument(
                field: field,
                message: "each edge must be a multiple of 8 (latent images are 1/8 scale), got \(size)"
            )
        }
        return size
    }

    /// A named palette; nil for `none`/`auto` (free colours).
    static func palette(named name: String, field: String) throws(SpriteEngineError) -> Palette? {
        if name.lowercased() == "none" || name.lowercased() == "auto" { return nil }
        guard let named = Palette.named(name) else {
            throw .invalidArgument(
                field: field,
                message: "unknown palette '\(name)'; known palettes: \(Palette.names.joined(separator: ", ")), "
                    + "or give a list of hex colours"
            )
        }
        return named
    }

    static func palette(colours: [String], field: String) throws(SpriteEngineError) -> Palette {
        guard (2...256).contains(colours.count) else {
            throw .invalidArgument(field: field, message: "a palette needs 2 to 256 colours, got \(colours.count)")
        }
        do {
            return try Palette.parse(hexList: colours)
        } catch {
            throw .invalidArgument(field: field, message: error.description)
        }
    }

    /// `30` rather than `30.0` in messages.
    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
    }
}
