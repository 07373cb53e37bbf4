import Foundation
import Yams

/// A batch described in a YAML file for `dgx-pixels batch spec.yaml`: shared options, items, a deploy target.
///
/// Keys are the sprite options' names (`SpriteOption.all`: `style`, `size`, `palette`, `steps`, …) plus
/// `variations`, read as strictly as the configuration: an unknown key is an error naming it.
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
///     variations: 3
/// ```
package struct BatchSpec: Sendable {
    package var batch: BatchDraft
    package var deployTo: String?
    package var concurrency: Int?

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
        var spec = BatchSpec(batch: BatchDraft(shared: SpriteDraft(), items: []))
        var sawItems = false
        let shared = SpriteOption.all.filter { $0.scope == .shared }
        let itemKeys = SpriteOption.all.map(\.key) + ["variations"]
        for (key, value) in try root.mapping(
            allowed: shared.map(\.key) + ["items", "deploy_to", "concurrency", "variations"]
        ) {
            switch key {
            case "items":
                sawItems = true
                for (index, entry) in try value.sequence().enumerated() {
                    var item = BatchDraft.Item(draft: SpriteDraft(), field: "items[\(index)]")
                    if entry.isMapping {
                        for (itemKey, itemValue) in try entry.mapping(allowed: itemKeys) {
                            try read(itemKey, itemValue, into: &item.draft, variations: &item.variations)
                        }
                    } else {
                        item.draft = SpriteDraft(prompt: try entry.nonEmptyString())
                    }
                    spec.batch.items.append(item)
                }
            case "deploy_to": spec.deployTo = try value.nonEmptyString()
            case "concurrency": spec.concurrency = try value.int(in: 1...64)
            default: try read(key, value, into: &spec.batch.shared, variations: &spec.batch.variations)
            }
        }
        guard sawItems, !spec.batch.items.isEmpty else {
            throw .invalidConfiguration(keyPath: "items", message: "give at least one item (a prompt)", file: file)
        }
        return spec
    }

    private static func read(
        _ key: String,
        _ value: ConfigNode,
        into draft: inout SpriteDraft,
        variations: inout Int?
    ) throws(SpriteEngineError) {
        if key == "variations" {
            variations = try value.int(in: BatchDraft.variationRange)
        } else if let option = SpriteOption.named(key) {
            draft[option] = try option.read(value)
        }
    }
}
