import Foundation
import TestSupport
import Testing

@testable import SpriteEngine

@Suite("Tileset arguments")
struct TilesetDraftTests {
    let configuration = Configuration(environment: [:])

    func draft(_ terrain: String? = "grass", _ configure: (inout TilesetDraft) -> Void = { _ in }) -> TilesetDraft {
        var draft = TilesetDraft(terrain: terrain)
        configure(&draft)
        return draft
    }

    @Test("Defaults: wang16, 16 px tiles, named terrain_edge, the whole 64x64 image validated")
    func defaults() throws {
        let request = try draft { $0.edge = "water" }.resolve(with: configuration)
        #expect(request.prompt == "grass")
        #expect(request.name == "grass_water")
        #expect(request.category == TilesetDraft.category)
        #expect(request.tileset == TilesetRequest(edge: "water", tileSize: 16, layout: .wang16))
        #expect(request.size == SpriteSize(width: 64, height: 64))
        #expect(request.background == .transparent)
        let blob = try draft {
            $0.layout = "blob47"
            $0.tileSize = 32
            $0.name = "meadow"
        }.resolve(with: configuration)
        #expect(blob.name == "meadow" && blob.tileset?.edge == nil)
        #expect(blob.size == SpriteSize(width: 256, height: 192))
    }

    typealias Change = @Sendable (inout TilesetDraft) -> Void

    static let refusals: [(field: String, expected: String, change: Change)] = [
        ("terrain", "is required", { $0.terrain = nil }),
        ("terrain", "1-2000 characters", { $0.terrain = "   " }),
        ("edge", "1-2000 characters", { $0.edge = "" }),
        ("tile_size", "8-64, got 7", { $0.tileSize = 7 }),
        ("tile_size", "8-64, got 65", { $0.tileSize = 65 }),
        ("layout", "wang16, blob47", { $0.layout = "hex" }),
        ("style", "", { $0.style = "nope" }),
        ("palette", "", { $0.palette = .text("nope") }),
        ("name", "", { $0.name = "../x" }),
        ("seed", "", { $0.seed = -1 }),
    ]

    @Test("Refuses bad arguments, naming the field and what it accepts", arguments: 0..<10)
    func refusals(case index: Int) {
        let (field, expected, change) = Self.refusals[index]
        let message = message(for: draft("grass", change), field: field)
        #expect(message != nil && (expected.isEmpty || message?.contains(expected) == true), "\(message ?? "")")
    }

    /// The message of the argument error `draft` resolves to, when it names `field`.
    private func message(for draft: TilesetDraft, field: String, configuration: Configuration? = nil) -> String? {
        do {
            _ = try draft.resolve(with: configuration ?? self.configuration)
            Issue.record("\(field): accepted")
        } catch {
            guard case .invalidArgument(let named, let message) = error, named == field else {
                Issue.record("\(field): expected an argument error naming it, got \(error)")
                return nil
            }
            return message
        }
        return nil
    }

    @Test("An image over limits.max_edge is refused naming tile_size")
    func overLimits() throws {
        var small = configuration
        small.limits.maxEdge = 256
        let request = try draft { $0.layout = "blob47" }.resolve(with: small)
        #expect(request.size.width == 128)
        let big = draft {
            $0.layout = "blob47"
            $0.tileSize = 64
        }
        #expect(message(for: big, field: "tile_size", configuration: small)?.contains("512x384") == true)
    }

    @Test("The tileset round-trips through the journal's JSON and changes the cache key")
    func coding() throws {
        let request = try draft { $0.edge = "water" }.resolve(with: configuration)
        let decoded = try JSONDecoder().decode(SpriteRequest.self, from: try JSONEncoder().encode(request))
        #expect(decoded == request)
        var bigger = request
        bigger.tileset?.tileSize = 32
        #expect(
            SpriteCache.key(for: request, seed: 1, identity: "x")
                != SpriteCache.key(for: bigger, seed: 1, identity: "x")
        )
    }
}
