import ArgumentParser
import Foundation
import SpriteEngine
import Testing

@testable import DGXPixelsCLI

@Suite("dgx-pixels batch plans with the same code as generate_batch")
struct BatchCommandParsingTests {
    let configuration = Configuration(environment: ["HOME": "/tmp"])

    @Test("Prompts, shared flags, base seed and variations give the requests BatchPlanner gives")
    func prompts() throws {
        let command = try #require(
            try DGXPixels.parseAsRoot(["batch", "slime", "slime", "--seed", "10", "--size", "16", "--variations", "2"])
                as? BatchCommand
        )
        let (batch, _) = try command.plan()
        let requests = try BatchPlanner.requests(for: batch, configuration: configuration)
        #expect(requests.map(\.name) == ["slime-v1", "slime-v2", "slime-v1-2", "slime-v2-2"])
        #expect(requests.map(\.seed) == [10, 11, 11, 12])
        #expect(requests.allSatisfy { $0.size == SpriteSize(square: 16) })
    }

    @Test("A spec file's shared options give way to the command line's; its variations are read")
    func spec() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("sprites.yaml")
        try Data(
            "size: 16\nstyle: pico8\nvariations: 2\ndeploy_to: game\nitems:\n  - coin\n  - prompt: gem\n    variations: 3\n"
                .utf8
        )
        .write(to: file)
        let command = try #require(try DGXPixels.parseAsRoot(["batch", file.path, "--size", "24"]) as? BatchCommand)
        let (batch, spec) = try command.plan()
        let requests = try BatchPlanner.requests(for: batch, configuration: configuration)
        #expect(requests.count == 5)
        #expect(requests.allSatisfy { $0.size == SpriteSize(square: 24) && $0.style.name == "pico8" })
        #expect(spec?.deployTo == folder.appendingPathComponent("game").path)
    }
}
