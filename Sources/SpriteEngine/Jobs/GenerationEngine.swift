import BevyAssets
import Foundation
import Logging
import PixelArt

/// Runs generate jobs: one task per job, items with bounded concurrency, records kept in memory and on disk.
///
/// A call waits for its job up to `waitSeconds`; a job still going then keeps running and `job(_:)` reports on it.
/// Cancelling the calling task cancels the job; finished items stay saved.
package actor GenerationEngine {
    package nonisolated let configuration: Configuration
    package nonisolated let store: SpriteStore
    private nonisolated let pipeline: SpritePipeline
    private let logger: Logger
    private nonisolated let reloadTransport: any RemoteTransport
    private var records: [String: JobRecord] = [:]
    private var tasks: [String: Task<Void, Never>] = [:]

    /// - Parameters:
    ///   - configuration: the server's settings.
    ///   - generator: the engine that draws sprites.
    ///   - logger: where job lifecycle is logged.
    ///   - reloadTransport: how `reload: true` deploys reach a running game (tests pass a fake).
    package init(
        configuration: Configuration,
        generator: any Generator,
        logger: Logger,
        reloadTransport: any RemoteTransport = URLSessionRemoteTransport()
    ) {
        self.configuration = configuration
        self.reloadTransport = reloadTransport
        self.store = SpriteStore(root: configuration.output.directory)
        self.pipeline = SpritePipeline(configuration: configuration, generator: generator, store: store)
        self.logger = logger
    }

    /// The engine every result names.
    package nonisolated var engineName: String { pipeline.generator.engineName }

    /// Starts a job for `requests` and waits for it up to `waitSeconds`.
    ///
    /// - Returns: the job's record: finished, or `running` if the wait ran out.
    /// - Throws: `CancellationError` when the calling task is cancelled (the job is cancelled too).
    package func run(
        _ requests: [SpriteRequest],
        kind: String,
        concurrency: Int,
        waitSeconds: Double,
        progress: ProgressReporter
    ) async throws -> JobRecord {
        let id = start(requests, kind: kind, concurrency: concurrency, progress: progress)
        return try await wait(for: id, upTo: waitSeconds)
    }

    /// Starts a job and returns its id at once.
    package func start(
        _ requests: [SpriteRequest],
        kind: String,
        concurrency: Int,
        progress: ProgressReporter
    ) -> String {
        let now = Date()
        var id = JobRecord.makeID(at: now)
        while records[id] != nil { id = JobRecord.makeID(at: now) }
        records[id] = JobRecord(id: id, kind: kind, requests: requests, createdAt: now)
        logger.info("job started", metadata: ["job.id": "\(id)", "job.items": "\(requests.count)"])
        tasks[id] = Task { await self.execute(requests, jobID: id, concurrency: concurrency, progress: progress) }
        return id
    }

    /// Runs a job's items with at most `concurrency` at once, recording each outcome as it comes.
    private nonisolated func execute(
        _ requests: [SpriteRequest],
        jobID id: String,
        concurrency: Int,
        progress: ProgressReporter
    ) async {
        let pipeline = self.pipeline
        let total = requests.count
        await withTaskGroup(of: Void.self) { group in
            for (index, request) in requests.enumerated() {
                if index >= concurrency { await group.next() }
                if Task.isCancelled { break }
                group.addTask {
                    let outcome = await pipeline.render(request, jobID: id, progress: total == 1 ? progress : .none)
                    let done = await self.finish(id, item: index, with: outcome)
                    guard total > 1 else { return }
                    let verdict = (try? outcome.get()) == nil ? "failed" : "saved"
                    await progress.report(
                        Double(done),
                        of: Double(total),
                        "\(done)/\(total): \(request.name) \(verdict)"
                    )
                }
            }
            await group.waitForAll()
        }
        await close(id)
    }

    /// Waits until job `id` finishes or `seconds` pass, whichever is first; returns its record.
    package func wait(for id: String, upTo seconds: Double) async throws -> JobRecord {
        guard let task = tasks[id] else { return try job(id) }
        let finished = await firstOf([{ await task.value }, { try? await Task.sleep(for: .seconds(seconds)) }])
        if finished == nil || Task.isCancelled {
            cancel(id)
            throw CancellationError()
        }
        return try job(id)
    }

    /// Cancels what has not finished of job `id`; finished items are kept.
    package func cancel(_ id: String) {
        tasks[id]?.cancel()
    }

    /// The record of job `id`: from memory, else from the output directory (jobs of earlier runs).
    package func job(_ id: String) throws(SpriteEngineError) -> JobRecord {
        if let record = records[id] { return record }
        if let saved = store.record(id: id) { return saved }
        throw .unknownJob(id)
    }

    /// The sprites made by this server run, newest first.
    package func recentSprites(limit: Int) -> [SpriteResult] {
        let sprites = records.values.sorted { $0.createdAt > $1.createdAt }.flatMap { $0.items.compactMap(\.sprite) }
        return Array(sprites.prefix(limit))
    }

    /// Deploys what `draft` names (job ids resolve against this server's jobs, then saved records).
    ///
    /// With `draft.reload`, then asks the running game to reload what was written; that never fails the deploy.
    package func deploy(_ draft: DeployDraft) async throws(SpriteEngineError) -> DeployReport {
        let store = self.store
        var report = try SpriteDeployer(configuration: configuration, store: store).deploy(draft) { id in
            self.records[id] ?? store.record(id: id)
        }
        guard draft.reload, !draft.dryRun else { return report }
        await report.requestReload(remoteURL: configuration.bevy.remoteURL, transport: reloadTransport)
        return report
    }

    /// Cancels every running job and waits for them to stop: the server's shutdown.
    package func shutdown() async {
        for task in tasks.values { task.cancel() }
        for task in tasks.values { await task.value }
        await pipeline.generator.shutdown()
    }

    /// Records an item's outcome; returns how many items of the job are done.
    private func finish(_ id: String, item index: Int, with outcome: Result<SpriteResult, SpriteEngineError>) -> Int {
        records[id]?.finish(item: index, with: outcome, at: Date())
        if case .failure(let error) = outcome {
            logger.warning("item failed", metadata: ["job.id": "\(id)", "job.item": "\(index)", "error": "\(error)"])
        }
        return records[id]?.done ?? 0
    }

    private func close(_ id: String) {
        tasks[id] = nil
        guard var record = records[id] else { return }
        if !record.status.isFinished { record.cancel(at: Date()) }
        records[id] = record
        do {
            try store.save(record)
        } catch {
            logger.error("could not save job record", metadata: ["job.id": "\(id)", "error": "\(error)"])
        }
        logger.info("job finished", metadata: ["job.id": "\(id)", "job.status": "\(record.status.rawValue)"])
    }
}
