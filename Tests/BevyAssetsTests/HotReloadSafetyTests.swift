#if os(Linux)
import Foundation
import Glibc
import PixelArt
import TestSupport
import Testing

@testable import BevyAssets

@Suite("What a file watcher sees during a deploy (inotify)")
struct HotReloadSafetyTests {
    static let loadable = [".png", ".meta", ".ron", ".json"]

    @Test("No loadable file is ever written in place; each sprite's last event is IN_MOVED_TO on its real path")
    func watchDeploy() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let project = try BevyProject.detect(at: folder.makeBevyProject().path)
        // Folders that exist before the watch starts: a folder made during the deploy gets its watch a moment after
        // it appears, and inotify would miss a file written into it in that moment. The watcher still adds watches
        // for new folders (the backups, or any other) as they appear.
        for category in ["characters", "props"] {
            try FileManager.default.createDirectory(
                at: project.assetsDirectory.appendingPathComponent("sprites/\(category)"),
                withIntermediateDirectories: true
            )
        }
        try FileManager.default.createDirectory(
            at: project.assetsDirectory.appendingPathComponent("sprites/creature"),
            withIntermediateDirectories: true
        )
        let watcher = try InotifyWatcher(root: project.assetsDirectory)
        defer { watcher.close() }
        let marker = project.assetsDirectory.appendingPathComponent("done.marker")
        async let watched = watcher.events(until: marker.path)

        let deployer = BevyDeployer()
        let sprites = [sprite("knight", seed: 1), sprite("barrel", category: "props", seed: 2), sprite("wizard")]
        _ = try deployer.deploy(sprites, into: project)
        _ = try deployer.deploy([sprite("knight", seed: 9)], into: project)  // a replace, too
        let frames = try (1...4).map { try frame("f\($0)", shade: UInt8($0 * 20)) }
        _ = try deployer.deploy(
            frames,
            into: project,
            options: DeployOptions(
                sheet: SheetOptions(
                    name: "slime",
                    category: "creature",
                    columns: 4,
                    clips: [.init(name: "idle", first: 0, last: 3)],
                    assetCollection: true
                )
            )
        )
        try Data().write(to: marker)
        let events = try await watched

        #expect(!events.isEmpty)
        let loadableEvents = events.filter { event in Self.loadable.contains { event.path.hasSuffix($0) } }
        // Bytes written under a loadable name would show as IN_CREATE or IN_MODIFY on it: there must be none.
        for event in loadableEvents {
            #expect(
                !event.isModify && !event.isCreate,
                "in-place write: \(event); all events: \(events.filter { $0.path == event.path })"
            )
        }
        // IN_CLOSE_WRITE on a loadable name is allowed only after its IN_MOVED_TO: another test of this process
        // spawning a child between our open and rename holds a copy of the temp's descriptor (until its exec
        // closes it), and that last close is reported under the name the complete file has by then.
        for (index, event) in events.enumerated() where event.isCloseWrite {
            guard Self.loadable.contains(where: { event.path.hasSuffix($0) }) else { continue }
            let renamedBefore = events[..<index].contains { $0.path == event.path && $0.isMovedTo }
            #expect(renamedBefore, "close-write before any rename: \(event)")
        }
        let expectedFinal = [
            "sprites/characters/knight.png", "sprites/props/barrel.png", "sprites/characters/wizard.png",
            "sprites/creature/slime.png", "sprites/creature/slime.sheet.ron", "sprites/creature/slime.sheet.json",
            "sprites/creature/slime.png.meta", "sprites/manifest.json", "sprites/sprites.assets.ron",
        ]
        for relative in expectedFinal {
            let path = project.assetsDirectory.appendingPathComponent(relative).path
            // (Not counting the harmless late close of an inherited descriptor described above.)
            let last = events.last { $0.path == path && !$0.isCloseWrite }
            #expect(last?.isMovedTo == true, "last event on \(relative): \(String(describing: last))")
        }
        // Every temp that was written was renamed away: none is left behind.
        let leftovers =
            FileManager.default.enumerator(atPath: project.assetsDirectory.path)?
            .compactMap { $0 as? String }.filter { ($0 as NSString).lastPathComponent.contains(".tmp-") } ?? []
        #expect(leftovers.isEmpty)
    }
}

/// Watches a folder tree with inotify, adding a watch for each folder that appears.
final class InotifyWatcher: @unchecked Sendable {
    /// One event with the full path it concerns.
    struct Event: Sendable, CustomStringConvertible {
        var path: String
        var mask: UInt32
        var isCloseWrite: Bool { mask & UInt32(IN_CLOSE_WRITE) != 0 }
        var isModify: Bool { mask & UInt32(IN_MODIFY) != 0 }
        var isCreate: Bool { mask & UInt32(IN_CREATE) != 0 && mask & UInt32(IN_ISDIR) == 0 }
        var isMovedTo: Bool { mask & UInt32(IN_MOVED_TO) != 0 }
        var description: String { "\(path) mask 0x\(String(mask, radix: 16))" }
    }

    private let descriptor: Int32
    // Guards watches and isClosed; touched by the constructor (test thread) and the reader thread.
    private let lock = NSLock()
    private var watches: [Int32: String] = [:]
    private var isClosed = false
    private static let mask = UInt32(IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM)

    init(root: URL) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw LoopbackHTTPServer.POSIXFailure("inotify_init1") }
        try watchTree(root.path)
    }

    func close() {
        lock.withLock { isClosed = true }
        _ = Glibc.close(descriptor)
    }

    /// Reads events on a thread of its own until one names `marker` (or 20 seconds pass).
    func events(until marker: String) async throws -> [Event] {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try self.read(until: marker) })
            }
        }
    }

    private func watchTree(_ path: String) throws {
        try watch(path)
        for case let relative as String in FileManager.default.enumerator(atPath: path) ?? .init() {
            let full = path + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue {
                try watch(full)
            }
        }
    }

    private func watch(_ path: String) throws {
        let id = inotify_add_watch(descriptor, path, Self.mask)
        guard id >= 0 else { throw LoopbackHTTPServer.POSIXFailure("inotify_add_watch \(path)") }
        lock.withLock { watches[id] = path }
    }

    private func read(until marker: String) throws -> [Event] {
        var events: [Event] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !lock.withLock({ isClosed }) {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            let count = Glibc.read(descriptor, &buffer, buffer.count)
            guard count > 0 else { throw LoopbackHTTPServer.POSIXFailure("read inotify") }
            var offset = 0
            while offset < count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let header = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (header.wd, header.mask, Int(header.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<(nameStart + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset = nameStart + length
                guard let directory = lock.withLock({ watches[wd] }) else { continue }
                let path = name.isEmpty ? directory : directory + "/" + name
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE) != 0 {
                    // A new folder: watch it (and anything already made inside it before the watch took).
                    try watchTree(path)
                }
                events.append(Event(path: path, mask: mask))
                if path == marker { return events }
            }
        }
        return events
    }
}
#endif
