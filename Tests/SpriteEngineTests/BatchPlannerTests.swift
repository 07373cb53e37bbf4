import Foundation
import SpriteEngine
import Testing

@Suite("BatchPlanner: one planner for generate_batch, dgx-pixels batch and batch specs")
struct BatchPlannerTests {
    let configuration = Configuration(environment: ["HOME": "/tmp"])

    private func item(_ prompt: String, name: String? = nil, variations: Int? = nil, index: Int) -> BatchDraft.Item {
        var draft = SpriteDraft(prompt: prompt)
        if let name { draft[.name] = .text(name) }
        return BatchDraft.Item(draft: draft, variations: variations, field: "items[\(index)]")
    }

    @Test("Repeated and varied names stay unique and within the 64-character asset-name limit")
    func namesFit() throws {
        let long = String(repeating: "k", count: 64)
        let batch = BatchDraft(
            shared: SpriteDraft(),
            items: [
                item("a", name: long, index: 0), item("b", name: long, index: 1), item("c", name: long, index: 2),
                item("d", name: long, variations: 3, index: 3), item("e", name: "x-2", index: 4),
                item("f", name: "x", index: 5), item("g", name: "x", index: 6),
            ]
        )
        let names = try BatchPlanner.requests(for: batch, configuration: configuration).map(\.name)
        #expect(Set(names).count == names.count, "\(names)")
        #expect(names.allSatisfy { $0.count <= 64 }, "\(names.map(\.count))")
        #expect(names.suffix(3) == ["x-2", "x", "x-3"])
    }

    @Test("Items inherit shared options, their own win; the shared seed is a base seed; variations step the seed")
    func inheritance() throws {
        var shared = SpriteDraft()
        shared[.size] = .int(16)
        shared[.seed] = .int(100)
        shared[.palette] = .text("pico-8")
        var own = item("gem", index: 1)
        own.draft[.size] = .int(24)
        own.draft[.seed] = .int(5)
        own.variations = 2
        let requests = try BatchPlanner.requests(
            for: BatchDraft(shared: shared, items: [item("coin", index: 0), own]),
            configuration: configuration
        )
        #expect(requests.map(\.size.width) == [16, 24, 24])
        #expect(requests.map(\.seed) == [100, 5, 6])
        #expect(requests.allSatisfy { $0.palette?.name == "pico-8" })
        #expect(requests.map(\.name) == ["coin", "gem-v1", "gem-v2"])
    }

    @Test("The batch limit counts variations and is checked before any item is resolved")
    func limit() {
        var configuration = self.configuration
        configuration.limits.maxBatch = 5
        var bad = item("x", index: 0)
        bad.draft[.size] = .int(-1)
        let batch = BatchDraft(shared: SpriteDraft(), items: [bad, item("y", index: 1)], variations: 3)
        #expect {
            try BatchPlanner.requests(for: batch, configuration: configuration)
        } throws: { error in
            "\(error)".contains("limits.max_batch (5)") && "\(error)".contains("6 sprites")
        }
    }

    @Test("An item's error names its field in the batch")
    func fieldNames() {
        var bad = item("x", index: 0)
        bad.draft[.steps] = .int(0)
        #expect {
            try BatchPlanner.requests(
                for: BatchDraft(shared: SpriteDraft(), items: [bad]),
                configuration: configuration
            )
        } throws: { error in
            guard case .invalidArgument(let field, _) = error as? SpriteEngineError else { return false }
            return field == "items[0].steps"
        }
    }
}
