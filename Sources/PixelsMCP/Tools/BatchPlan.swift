import MCP
import SpriteEngine

/// Turns `generate_batch` arguments into one validated request per item, with unique file names.
enum BatchPlan {
    static func requests(
        from arguments: [String: Value],
        configuration: Configuration
    ) throws(SpriteEngineError)
        -> [SpriteRequest]
    {
        let prompts = arguments["prompts"]?.arrayValue
        let items = arguments["items"]?.arrayValue
        guard (prompts == nil) != (items == nil) else {
            throw .invalidArgument(
                field: prompts == nil ? "prompts" : "items",
                message: prompts == nil
                    ? "give either 'prompts' (a list of strings) or 'items' (a list of objects with a prompt)"
                    : "give 'prompts' or 'items', not both"
            )
        }
        let shared = SpriteOptionsSchema.draft(from: arguments)
        let baseSeed = SpriteOptionsSchema.integer(arguments["seed"])
        let sharedVariations = SpriteOptionsSchema.integer(arguments["variations"]) ?? 1
        var requests: [SpriteRequest] = []
        var usedNames: [String: Int] = [:]
        let entries: [(field: String, arguments: [String: Value])] =
            prompts.map { list in
                list.enumerated().map { ("prompts[\($0.offset)]", ["prompt": $0.element]) }
            } ?? (items ?? []).enumerated().map { ("items[\($0.offset)]", $0.element.objectValue ?? [:]) }
        // Checked before anything is resolved or queued: variations multiply the items.
        let total = entries.reduce(0) { sum, entry in
            sum + (SpriteOptionsSchema.integer(entry.arguments["variations"]) ?? sharedVariations)
        }
        guard total <= configuration.limits.maxBatch else {
            throw .invalidArgument(
                field: "variations",
                message: "\(entries.count) items with their variations make \(total) sprites, over limits.max_batch "
                    + "(\(configuration.limits.maxBatch)); split the batch or ask for fewer variations"
            )
        }
        for (index, entry) in entries.enumerated() {
            var draft = SpriteOptionsSchema.draft(from: entry.arguments)
            draft.inherit(from: shared)
            if draft.seed == nil, let baseSeed { draft.seed = baseSeed + index }
            let variations = SpriteOptionsSchema.integer(entry.arguments["variations"]) ?? sharedVariations
            let base = try draft.resolve(with: configuration, fieldPrefix: entry.field + ".")
            for variation in 1...max(1, variations) {
                var request = base
                if variations > 1 {
                    // Variation v of an item with seed s uses s + v − 1 (and a random seed without one).
                    request.seed =
                        base.seed.map { $0 + UInt64(variation - 1) }
                        ?? UInt64.random(in: 0...UInt64(SpriteDraft.maxSeed))
                    request.name = String(base.name.prefix(58)) + "-v\(variation)"
                }
                let count = usedNames[request.name, default: 0] + 1
                usedNames[request.name] = count
                if count > 1 { request.name = String(request.name.prefix(60)) + "-\(count)" }
                requests.append(request)
            }
        }
        return requests
    }
}
