import ArgumentParser
import PixelArt
import SpriteEngine

/// `dgx-pixels validate FILE…`: validation reports; exit 1 when any file has errors.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate PNG files as game sprites (exit 1 on errors)."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "PNG files or sprite:// URIs.") var files: [String]
    @Option(help: "Fail when an image uses more colours.") var maxColors: Int?
    @Flag(help: "Treat partial transparency as an error.") var requireBinaryAlpha = false
    @Flag(help: "Print the reports as JSON.") var json = false

    func run() async throws {
        let (configuration, _) = try global.bootstrap()
        let engine = EngineFactory.makeEngine(configuration)
        var limits = engine.configuration.validationLimits
        limits.maxColors = maxColors
        limits.requireBinaryAlpha = requireBinaryAlpha
        var reports: [Entry] = []
        var failed = false
        for file in files {
            do {
                let (url, report) = try engine.store.validate(GlobalOptions.absolute(file), limits: limits)
                reports.append(Entry(path: url.path, report: report))
                failed = failed || !report.valid
            } catch {
                throw JobRunner.fail(error)
            }
        }
        if json {
            try Console.json(reports)
        } else {
            for entry in reports {
                let report = entry.report
                Console.out(
                    "\(report.valid ? "ok  " : "FAIL") \(entry.path)  \(report.width ?? 0)x\(report.height ?? 0)  "
                        + "\(report.colorCount.map(String.init) ?? "?") colours  \(report.fileSize) bytes"
                )
                for issue in report.issues {
                    Console.out("     \(issue.severity.rawValue) \(issue.code): \(issue.message)")
                }
            }
        }
        if failed { throw ExitCode.failure }
    }

    /// One file's report, for `--json`.
    struct Entry: Encodable {
        var path: String
        var report: ValidationReport
    }
}
