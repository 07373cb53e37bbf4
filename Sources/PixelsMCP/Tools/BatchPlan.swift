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
        var requests: [SpriteRequest] = []
        var usedNames: [String: Int] = [:]
        let entries: [(field: String, arguments: [String: Value])] =
            prompts.map { list in
                list.enumerated().map { ("prompts[\($0.offset)]", ["prompt": $0.element]) }
            } ?? (items ?? []).enumerated().map { ("items[\($0.offset)]", $0.element.objectValue ?? [:]) }
        for (index, entry) in entries.enumerated() {
            var draft = SpriteOptionsSchema.draft(from: entry.arguments)
            draft.inherit(from: shared)
            if draft.seed == nil, let baseSeed { draft.seed = baseSeed + index }
            var request = try draft.resolve(with: configuration, fieldPrefix: entry.field + ".")
            let count = usedNames[request.name, default: 0] + 1
            usedNames[request.name] = count
            if count > 1 { request.name = String(request.name.prefix(60)) + "-\(count)" }
            requests.append(request)
        }
        return requests
    }
}
