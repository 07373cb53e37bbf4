import Foundation
import Synchronization
import TestSupport
import Testing

@testable import BevyAssets

@Suite("Deploying into a read-only or full disk")
struct BevyDeployerFaultTests {
    /// Stands in for ENOSPC: the write of the temp's bytes fails.
    struct DiskFull: Error, CustomStringConvertible {
        var description: String { "No space left on device (errno 28)" }
    }

    @Test("Disk full while writing: the previous sprite stays intact, no temp is left, the error names the file")
    func diskFull() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try BevyProject.detect(at: folder.makeBevyProject().path)
        _ = try BevyDeployer().deploy([sprite("knight", seed: 1)], into: project)
        let full = BevyDeployer { point in
            if point == .afterTempWrite { throw DiskFull() }
        }
        let target = project.assetsDirectory.appendingPathComponent("sprites/characters/knight.png")
        #expect {
            try full.deploy([sprite("knight", seed: 2)], into: project, options: DeployOptions(backup: false))
        } throws: { error in
            guard case .writeFailed(let path, let reason) = error as? BevyAssetsError else { return false }
            return path == target.path && reason.contains("No space left")
        }
        #expect(FileManager.default.contents(atPath: target.path) == pngBytes(1))
        let names = try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path)
        #expect(names.sorted() == ["knight.png", "knight.png.meta"])
        let manifest = try ManifestStore.read(at: BevyDeployer.manifestURL(in: project))
        #expect(manifest.sprites["characters/knight"]?.contentHash == sprite("knight", seed: 1).contentHash)
    }

    @Test("Disk full on a new sprite's PNG after its .meta: the .meta is taken back; the manifest lists neither")
    func newSpriteLandsAsAUnit() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try BevyProject.detect(at: folder.makeBevyProject().path)
        _ = try BevyDeployer().deploy([sprite("knight", seed: 1)], into: project)
        let writes = Mutex(0)
        // Writes: the new sprite's .meta (1st temp) lands, its PNG (2nd) hits a full disk.
        let full = BevyDeployer { point in
            guard point == .afterTempWrite else { return }
            let count = writes.withLock { count in
                count += 1
                return count
            }
            if count == 2 { throw DiskFull() }
        }
        #expect(throws: BevyAssetsError.self) {
            try full.deploy([sprite("wizard", seed: 3)], into: project, options: DeployOptions(backup: false))
        }
        let directory = project.assetsDirectory.appendingPathComponent("sprites/characters")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["knight.png", "knight.png.meta"], "\(names)")
        let manifest = try ManifestStore.read(at: BevyDeployer.manifestURL(in: project))
        #expect(manifest.sprites.keys.sorted() == ["characters/knight"])
    }

    @Test("A read-only category folder: writeFailed naming it, and the old files untouched")
    func readOnlyTarget() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try BevyProject.detect(at: folder.makeBevyProject().path)
        _ = try BevyDeployer().deploy([sprite("knight", seed: 1)], into: project)
        let directory = project.assetsDirectory.appendingPathComponent("sprites/characters")
        let before = folder.listing()
        let isRoot = getuid() == 0
        // root ignores permissions, so there the refusal is injected instead.
        let deployer = BevyDeployer { _ in
            if isRoot { throw AssetWriterTests.InjectedFault() }
        }
        if !isRoot { chmod(directory.path, 0o555) }
        defer { chmod(directory.path, 0o755) }
        #expect {
            try deployer.deploy([sprite("knight", seed: 2)], into: project, options: DeployOptions(backup: false))
        } throws: { error in
            guard case .writeFailed(let path, _) = error as? BevyAssetsError else { return false }
            return path.hasPrefix(directory.path)
        }
        #expect(folder.listing() == before)
    }
}
