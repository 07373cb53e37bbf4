import ArgumentParser
import BevyAssets
import Foundation
import SpriteEngine

/// Runs a generate job from the shell and deploys its sprites if asked: shared by `generate` and `batch`.
enum JobRunner {
    static func run(
        _ requests: [SpriteRequest],
        kind: String,
        engine: GenerationEngine,
        concurrency: Int,
        deployTo: String?
    ) async throws -> (JobRecord, DeployReport?) {
        let bar = ProgressBar()
        let record = try await engine.run(
            requests,
            kind: kind,
            concurrency: concurrency,
            waitSeconds: 24 * 3600,
            progress: requests.count > 1 ? bar.reporter : .none
        )
        bar.finish()
        guard let project = deployTo, record.succeeded > 0 else { return (record, nil) }
        let report = try await engine.deploy(
            DeployDraft(project: GlobalOptions.absolute(project), sprites: [record.id])
        )
        return (record, report)
    }

    /// Waits for a job already started (a resumed one), drawing its progress from its record.
    static func wait(for id: String, engine: GenerationEngine) async throws -> JobRecord {
        let bar = ProgressBar()
        while true {
            let record = try await engine.wait(for: id, upTo: 0.5)
            if record.status.isFinished {
                bar.finish()
                return record
            }
            await bar.reporter.report(
                Double(record.done),
                of: Double(record.total),
                "\(record.done)/\(record.total) done"
            )
        }
    }

    /// Human-readable lines for a finished job.
    static func describe(_ record: JobRecord, deployment: DeployReport?) -> String {
        var lines: [String] = []
        for item in record.items {
            if let sprite = item.sprite {
                lines.append(
                    "\(sprite.path)  \(sprite.width)x\(sprite.height)  \(sprite.colorsUsed) colours  seed \(sprite.seed)  engine \(sprite.engine)"
                )
                if let sheet = sprite.sheet {
                    lines.append(
                        "  sheet: \(sheet.columns) frames x \(sheet.rows) rows of \(sheet.frameWidth)x\(sheet.frameHeight); clips "
                            + sheet.clips.map { "\($0.name) \($0.first)-\($0.last)" }.joined(separator: ", ")
                    )
                }
            } else {
                lines.append("FAILED \(item.name): \(item.error ?? item.status.rawValue)")
            }
        }
        if let deployment {
            for sprite in deployment.sprites {
                lines.append(
                    "deployed \(sprite.action.rawValue): \(sprite.pngPath)  (asset path \"\(sprite.assetPath)\")"
                )
            }
            lines.append("manifest: \(deployment.manifestPath)")
        }
        return lines.joined(separator: "\n")
    }

    /// Prints a one-line error and exits 1.
    static func fail(_ error: any Error) -> ExitCode {
        Console.error((error as? SpriteEngineError)?.description ?? "\(error)")
        return ExitCode.failure
    }
}
