import BevyAssets

/// Turns a batch into one validated request per sprite, for every surface alike: inheritance, base seeds,
/// variations, the batch limit, and file names that are unique and within the asset-name limit.
package enum BatchPlanner {
    /// The requests for `batch`, in input order (an entry's variations next to each other).
    ///
    /// The size of the batch, variations included, is checked against `limits.max_batch` before anything else.
    package static func requests(
        for batch: BatchDraft,
        configuration: Configuration
    ) throws(SpriteEngineError) -> [SpriteRequest] {
        let sharedVariations = batch.variations ?? 1
        let total = batch.items.reduce(0) { $0 + ($1.variations ?? sharedVariations) }
        guard total <= configuration.limits.maxBatch else {
            throw .invalidArgument(
                field: total > batch.items.count ? "variations" : "items",
                message: "\(batch.items.count) items"
                    + (total > batch.items.count ? " with their variations make \(total) sprites," : " is")
                    + " over limits.max_batch (\(configuration.limits.maxBatch)); split the batch"
                    + (total > batch.items.count ? " or ask for fewer variations" : "")
            )
        }
        var shared = batch.shared
        var baseSeed: Int?
        if case .int(let seed)? = shared[.seed] { baseSeed = seed }
        shared[.seed] = nil
        var names = UniqueNames()
        var requests: [SpriteRequest] = []
        requests.reserveCapacity(total)
        for (index, item) in batch.items.enumerated() {
            var draft = item.draft
            draft.inherit(from: shared)
            if draft[.seed] == nil, let baseSeed { draft[.seed] = .int(baseSeed + index) }
            let base = try draft.resolve(with: configuration, fieldPrefix: item.field + ".")
            let variations = item.variations ?? sharedVariations
            for variation in 1...max(1, variations) {
                var request = base
                if variations > 1 {
                    // Variation v of an item with seed s uses s + v − 1 (and a random seed without one).
                    request.seed =
                        base.seed.map { $0 + UInt64(variation - 1) }
                        ?? UInt64.random(in: 0...UInt64(SpriteDraft.maxSeed))
                    request.name = UniqueNames.fitted(base.name, suffix: "-v\(variation)")
                }
                request.name = names.claim(request.name)
                requests.append(request)
            }
        }
        return requests
    }

    /// File names handed out so far in one batch; a repeat gets `-2`, `-3`, … within the asset-name limit.
    struct UniqueNames {
        private var used: Set<String> = []

        mutating func claim(_ name: String) -> String {
            var candidate = name
            var count = 1
            while used.contains(candidate) {
                count += 1
                candidate = Self.fitted(name, suffix: "-\(count)")
            }
            used.insert(candidate)
            return candidate
        }

        /// `name` + `suffix`, `name` shortened so the whole stays within `AssetName.maximumLength`.
        static func fitted(_ name: String, suffix: String) -> String {
            String(name.prefix(AssetName.maximumLength - suffix.count)) + suffix
        }
    }
}
