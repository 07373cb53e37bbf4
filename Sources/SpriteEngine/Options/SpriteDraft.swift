import Foundation
import PixelArt

/// The options of a generate call as the caller gave them, before validation: a value per `SpriteOption` key.
///
/// MCP arguments, batch YAML and CLI flags all become drafts; `resolve` applies the one set of rules, so every
/// surface accepts and refuses exactly the same things.
package struct SpriteDraft: Sendable, Hashable {
    package var values: [String: OptionValue] = [:]

    package init(prompt: String? = nil) {
        if let prompt { values[SpriteOption.prompt.key] = .text(prompt) }
    }

    package subscript(_ option: SpriteOption) -> OptionValue? {
        get { values[option.key] }
        set { values[option.key] = newValue }
    }

    /// The largest seed accepted: JSON numbers are exact up to 2^53.
    package static let maxSeed = 9_007_199_254_740_991

    /// Fills every shared option this draft leaves unset from `shared` (a batch's options shared by its items).
    package mutating func inherit(from shared: SpriteDraft) {
        for option in SpriteOption.all where option.scope == .shared && values[option.key] == nil {
            values[option.key] = shared.values[option.key]
        }
    }

    /// Validates every value against its option and the configuration, and returns the request.
    ///
    /// Errors name the field, prefixed by `fieldPrefix` for batch items (for example `items[2].`).
    package func resolve(
        with configuration: Configuration,
        fieldPrefix: String = ""
    ) throws(SpriteEngineError) -> SpriteRequest {
        var checked: [String: OptionValue] = [:]
        for option in SpriteOption.all {
            guard let value = values[option.key] else { continue }
            checked[option.key] = try option.check(value, field: fieldPrefix + option.key, configuration: configuration)
        }
        if let unknown = values.keys.first(where: { SpriteOption.named($0) == nil }) {
            throw .invalidArgument(field: fieldPrefix + unknown, message: "is not a sprite option")
        }
        return try SpriteRequest(checked: checked, configuration: configuration, fieldPrefix: fieldPrefix)
    }
}
