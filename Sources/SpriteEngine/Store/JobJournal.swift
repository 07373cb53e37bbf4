import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The JSON-lines journal of every job, `<output_dir>/journal.jsonl`, safe to share between processes.
///
/// On start the engine replays it: finished items answer `get_job`, items whose prompt was sent are collected from
/// their backend, and items never sent are generated. A torn last line (a crash mid-write) is skipped. Lines of
/// closed jobs (whose record is in `job.json`) are compacted away once the file passes `compactionThreshold`, so the
/// journal stays small however long the server runs.
///
/// Several processes may use one output directory. Every append holds a shared `flock` on `journal.lock` and
/// reopens the file when compaction replaced it; compaction and take-overs of open jobs hold it exclusively. So no
/// process appends to a file another has just replaced, and no line is lost.
package final class JobJournal: Sendable {
    /// The journal's file name in the output directory.
    package static let fileName = "journal.jsonl"
    /// Compacted (closed jobs' lines dropped) once it grows past this many bytes.
    package static let compactionThreshold = 512 * 1024

    package let url: URL
    private let lockURL: URL
    private let state = Mutex(State())

    private struct State {
        var descriptor: Int32 = -1
        var inode: UInt64 = 0
        var lockDescriptor: Int32 = -1
    }

    package init(url: URL) {
        self.url = url
        lockURL = url.deletingLastPathComponent().appendingPathComponent("journal.lock")
    }

    deinit {
        state.withLock { state in
            if state.descriptor >= 0 { close(state.descriptor) }
            if state.lockDescriptor >= 0 { close(state.lockDescriptor) }
        }
    }

    /// Appends one entry and, with `sync` (the default), waits until it is on disk.
    ///
    /// Without `sync` the line is in the file (a killed process loses nothing) and reaches the disk with the next
    /// synced entry or the kernel's writeback: only for entries recovery can derive when a power loss drops them.
    package func append(_ entry: JournalEntry, sync: Bool = true) throws(SpriteEngineError) {
        let line = try Self.line(for: entry, path: url.path)
        let failure: String? = state.withLock { state in
            guard let lock = lockDescriptor(&state) else { return String(cString: strerror(errno)) }
            flock(lock, LOCK_SH)
            defer { flock(lock, LOCK_UN) }
            return write(line, sync: sync, state: &state)
        }
        if let failure { throw .storageFailed(path: url.path, reason: failure) }
    }

    /// Every readable entry in order; undecodable lines (a torn last line) are skipped.
    package func entries() -> [JournalEntry] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        return Self.decode(data)
    }

    /// The journal's size in bytes (0 when there is none).
    package var byteCount: Int {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    }

    /// Runs `body` while every other process's journal writes wait: `body` gets the entries and may append more
    /// (a take-over of open jobs), and nothing can slip in between.
    package func exclusively<T>(
        _ body: ([JournalEntry], (JournalEntry) throws(SpriteEngineError) -> Void) throws(SpriteEngineError) -> T
    ) throws(SpriteEngineError) -> T {
        try state.withLock { (state: inout State) throws(SpriteEngineError) -> T in
            guard let lock = lockDescriptor(&state) else {
                throw .storageFailed(path: lockURL.path, reason: String(cString: strerror(errno)))
            }
            flock(lock, LOCK_EX)
            defer { flock(lock, LOCK_UN) }
            let entries = (try? Data(contentsOf: url)).map(Self.decode) ?? []
            return try body(entries) { (entry: JournalEntry) throws(SpriteEngineError) in
                let line = try Self.line(for: entry, path: url.path)
                if let failure = write(line, sync: true, state: &state) {
                    throw .storageFailed(path: url.path, reason: failure)
                }
            }
        }
    }

    /// Drops the lines of closed jobs, keeping every open job's (whoever owns it), atomically.
    package func compact() throws(SpriteEngineError) {
        try state.withLock { (state: inout State) throws(SpriteEngineError) in
            guard let lock = lockDescriptor(&state) else {
                throw .storageFailed(path: lockURL.path, reason: String(cString: strerror(errno)))
            }
            flock(lock, LOCK_EX)
            defer { flock(lock, LOCK_UN) }
            guard let data = try? Data(contentsOf: url) else { return }
            let entries = Self.decode(data)
            let closed = Set(entries.filter { $0.event == .closed }.map(\.job))
            var kept = Data()
            for entry in entries where !closed.contains(entry.job) {
                kept += try Self.line(for: entry, path: url.path)
            }
            if let failure = Self.replace(url, with: kept) { throw .storageFailed(path: url.path, reason: failure) }
            if state.descriptor >= 0 { close(state.descriptor) }
            state.descriptor = -1
        }
    }

    /// Compacts when the journal has grown past `compactionThreshold`; true when it did.
    @discardableResult
    package func compactIfLarge() throws(SpriteEngineError) -> Bool {
        guard byteCount > Self.compactionThreshold else { return false }
        try compact()
        return true
    }

    // MARK: - File access, all under `state`'s lock

    private func lockDescriptor(_ state: inout State) -> Int32? {
        if state.lockDescriptor >= 0 { return state.lockDescriptor }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(lockURL.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        state.lockDescriptor = descriptor
        return descriptor
    }

    /// Writes `line` to the journal file as it is now (reopening it when another process replaced it).
    private func write(_ line: Data, sync: Bool, state: inout State) -> String? {
        var current = stat()
        let exists = stat(url.path, &current) == 0
        if state.descriptor >= 0, !exists || UInt64(current.st_ino) != state.inode {
            close(state.descriptor)
            state.descriptor = -1
        }
        if state.descriptor < 0 {
            let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return String(cString: strerror(errno)) }
            var opened = stat()
            fstat(descriptor, &opened)
            state.descriptor = descriptor
            state.inode = UInt64(opened.st_ino)
        }
        let written = line.withUnsafeBytes { systemWrite(state.descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else { return String(cString: strerror(errno)) }
        guard !sync || fsync(state.descriptor) == 0 else { return String(cString: strerror(errno)) }
        return nil
    }

    static func line(for entry: JournalEntry, path: String) throws(SpriteEngineError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(entry) + Data("\n".utf8)
        } catch {
            throw .storageFailed(path: path, reason: "\(error)")
        }
    }

    static func decode(_ data: Data) -> [JournalEntry] {
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { line in
            try? decoder.decode(JournalEntry.self, from: Data(line))
        }
    }

    /// Writes `data` to a hidden temp beside `url`, syncs it and renames it over `url`; the failure, if any.
    private static func replace(_ url: URL, with data: Data) -> String? {
        let directory = url.deletingLastPathComponent()
        let temp = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-0")
        let descriptor = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        let written = data.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == data.count, synced, rename(temp.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp.path)
            return reason
        }
        let folder = open(directory.path, O_RDONLY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
        return nil
    }
}

extension JobJournal {
    /// Job `id`'s entries and its `submitted` entry, when the job is open (submitted, not closed); else nil.
    package func openJob(_ id: String) -> (submitted: JournalEntry, entries: [JournalEntry])? {
        let entries = entries().filter { $0.job == id }
        guard !entries.contains(where: { $0.event == .closed }),
            let submitted = entries.first(where: { $0.event == .submitted })
        else { return nil }
        return (submitted, entries)
    }

    /// Ids of the jobs the journal holds that never closed.
    package func openJobs() -> [String] {
        JournalReplay.openJobs(in: entries()).map(\.id)
    }
}

private func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, pointer, count)
    #else
    Darwin.write(descriptor, pointer, count)
    #endif
}
