/// A batch as the caller gave it, on any surface (`generate_batch`, `dgx-pixels batch`, a batch spec): options
/// shared by every item, and the items, each a draft with its own options and variations.
package struct BatchDraft: Sendable {
    /// One entry of the batch.
    package struct Item: Sendable {
        package var draft: SpriteDraft
        /// Sprites of this entry, each with its own seed; nil takes the batch's.
        package var variations: Int?
        /// How errors name it: `prompts[3]`, `items[2]`.
        package var field: String

        package init(draft: SpriteDraft, variations: Int? = nil, field: String) {
            self.draft = draft
            self.variations = variations
            self.field = field
        }
    }

    /// How many variations one entry may ask for.
    package static let variationRange = 1...16

    /// Options every item inherits where it sets none.
    ///
    /// A shared `seed` is the batch's base seed: item i without a seed of its own uses seed + i.
    package var shared: SpriteDraft
    package var items: [Item]
    /// Variations of every entry that does not say; 1 when nil.
    package var variations: Int?

    package init(shared: SpriteDraft, items: [Item], variations: Int? = nil) {
        self.shared = shared
        self.items = items
        self.variations = variations
    }
}
