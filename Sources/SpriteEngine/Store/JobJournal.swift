import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Where a job's item was sent: enough to collect it after a restart.
package struct PromptHandle: Codable, Sendable, Hashable {
    package var backend: String
    package var promptID: String

    package init(backend: String, promptID: String) {
        self.backend = backend
        self.promptID = promptID
    }

    enum CodingKeys: String, CodingKey {
        case backend
        case promptID = "prompt_id"
    }
}

/// One line of the job journal.
package struct JournalEntry: Codable, Sendable, Equatable {
    package enum Event: String, Codable, Sendable {
        /// A job was accepted, with every request (seeds fixed), before any work started.
        case submitted
        /// An item's prompt was handed to a ComfyUI backend.
        case prompt
        /// An item's sprite was saved.
        case finished
        case failed
        case cancelled
        /// The job ended; replay leaves it alone.
        case closed
    }

    package var event: Event
    package var job: String
    package var at: String
    package var kind: String?
    package var requests: [SpriteRequest]?
    package var item: Int?
    package var prompt: PromptHandle?
    package var sprite: SpriteResult?
    package var error: String?
    package var status: String?
    /// The process that owns the job: a restart resumes only jobs whose owner is gone.
    package var pid: Int32?

    package init(_ event: Event, job: String, at date: Date = Date()) {
        self.event = event
        self.job = job
        at = JobRecord.timestamp(date)
    }
}

/// The append-only JSON-lines journal of every job, `<output_dir>/journal.jsonl`, fsynced per event.
///
/// On start the engine replays it: finished items answer `get_job`, items whose prompt was sent are collected from
/// their backend, and items never sent are generated. A torn last line (a crash mid-write) is skipped.
package final class JobJournal: Sendable {
    /// The journal's file name in the output directory.
    package static let fileName = "journal.jsonl"

    package let url: URL
    private let descriptor = Mutex<Int32>(-1)

    package init(url: URL) {
        self.url = url
    }

    deinit {
        descriptor.withLock { fd in
            if fd >= 0 { close(fd) }
        }
    }

    /// Appends one entry and, with `sync` (the default), waits until it is on disk.
    ///
    /// Without `sync` the line is in the file (a killed process loses nothing) and reaches the disk with the next
    /// synced entry or the kernel's writeback: only for entries recovery can derive when a power loss drops them.
    package func append(_ entry: JournalEntry, sync: Bool = true) throws(SpriteEngineError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let line: Data
        do {
            line = try encoder.encode(entry) + Data("\n".utf8)
        } catch {
            throw .storageFailed(path: url.path, reason: "\(error)")
        }
        let failure: String? = descriptor.withLock { fd in
            if fd < 0 {
                try? FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(),
                    withIntermediateDirectories: true
                )
                fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
                if fd < 0 { return String(cString: strerror(errno)) }
            }
            let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written == line.count else { return String(cString: strerror(errno)) }
            guard !sync || fsync(fd) == 0 else { return String(cString: strerror(errno)) }
            return nil
        }
        if let failure { throw .storageFailed(path: url.path, reason: failure) }
    }

    /// Every readable entry in order; undecodable lines (a torn last line) are skipped.
    package func entries() -> [JournalEntry] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { line in
            try? decoder.decode(JournalEntry.self, from: Data(line))
        }
    }

    /// Rewrites the journal keeping only `entries` (those of jobs still open), atomically.
    package func compact(keeping entries: [JournalEntry]) throws(SpriteEngineError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for entry in entries {
            guard let line = try? encoder.encode(entry) else { continue }
            data += line + Data("\n".utf8)
        }
        let failure: String? = descriptor.withLock { fd in
            if fd >= 0 {
                close(fd)
                fd = -1
            }
            do {
                try data.write(to: url, options: .atomic)
                return nil
            } catch {
                return error.localizedDescription
            }
        }
        if let failure { throw .storageFailed(path: url.path, reason: failure) }
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
        var open: [String] = []
        for entry in entries() {
            switch entry.event {
            case .submitted: if !open.contains(entry.job) { open.append(entry.job) }
            case .closed: open.removeAll { $0 == entry.job }
            default: break
            }
        }
        return open
    }
}
