import BevyAssets
import MCP
import SpriteEngine

/// What the generate tools share: starting their job and waiting for it within the call, and the parts of a
/// one-item answer (generate_sprite, generate_tileset) that do not depend on what was made.
enum GenerationCall {
    /// Starts a job of `requests` and waits for it up to the call's `wait_seconds` (else the configured wait).
    ///
    /// With `deploy_to` the deploy is part of the job: each item goes into the game as soon as it is made, and an
    /// item that outlasts this call is still deployed when it lands.
    static func run(
        _ requests: [SpriteRequest],
        kind: String,
        concurrency: Int = 1,
        arguments: [String: Value],
        context: ToolContext
    ) async throws -> JobRecord {
        let id = await context.engine.start(
            requests,
            kind: kind,
            concurrency: concurrency,
            progress: context.progress,
            deployTo: arguments["deploy_to"]?.stringValue
        )
        let wait = SpriteOptionsSchema.number(arguments["wait_seconds"]) ?? context.configuration.generation.waitSeconds
        return try await context.engine.wait(for: id, upTo: wait)
    }

    /// The answer for a one-item job that is still running when the call's wait ends.
    static func stillRunning(_ record: JobRecord, structured: some Encodable) throws -> CallTool.Result {
        let deploying = record.deployTo.map { " It is deployed into \($0) once made." } ?? ""
        return try .success(
            summary: "Job \(record.id) is still running; call get_job with job_id '\(record.id)' for the result."
                + deploying,
            structured: structured
        )
    }

    /// A finished one-item job's deploy, or `nil` when the call gave no `deploy_to`.
    ///
    /// Gives the deploy's report, its first error, and the line the summary gains when it succeeded.
    static func deployment(of record: JobRecord) -> (report: DeployReport?, error: String?, line: String)? {
        guard let rolling = record.deployment else { return nil }
        let line =
            "\nDeployed as '\(rolling.report?.sprites.first?.assetPath ?? "")' into "
            + (rolling.report?.project ?? record.deployTo ?? "")
        return (rolling.report, rolling.errors.first, line)
    }
}
