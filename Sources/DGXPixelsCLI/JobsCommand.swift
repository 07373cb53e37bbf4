import ArgumentParser
import Foundation
import SpriteEngine

/// `dgx-pixels jobs list|show`: the jobs recorded under the output directory.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List or show generate jobs recorded in the output directory.",
        discussion: """
            A job still running in a server is cancelled through that server (MCP cancel_job); a job a stopped \
            server left open is finished by `dgx-pixels batch --resume ID` or by the next `dgx-pixels serve`.
            """,
        subcommands: [List.self, Show.self],
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
            for id in open where !records.contains(where: { $0.id == id }) {
                Console.out("\(id)  open (unfinished; resume with `dgx-pixels batch --resume \(id)`)")
            }
            for record in records {
                Console.out(
                    "\(record.id)  \(record.kind)  \(record.status.rawValue)  \(record.succeeded)/\(record.total) made"
                        + (record.failed > 0 ? ", \(record.failed) failed" : "") + "  \(record.createdAt)"
                )
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
}
