import AtomicFiles
import Foundation
import TestSupport
import Testing

@testable import BevyAssets

@Suite("The sprites manifest")
struct ManifestStoreTests {
    private func entry(_ name: String, hash: String = "sha256:00") -> Manifest.Entry {
        Manifest.Entry(
            assetPath: "sprites/props/\(name).png",
            category: "props",
            name: name,
            width: 16,
            height: 16,
            prompt: nil,
            seed: 7,
            engine: "procedural",
            contentHash: hash,
            deployedAt: "2026-01-02T03:04:05Z"
        )
    }

    @Test("Writes stable, diff-friendly JSON with every key present")
    func encoding() throws {
        var manifest = Manifest()
        manifest.sprites["props/barrel"] = entry("barrel")
        let text = String(decoding: manifest.encoded(), as: UTF8.self)
        #expect(
            text == """
                {
                  "generator" : "dgx-pixels",
                  "sprites" : {
                    "props/barrel" : {
                      "asset_path" : "sprites/props/barrel.png",
                      "category" : "props",
                      "content_hash" : "sha256:00",
                      "deployed_at" : "2026-01-02T03:04:05Z",
                      "engine" : "procedural",
                      "frames" : 1,
                      "height" : 16,
                      "name" : "barrel",
                      "prompt" : null,
                      "seed" : 7,
                      "sheet" : null,
                      "width" : 16
                    }
                  },
                  "version" : 1
                }

                """
        )
        #expect(try JSONDecoder().decode(Manifest.self, from: manifest.encoded()) == manifest)
    }

    @Test("Merges successive updates and keeps the lock file beside the manifest")
    func merges() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let writer = AssetWriter(jail: folder.url)
        let url = folder.url.appendingPathComponent("sprites/manifest.json")

        #expect(try ManifestStore.read(at: url) == Manifest())
        #expect(try ManifestStore.update(at: url, writer: writer) { $0.sprites["props/a"] = entry("a") } == .created)
        #expect(try ManifestStore.update(at: url, writer: writer) { $0.sprites["props/b"] = entry("b") } == .replaced)
        #expect(try ManifestStore.update(at: url, writer: writer) { $0.sprites["props/b"] = entry("b") } == .unchanged)
        #expect(try ManifestStore.read(at: url).sprites.keys.sorted() == ["props/a", "props/b"])
        #expect(FileSystem.kind(of: ManifestStore.lockURL(for: url).path) == .file)
    }

    @Test(
        "Never overwrites a manifest it cannot read",
        arguments: ["{ not json", #"{"version": 2, "generator": "x", "sprites": {}}"#]
    )
    func corrupt(contents: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let url = try folder.write(contents, to: "sprites/manifest.json")
        #expect {
            try ManifestStore.update(at: url, writer: AssetWriter(jail: folder.url)) {
                $0.sprites["props/a"] = entry("a")
            }
        } throws: { error in
            guard case .manifestCorrupt(let path, _) = error as? BevyAssetsError else { return false }
            return path == url.path
        }
        #expect(String(decoding: try Data(contentsOf: url), as: UTF8.self) == contents)
    }

    @Test("Previews the outcome without writing anything")
    func preview() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("sprites/manifest.json")
        #expect(try ManifestStore.preview(at: url) { $0.sprites["props/a"] = entry("a") } == .created)
        #expect(folder.listing().isEmpty)
    }
}
