import AtomicFiles
import Foundation
import TestSupport
import Testing

@testable import BevyAssets

@Suite("Deploying sprites safely: validation, the jail, failures and concurrency")
struct BevyDeployerSafetyTests {
    let deployer = BevyDeployer(now: { Date(timeIntervalSince1970: 1_800_000_000) })

    private func project(_ folder: TemporaryDirectory, version: String = "0.15") throws -> BevyProject {
        try BevyProject.detect(at: folder.makeBevyProject(requirement: version).path)
    }

    @Test("A failed write keeps the sprites already written in the manifest, and the old file intact")
    func partialFailure() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try project(folder)
        _ = try deployer.deploy([sprite("barrel", category: "props", seed: 1)], into: project)
        let renames = EventLog()
        // Fail the third rename: knight's meta and PNG land; barrel's meta is unchanged, so its PNG is third.
        let failing = BevyDeployer { point in
            guard point == .beforeRename else { return }
            renames.append("rename")
            if renames.all.count == 3 { throw AssetWriterTests.InjectedFault() }
        }
        #expect(throws: BevyAssetsError.self) {
            try failing.deploy([sprite("knight"), sprite("barrel", category: "props", seed: 2)], into: project)
        }
        let manifest = try ManifestStore.read(at: BevyDeployer.manifestURL(in: project))
        #expect(manifest.sprites.keys.sorted() == ["characters/knight", "props/barrel"])
        #expect(manifest.sprites["props/barrel"]?.contentHash == sprite("barrel", seed: 1).contentHash)
        let barrel = project.assetsDirectory.appendingPathComponent("sprites/props/barrel.png")
        #expect(FileManager.default.contents(atPath: barrel.path) == pngBytes(1))
    }

    @Test("A bad name anywhere in the batch means nothing is written")
    func validatesFirst() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try project(folder)
        let before = folder.listing()
        #expect(
            throws: BevyAssetsError.invalidName(
                field: "name",
                value: "../boss",
                reason: "has '.' at position 1, which is not allowed"
            )
        ) {
            try deployer.deploy([sprite("knight"), sprite("../boss")], into: project)
        }
        #expect(throws: BevyAssetsError.self) { try deployer.deploy([sprite("a", category: "Heroes")], into: project) }
        #expect(throws: BevyAssetsError.self) { try deployer.deploy([sprite("a"), sprite("a")], into: project) }
        #expect(folder.listing() == before)
    }

    @Test("Refuses a category folder symlinked outside assets/ and writes nothing outside")
    func symlinkedCategory() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try project(folder)
        let outside = folder.url.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: project.assetsDirectory.appendingPathComponent("sprites"),
            withIntermediateDirectories: true
        )
        try FileManager.default.createSymbolicLink(
            atPath: project.assetsDirectory.appendingPathComponent("sprites/characters").path,
            withDestinationPath: outside.path
        )
        #expect {
            try deployer.deploy([sprite("props-ok", category: "props"), sprite("knight")], into: project)
        } throws: { error in
            guard case .pathEscapesAssets(_, let resolved) = error as? BevyAssetsError else { return false }
            return resolved.hasPrefix(outside.path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        #expect(FileSystem.kind(of: project.assetsDirectory.appendingPathComponent("sprites/props").path) == .missing)
    }

    @Test("The next deploy removes a temp left by a crash, and says so")
    func removesCrashLeftovers() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try project(folder)
        let directory = project.assetsDirectory.appendingPathComponent("sprites/characters")
        let crashing = BevyDeployer { point in
            if point == .beforeRename { throw AssetWriterTests.InjectedFault() }
        }
        #expect(throws: BevyAssetsError.self) { try crashing.deploy([sprite("knight")], into: project) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)

        // A crash (unlike a thrown error) leaves its temp behind: simulate one from our own, finished, process.
        let leftover = directory.appendingPathComponent(".knight.png.tmp-\(getpid())-424242")
        try Data([1, 2, 3]).write(to: leftover)
        let report = try deployer.deploy([sprite("knight")], into: project)
        #expect(FileSystem.kind(of: leftover.path) == .missing)
        #expect(report.notes.contains { $0.contains(leftover.path) })
    }

    @Test("Two concurrent deployers of 20 sprites each lose no manifest entry")
    func concurrentDeploys() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try project(folder)
        let failures = EventLog()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for index in 0..<20 {
                do {
                    _ = try BevyDeployer().deploy([sprite("w\(worker)-\(index)", seed: UInt8(index))], into: project)
                } catch {
                    failures.append("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        #expect(try ManifestStore.read(at: BevyDeployer.manifestURL(in: project)).sprites.count == 40)
    }
}

/// Messages recorded from several threads (errors, or fault-injection calls).
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func append(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}
