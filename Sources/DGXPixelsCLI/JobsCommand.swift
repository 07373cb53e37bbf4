import ArgumentParser
import Foundation
import SpriteEngine

/// `dgx-pixels jobs list|show|cancel`: the jobs recorded under the output directory.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List, show or cancel generate jobs recorded in the output directory.",
        discussion: """
            `jobs cancel ID` cancels what has not finished and keeps what has, whether a server is running the job \
            (it asks that server) or a stopped server left it open (it cancels it from the journal and takes its \
            prompts off ComfyUI). A job left open is otherwise finished by `dgx-pixels batch --resume ID` or by \
            the next `dgx-pixels serve`.
            """,
        subcommands: [List.self, Show.self, Cancel.self, Prune.self],
        defaultSubcommand: List.self
    )

    /// `jobs list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every job, newest first.")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print the records as JSON.") var json = false

        func run() async throws {
            let (configuration, _) = try global.bootstrap()
            let store = SpriteStore(root: configuration.output.directory)
            let records = store.records()
            let open = JobJournal(url: store.root.appendingPathComponent(JobJournal.fileName)).openJobs()
            if json {
                try Console.json(records)
                return
            }
            if records.isEmpty && open.isEmpty { Console.out("no jobs in \(store.root.path)") }
            var total = 0
            for id in open where !records.contains(where: { $0.id == id }) {
                let bytes = SpriteStore.size(of: store.root.appendingPathComponent(id))
                total += bytes
                Console.out(
                    "\(id)  open (unfinished; resume with `dgx-pixels batch --resume \(id)`)  \(Self.format(bytes))"
                )
            }
            for record in records {
                let bytes = SpriteStore.size(of: store.root.appendingPathComponent(record.id))
                total += bytes
                Console.out(
                    "\(record.id)  \(record.kind)  \(record.status.rawValue)  \(record.succeeded)/\(record.total) made"
                        + (record.failed > 0 ? ", \(record.failed) failed" : "") + "  \(record.createdAt)"
                        + "  \(Self.format(bytes))"
                )
            }
            let cache = SpriteStore.size(of: store.cache.directory)
            Console.out(
                "\(records.count + open.filter { id in !records.contains { $0.id == id } }.count) jobs, "
                    + "\(Self.format(total)); cache \(Self.format(cache)); in \(store.root.path)"
            )
        }

        /// `1.4 MB`, `12 KB`, `512 B`.
        static func format(_ bytes: Int) -> String {
            switch bytes {
            case 1_000_000...: String(format: "%.1f MB", Double(bytes) / 1e6)
            case 1000...: "\(bytes / 1000) KB"
            default: "\(bytes) B"
            }
        }
    }

    /// `jobs show ID`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One job's items and their sprites.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The job id.") var id: String
        @Flag(help: "Print the record as JSON.") var json = false

        func run() async throws {
            let (configuration, _) = try global.bootstrap()
            guard let record = SpriteStore(root: configuration.output.directory).record(id: id) else {
                throw JobRunner.fail(SpriteEngineError.unknownJob(id))
            }
            if json {
                try Console.json(record)
            } else {
                Console.out("\(record.id)  \(record.kind)  \(record.status.rawValue)  \(record.createdAt)")
                Console.out(JobRunner.describe(record, deployment: nil))
            }
        }
    }

    /// `jobs cancel ID`.
    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel a job's unfinished items; finished sprites are kept."
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The job id.") var id: String
        @Option(help: "Seconds to wait for the server running the job to cancel it.") var wait: Double = 30
        @Flag(help: "Print the record as JSON.") var json = false

        func run() async throws {
            let (configuration, _) = try global.bootstrap()
            let engine = EngineFactory.makeEngine(configuration)
            let record: JobRecord
            switch engine.follower(of: id) {
            case .notOpen:
                guard let finished = engine.store.record(id: id) else {
                    throw JobRunner.fail(SpriteEngineError.unknownJob(id))
                }
                Console.out("job \(id) has already ended (\(finished.status.rawValue)); nothing to cancel")
                return
            case .process(let pid):
                record = try await askServer(pid, engine: engine)
            case .nobody:
                do {
                    record = try await engine.cancelAbandoned(id)
                } catch {
                    throw JobRunner.fail(error)
                }
                await engine.shutdown()
            }
            if json {
                try Console.json(record)
                return
            }
            let kept = record.items.filter { $0.sprite != nil }.count
            if record.status == .cancelled {
                Console.out("cancelled job \(id): \(kept) of \(record.total) made and kept, the rest cancelled")
            } else {
                Console.out("job \(id) ended (\(record.status.rawValue)) before it could be cancelled")
            }
            Console.out(JobRunner.describe(record, deployment: nil))
        }

        /// Drops the request file the running server watches for, and waits for it to close the job.
        private func askServer(_ pid: Int32, engine: GenerationEngine) async throws -> JobRecord {
            let marker = engine.cancelRequestURL(for: id)
            do {
                try FileManager.default.createDirectory(
                    at: marker.deletingLastPathComponent(),
                    withIntermediateDirectories: true
                )
                try Data().write(to: marker)
            } catch {
                throw JobRunner.fail(
                    SpriteEngineError.storageFailed(path: marker.path, reason: error.localizedDescription)
                )
            }
            let deadline = Date().addingTimeInterval(wait)
            while Date() < deadline {
                if engine.follower(of: id) == .notOpen, let record = engine.store.record(id: id) { return record }
                try await Task.sleep(for: .milliseconds(100))
            }
            try? FileManager.default.removeItem(at: marker)
            Console.error(
                "the server running job \(id) (pid \(pid)) did not cancel it within \(Int(wait)) s; "
                    + "cancel it from its MCP client (cancel_job), or stop that server and run this again"
            )
            throw ExitCode.failure
        }
    }

    /// `jobs prune`.
    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove old jobs from the output directory (output.keep_days / output.keep_jobs by default).",
            discussion: """
                Open jobs (running, or left for a restart) are never removed, and nothing deployed into a game is \
                touched. Cache entries whose sprite was removed are dropped. A server applies the same rules after \
                start-up and every hour.
                """
        )

        @OptionGroup var global: GlobalOptions
        @Option(help: "Keep only the newest N jobs (0: no limit). Default: output.keep_jobs.") var keep: Int?
        @Option(
            name: .customLong("older-than"),
            help: "Remove jobs older than DAYS (0: any age). Default: output.keep_days."
        )
        var olderThan: Int?
        @Flag(name: .customLong("dry-run"), help: "List what would be removed; remove nothing.") var dryRun = false
        @Flag(help: "Print the report as JSON.") var json = false

        func validate() throws {
            if let keep, keep < 0 { throw ValidationError("--keep must be 0 or more, got \(keep)") }
            if let olderThan, olderThan < 0 {
                throw ValidationError("--older-than must be 0 or more, got \(olderThan)")
            }
        }

        func run() async throws {
            var (configuration, _) = try global.bootstrap()
            if let keep { configuration.output.keepJobs = keep }
            if let olderThan { configuration.output.keepDays = olderThan }
            let engine = EngineFactory.makeEngine(configuration)
            let report = await engine.applyRetention(dryRun: dryRun)
            if json {
                try Console.json(report)
                return
            }
            for job in report.removed {
                Console.out((dryRun ? "would remove " : "removed ") + "\(job.id)  \(List.format(job.bytes))")
            }
            Console.out(
                (dryRun ? "would free " : "freed ") + List.format(report.freedBytes)
                    + " in \(report.removed.count) jobs; \(report.kept) kept"
                    + (report.cacheEntriesDropped > 0 ? "; \(report.cacheEntriesDropped) cache entries dropped" : "")
                    + (report.tempFilesRemoved > 0 ? "; \(report.tempFilesRemoved) stale temp files removed" : "")
            )
        }
    }
}
