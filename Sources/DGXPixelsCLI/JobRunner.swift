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
        let progress = ProgressReporter { event in
            FileHandle.standardError.write(Data("  \(event.message)\n".utf8))
        }
        let record = try await engine.run(
            requests,
            kind: kind,
            concurrency: concurrency,
            waitSeconds: 24 * 3600,
            progress: requests.count > 1 ? progress : .none
        )
        guard let project = deployTo, record.succeeded > 0 else { return (record, nil) }
        let report = try await engine.deploy(
            DeployDraft(project: GlobalOptions.absolute(project), sprites: [record.id])
        )
        return (record, report)
    }

    /// Human-readable lines for a finished job.
    static func describe(_ record: JobRecord, deployment: DeployReport?) -> String {
        var lines: [String] = []
        for item in record.items {
            if let sprite = item.sprite {
                lines.append(
                    "\(sprite.path)  \(sprite.width)x\(sprite.height)  \(sprite.colorsUsed) colours  seed \(sprite.seed)  engine \(sprite.engine)"
                )
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
