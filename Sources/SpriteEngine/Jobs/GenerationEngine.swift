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
    nonisolated let pipeline: SpritePipeline
    nonisolated let journal: JobJournal
    let logger: Logger
    private nonisolated let reloadTransport: any RemoteTransport
    var records: [String: JobRecord] = [:]
    var tasks: [String: Task<Void, Never>] = [:]
    /// Finished jobs still in `records`, oldest first.
    private var finishedOrder: [String] = []
    /// Running jobs' watches for a cancel request from another process (`GenerationEngine+Cancel.swift`).
    var watchers: [String: Task<Void, Never>] = [:]
    /// Jobs whose sprites are deployed as each finishes.
    var deployments: [String: RollingDeployment] = [:]
    /// Set while stopping with `on_shutdown: leave`: cancelled items stay open in the journal for the next start.
    private var leaving = false

    /// One item still to make: its index in the job, its request, and where its prompt was sent if it was.
    struct PendingItem: Sendable {
        var index: Int
        var request: SpriteRequest
        var resume: PromptHandle?
    }

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
        self.journal = JobJournal(url: store.root.appendingPathComponent(JobJournal.fileName))
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
    ///
    /// Requests without a seed get one now, and the job is journaled before any work starts, so a restart can
    /// finish it with the same seeds.
    package func start(
        _ requests: [SpriteRequest],
        kind: String,
        concurrency: Int,
        progress: ProgressReporter
    ) -> String {
        let now = Date()
        var id = JobRecord.makeID(at: now)
        while records[id] != nil { id = JobRecord.makeID(at: now) }
        let seeded = requests.map { request in
            var request = request
            if request.seed == nil { request.seed = UInt64.random(in: 0...UInt64(SpriteDraft.maxSeed)) }
            return request
        }
        records[id] = JobRecord(id: id, kind: kind, requests: seeded, createdAt: now)
        var entry = JournalEntry(.submitted, job: id, at: now)
        entry.kind = kind
        entry.requests = seeded
        entry.pid = ProcessInfo.processInfo.processIdentifier
        // Written now (a killed process loses nothing) but not fsynced on its own: the fsync of the job's first
        // `prompt` (before it is sent) or uncached `finished` entry makes it durable too, before anything depends on it.
        record(entry, sync: false)
        logger.info("job started", metadata: ["job.id": "\(id)", "job.items": "\(requests.count)"])
        let pending = seeded.enumerated().map { PendingItem(index: $0, request: $1) }
        tasks[id] = Task {
            await self.execute(pending, jobID: id, total: seeded.count, concurrency: concurrency, progress: progress)
        }
        watchForCancelRequest(id)
        return id
    }

    /// Runs a job's pending items with at most `concurrency` at once, recording each outcome as it comes.
    nonisolated func execute(
        _ pending: [PendingItem],
        jobID id: String,
        total: Int,
        concurrency: Int,
        progress: ProgressReporter
    ) async {
        let pipeline = self.pipeline
        let batch = BatchProgress(total: total, reporter: progress)
        await withTaskGroup(of: Void.self) { group in
            for (position, item) in pending.enumerated() {
                if position >= concurrency { await group.next() }
                if Task.isCancelled { break }
                group.addTask {
                    let itemProgress = ProgressReporter(
                        { event in
                            if total == 1 {
                                await progress.report(event.progress, of: event.total, event.message)
                            } else {
                                await batch.update(item: item.index, name: item.request.name, event: event)
                            }
                        },
                        submitted: { handle in await self.recordPrompt(id, item: item.index, handle) }
                    )
                    let outcome = await pipeline.render(
                        item.request,
                        jobID: id,
                        progress: itemProgress,
                        resume: item.resume
                    )
                    await self.finish(id, item: item.index, with: outcome)
                    guard total > 1 else { return }
                    let verdict = (try? outcome.get()) == nil ? "failed" : "saved"
                    await batch.finished(item: item.index, name: item.request.name, verdict: verdict)
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

    /// Stops the engine as `generation.on_shutdown` says: `leave` (default) stops following running jobs but leaves
    /// them open in the journal and their prompts on ComfyUI, so the next start finishes them; `cancel` cancels them
    /// (ComfyUI prompts interrupted or dequeued); `finish` waits for them.
    package func shutdown() async {
        switch configuration.generation.onShutdown {
        case .finish:
            for task in tasks.values { await task.value }
        case .cancel:
            for task in tasks.values { task.cancel() }
            for task in tasks.values { await task.value }
        case .leave:
            leaving = true
            await pipeline.generator.shutdown(leavingPrompts: true)
            for task in tasks.values { task.cancel() }
            for task in tasks.values { await task.value }
        }
        await pipeline.generator.shutdown(leavingPrompts: leaving)
    }

    /// Records an item's outcome (journal first).
    private func finish(_ id: String, item index: Int, with outcome: Result<SpriteResult, SpriteEngineError>) {
        if leaving, case .failure(.cancelled) = outcome { return }
        EngineMetrics.itemFinished(outcome, engine: engineName)
        var entry: JournalEntry
        switch outcome {
        case .success(let sprite):
            entry = JournalEntry(.finished, job: id)
            entry.sprite = sprite
        case .failure(.cancelled):
            entry = JournalEntry(.cancelled, job: id)
        case .failure(let error):
            entry = JournalEntry(.failed, job: id)
            entry.error = error.description
            logger.warning("item failed", metadata: ["job.id": "\(id)", "job.item": "\(index)", "error": "\(error)"])
        }
        entry.item = index
        // A cache hit is not fsynced: if a power loss drops it, recovery finds the same cache entry again.
        record(entry, sync: entry.sprite?.cached != true)
        records[id]?.finish(item: index, with: outcome, at: Date())
        if case .success(let sprite) = outcome { deployFinished(sprite, of: id) }
    }

    private func recordPrompt(_ id: String, item index: Int, _ handle: PromptHandle) {
        var entry = JournalEntry(.prompt, job: id)
        entry.item = index
        entry.prompt = handle
        record(entry)
    }

    func close(_ id: String) {
        tasks[id] = nil
        endWatch(id)
        guard !leaving, var record = records[id] else { return }
        if !record.status.isFinished { record.cancel(at: Date()) }
        let clock = ContinuousClock()
        let start = clock.now
        record.contactSheet = saveContactSheet(of: record)
        records[id] = record
        let sheetDone = clock.now
        do {
            try store.save(record)
        } catch {
            logger.error("could not save job record", metadata: ["job.id": "\(id)", "error": "\(error)"])
        }
        logger.debug(
            "job closed",
            metadata: ["job.id": "\(id)", "sheet": "\(sheetDone - start)", "record": "\(clock.now - sheetDone)"]
        )
        var entry = JournalEntry(.closed, job: id)
        entry.status = record.status.rawValue
        // Not fsynced: every item's outcome already is, and recovery closes a job whose items all have one.
        self.record(entry, sync: false)
        logger.info("job finished", metadata: ["job.id": "\(id)", "job.status": "\(record.status.rawValue)"])
        EngineMetrics.jobClosed(status: record.status.rawValue)
        forgetOldFinishedJobs(after: id)
    }

    /// Finished jobs kept in memory; older ones are answered from their `job.json`.
    static let finishedJobsInMemory = 32

    /// Keeps the newest `finishedJobsInMemory` finished records in memory, so a long-running server's memory
    /// follows what it is doing, not everything it has done (`job(_:)` reads the rest from disk).
    private func forgetOldFinishedJobs(after id: String) {
        finishedOrder.removeAll { $0 == id }
        finishedOrder.append(id)
        while finishedOrder.count > Self.finishedJobsInMemory {
            let oldest = finishedOrder.removeFirst()
            if tasks[oldest] == nil { records[oldest] = nil }
        }
    }

    /// Appends to the journal; a journal that cannot be written is logged, never fatal to the sprite itself.
    func record(_ entry: JournalEntry, sync: Bool = true) {
        do {
            try journal.append(entry, sync: sync)
        } catch {
            logger.error("could not write the job journal", metadata: ["job.id": "\(entry.job)", "error": "\(error)"])
        }
    }
}
