import Foundation
import Yams

/// A batch described in a YAML file for `dgx-pixels batch spec.yaml`: shared options, items, a deploy target.
///
/// Keys are the MCP argument names (`style`, `size`, `palette`, `steps`, …), read as strictly as the
/// configuration: an unknown key is an error naming it.
///
/// ```yaml
/// style: pico8
/// size: 16
/// deploy_to: ../my-game
/// items:
///   - green slime
///   - prompt: red knight
///     name: knight
///     category: character
///     seed: 7
/// ```
package struct BatchSpec: Sendable {
    package var shared: SpriteDraft
    package var items: [SpriteDraft]
    package var deployTo: String?
    package var concurrency: Int?

    static let optionKeys = [
        "prompt", "style", "size", "seed", "negative_prompt", "palette", "colors", "background", "outline", "name",
        "category", "dither", "force", "workflow", "steps", "cfg", "sampler", "scheduler", "checkpoint", "lora",
        "lora_strength", "generation_size",
    ]

    /// Parses the spec's text; `file` names it in errors.
    package static func parse(yaml: String, file: String) throws(SpriteEngineError) -> BatchSpec {
        let document: Node?
        do {
            document = try Yams.compose(yaml: yaml)
        } catch {
            throw .unreadableConfiguration(file: file, reason: "not valid YAML: \(error)")
        }
        guard let document else { throw .invalidConfiguration(keyPath: "items", message: "is required", file: file) }
        let root = ConfigNode(node: document, keyPath: "", file: file)
        var spec = BatchSpec(shared: SpriteDraft(), items: [])
        var sawItems = false
        let sharedKeys = optionKeys.filter { $0 != "prompt" && $0 != "name" }
        for (key, value) in try root.mapping(allowed: sharedKeys + ["items", "deploy_to", "concurrency"]) {
            switch key {
            case "items":
                sawItems = true
                for entry in try value.sequence() {
                    if entry.isMapping {
                        spec.items.append(try draft(from: entry, allowed: optionKeys))
                    } else {
                        spec.items.append(SpriteDraft(prompt: try entry.nonEmptyString()))
                    }
                }
            case "deploy_to": spec.deployTo = try value.nonEmptyString()
            case "concurrency": spec.concurrency = try value.int(in: 1...64)
            default: try apply(key, value, to: &spec.shared)
            }
        }
        guard sawItems, !spec.items.isEmpty else {
            throw .invalidConfiguration(keyPath: "items", message: "give at least one item (a prompt)", file: file)
        }
        return spec
    }

    private static func draft(from node: ConfigNode, allowed: [String]) throws(SpriteEngineError) -> SpriteDraft {
        var draft = SpriteDraft()
        for (key, value) in try node.mapping(allowed: allowed) {
            try apply(key, value, to: &draft)
        }
        return draft
    }

    private static func apply(_ key: String, _ value: ConfigNode, to draft: inout SpriteDraft) throws(SpriteEngineError)
    {
        func size() throws(SpriteEngineError) -> SpriteDraft.SizeInput {
            if let edge = value.node.int { return .edge(edge) }
            return .text(try value.nonEmptyString())
        }
        switch key {
        case "prompt": draft.prompt = try value.nonEmptyString()
        case "style": draft.style = try value.nonEmptyString()
        case "size": draft.size = try size()
        case "seed": draft.seed = try value.int(in: 0...SpriteDraft.maxSeed)
        case "negative_prompt": draft.negativePrompt = try value.string()
        case "palette":
            if case .sequence = value.node {
                draft.palette = .colors(
                    try value.sequence().map { item throws(SpriteEngineError) in try item.string() }
                )
            } else {
                draft.palette = .name(try value.nonEmptyString())
            }
        case "colors": draft.colors = try value.int(in: 2...256)
        case "background": draft.background = try value.nonEmptyString()
        case "outline": draft.outline = try value.bool()
        case "name": draft.name = try value.nonEmptyString()
        case "category": draft.category = try value.nonEmptyString()
        case "dither": draft.dither = try value.nonEmptyString()
        case "force": draft.force = try value.bool()
        case "workflow": draft.workflow = try value.nonEmptyString()
        case "steps": draft.steps = try value.int(in: 1...150)
        case "cfg": draft.cfg = try value.double(in: 0...30)
        case "sampler": draft.sampler = try value.nonEmptyString()
        case "scheduler": draft.scheduler = try value.nonEmptyString()
        case "checkpoint": draft.checkpoint = try value.nonEmptyString()
        case "lora": draft.lora = try value.nonEmptyString()
        case "lora_strength": draft.loraStrength = try value.double(in: -4...4)
        default: draft.generationSize = try size()
        }
    }
}
