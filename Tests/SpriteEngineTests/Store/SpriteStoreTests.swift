import Foundation
import TestSupport
import Testing

@testable import SpriteEngine

@Suite("SpriteStore")
struct SpriteStoreTests {
    @Test("A job id's folder is claimed once: a second claim, by any process, is refused")
    func claims() throws {
        let directory = try TemporaryDirectory()
        let store = SpriteStore(root: directory.url.appendingPathComponent("out"))
        #expect(store.claimJobFolder("20261201-120000-abcdef"))
        #expect(!store.claimJobFolder("20261201-120000-abcdef"))
        #expect(store.jobIDs() == ["20261201-120000-abcdef"])
    }

    @Test("Writes only job folder + file names the store made; anything else is refused before touching disk")
    func refusesForeignPaths() throws {
        let directory = try TemporaryDirectory()
        let store = SpriteStore(root: directory.url.appendingPathComponent("out"))
        for (job, file) in [
            ("../x", "a.png"), ("20261201-120000-abcdef", "../a.png"), ("20261201-120000-abcdef", ".hidden"),
        ] {
            #expect(throws: SpriteEngineError.self) { try store.save(png: Data([1]), jobID: job, fileName: file) }
        }
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("x").path))
    }
}
