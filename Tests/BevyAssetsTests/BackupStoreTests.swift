import AtomicFiles
import Foundation
import TestSupport
import Testing

@testable import BevyAssets

@Suite("Backups of replaced files under .dgx-pixels/backups")
struct BackupStoreTests {
    /// A deployer whose clock advances one second per deploy, so each gets its own backup folder.
    private func deployer(startingAt start: Double = 1_800_000_000) -> BevyDeployer {
        let clock = EventLog()
        return BevyDeployer(now: {
            clock.append("tick")
            return Date(timeIntervalSince1970: start + Double(clock.all.count))
        })
    }

    @Test("Copies the old PNG and meta before replacing them, and reports where")
    func backsUpReplacedFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try BevyProject.detect(at: folder.makeBevyProject().path)
        let deployer = deployer()
        let first = try deployer.deploy([sprite("knight", seed: 1)], into: project)
        #expect(first.backupPath == nil && first.files.allSatisfy { $0.backupPath == nil })

        let second = try deployer.deploy([sprite("knight", seed: 2)], into: project)
        let backup = try #require(second.backupPath)
        #expect(backup.hasPrefix(project.root.path + "/.dgx-pixels/backups/20"))
        let png = try #require(second.files.first { $0.kind == .png })
        #expect(png.action == .replaced && png.backupPath == backup + "/sprites/characters/knight.png")
        #expect(FileManager.default.contents(atPath: backup + "/sprites/characters/knight.png") == pngBytes(1))
        // The meta did not change, so it was neither replaced nor backed up.
        #expect(second.files.first { $0.kind == .meta }?.backupPath == nil)
        let target = project.assetsDirectory.appendingPathComponent("sprites/characters/knight.png")
        #expect(FileManager.default.contents(atPath: target.path) == pngBytes(2))
    }

    @Test("Keeps only the newest N backup folders")
    func prunes() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try BevyProject.detect(at: folder.makeBevyProject().path)
        let deployer = deployer()
        var made: [String] = []
        for seed in 1...6 {
            let report = try deployer.deploy(
                [sprite("knight", seed: UInt8(seed))],
                into: project,
                options: DeployOptions(backupsKeep: 3)
            )
            if let path = report.backupPath { made.append(path) }
        }
        #expect(made.count == 5)
        let root = project.root.appendingPathComponent(".dgx-pixels/backups")
        let kept = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(kept == made.suffix(3).map { ($0 as NSString).lastPathComponent })
    }

    @Test("backup: false, or keeping 0, writes no backup")
    func disabled() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try BevyProject.detect(at: folder.makeBevyProject().path)
        let deployer = deployer()
        _ = try deployer.deploy([sprite("knight", seed: 1)], into: project)
        let off = try deployer.deploy([sprite("knight", seed: 2)], into: project, options: DeployOptions(backup: false))
        let none = try deployer.deploy(
            [sprite("knight", seed: 3)],
            into: project,
            options: DeployOptions(backupsKeep: 0)
        )
        #expect(off.backupPath == nil && none.backupPath == nil)
        #expect(FileSystem.kind(of: project.root.appendingPathComponent(".dgx-pixels").path) == .missing)
    }

    @Test("A .dgx-pixels symlinked outside the project is refused, and nothing lands outside")
    func jail() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try BevyProject.detect(at: folder.makeBevyProject().path)
        let outside = folder.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: project.root.appendingPathComponent(".dgx-pixels"),
            withIntermediateDirectories: true
        )
        try FileManager.default.createSymbolicLink(
            atPath: project.root.appendingPathComponent(".dgx-pixels/backups").path,
            withDestinationPath: outside.path
        )
        let deployer = deployer()
        _ = try deployer.deploy([sprite("knight", seed: 1)], into: project)
        #expect(throws: BevyAssetsError.self) { try deployer.deploy([sprite("knight", seed: 2)], into: project) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        let target = project.assetsDirectory.appendingPathComponent("sprites/characters/knight.png")
        #expect(FileManager.default.contents(atPath: target.path) == pngBytes(1))
    }
}
