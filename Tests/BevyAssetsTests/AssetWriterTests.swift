import AtomicFiles
import Foundation
import TestSupport
import Testing

@testable import BevyAssets

@Suite("Atomic writes inside assets/")
struct AssetWriterTests {
    /// A failure standing in for a full disk or a crash at a chosen moment.
    struct InjectedFault: Error, CustomStringConvertible {
        var description: String { "injected fault" }
    }

    private func makeJail(_ folder: TemporaryDirectory) throws -> AssetWriter {
        let assets = folder.url.appendingPathComponent("assets")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        return AssetWriter(jail: assets)
    }

    private func hiddenTemps(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.contains(".tmp-") }
    }

    @Test("Plans paths inside the jail")
    func plansInside() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let writer = try makeJail(folder)
        let target = try writer.plan(relativePath: "sprites/characters/knight.png")
        #expect(target.path == folder.url.appendingPathComponent("assets/sprites/characters/knight.png").path)
    }

    @Test(
        "Refuses paths outside assets/",
        arguments: [
            "../Cargo.toml", "/etc/passwd", "sprites/../../x.png", "sprites//x.png", "./x.png", "sprites/a\0b.png", "",
        ]
    )
    func refusesEscapes(relativePath: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let writer = try makeJail(folder)
        #expect {
            try writer.plan(relativePath: relativePath)
        } throws: { error in
            guard case .pathEscapesAssets(let path, _) = error as? BevyAssetsError else { return false }
            return !path.contains("\0")
        }
    }

    @Test("Refuses a symlinked category folder that points outside, and writes nothing there")
    func refusesSymlinkOut() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let writer = try makeJail(folder)
        let outside = folder.url.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: writer.jail.appendingPathComponent("sprites"),
            withIntermediateDirectories: true
        )
        try FileManager.default.createSymbolicLink(
            atPath: writer.jail.appendingPathComponent("sprites/characters").path,
            withDestinationPath: outside.path
        )
        #expect(throws: BevyAssetsError.self) { try writer.plan(relativePath: "sprites/characters/knight.png") }
        let sneaky = writer.jail.appendingPathComponent("sprites/characters/knight.png")
        #expect(throws: BevyAssetsError.self) { try writer.write(pngBytes(1), to: sneaky) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test("Refuses to write through a dangling symlink")
    func refusesDanglingSymlink() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let writer = try makeJail(folder)
        try FileManager.default.createSymbolicLink(
            atPath: writer.jail.appendingPathComponent("sprites").path,
            withDestinationPath: folder.url.appendingPathComponent("nowhere").path
        )
        #expect(throws: BevyAssetsError.self) { try writer.plan(relativePath: "sprites/knight.png") }
        #expect(FileSystem.kind(of: folder.url.appendingPathComponent("nowhere").path) == .missing)
    }

    @Test("Creates, replaces, and leaves identical bytes untouched (same inode and mtime)")
    func outcomes() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let writer = try makeJail(folder)
        let target = try writer.plan(relativePath: "sprites/props/barrel.png")

        #expect(try writer.write(pngBytes(1), to: target) == .created)
        #expect(FileManager.default.contents(atPath: target.path) == pngBytes(1))
        #expect(try writer.write(pngBytes(2), to: target) == .replaced)
        #expect(FileManager.default.contents(atPath: target.path) == pngBytes(2))

        let before = try FileManager.default.attributesOfItem(atPath: target.path)
        #expect(try writer.write(pngBytes(2), to: target) == .unchanged)
        let after = try FileManager.default.attributesOfItem(atPath: target.path)
        #expect(before[.systemFileNumber] as? Int == after[.systemFileNumber] as? Int)
        #expect(before[.modificationDate] as? Date == after[.modificationDate] as? Date)
        #expect(hiddenTemps(in: target.deletingLastPathComponent()).isEmpty)
    }

    @Test(
        "A failure between temp write and rename keeps the old file and leaves no temp",
        arguments: [FaultPoint.afterTempWrite, .beforeRename]
    )
    func faultKeepsOldFile(point: FaultPoint) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let assets = try makeJail(folder).jail
        let writer = AssetWriter(jail: assets) { reached in
            if reached == point { throw InjectedFault() }
        }
        let target = try writer.plan(relativePath: "sprites/knight.png")
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        try pngBytes(1).write(to: target)

        #expect(throws: BevyAssetsError.writeFailed(path: target.path, reason: "injected fault")) {
            try writer.write(pngBytes(2), to: target)
        }
        #expect(FileManager.default.contents(atPath: target.path) == pngBytes(1))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path) == [
                "knight.png"
            ]
        )
    }

    @Test("Removes temps left by a crashed writer, and only those")
    func cleansStaleTemps() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let writer = try makeJail(folder)
        let directory = writer.jail.appendingPathComponent("sprites")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var deadPID: pid_t = 4_194_303
        while kill(deadPID, 0) == 0 || errno != ESRCH { deadPID -= 1 }
        let stale = [".knight.png.tmp-\(deadPID)-3", ".knight.png.meta.tmp-\(getpid())-999999"]
        let kept = [".gitkeep", "notes.tmp-1-2", ".a.tmp-x-1", "knight.png"]
        for name in stale + kept { try Data().write(to: directory.appendingPathComponent(name)) }

        let removed = writer.cleanStaleTemps(in: directory).map(\.lastPathComponent)
        #expect(Set(removed) == Set(stale))
        #expect(try Set(FileManager.default.contentsOfDirectory(atPath: directory.path)) == Set(kept))
    }

    @Test("A folder it cannot write to gives writeFailed naming the path")
    func readOnlyFolder() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let isRoot = getuid() == 0
        // root ignores permissions, so there the refusal is injected instead.
        let writer = AssetWriter(jail: try makeJail(folder).jail) { _ in
            if isRoot { throw InjectedFault() }
        }
        let target = try writer.plan(relativePath: "sprites/knight.png")
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        if !isRoot { chmod(target.deletingLastPathComponent().path, 0o555) }

        #expect {
            try writer.write(pngBytes(1), to: target)
        } throws: { error in
            guard case .writeFailed(let path, _) = error as? BevyAssetsError else { return false }
            return path == target.path && "\(error)".contains(target.path)
        }
        #expect(FileSystem.kind(of: target.path) == .missing)
    }
}
