import BevyAssets
import Foundation
import Logging
import PixelArt

/// Runs generate jobs: one task per job, items with bounded concurrency, every step journaled before it counts.
///
/// A call waits for its job up to `waitSeconds`; a job still going then keeps running and `job(_:)` reports on it.
/// Cancelling the calling task cancels the job; finished items stay saved. The parts live beside it: `JobTable`
/// (what stays in memory), `JournalReplay` and `+Recovery` (jobs a stopped server left open), `CancelWatcher`
/// (cancel requests from other processes), `+Outcomes` (journal, record, deploy as each item ends), `+Queries`
/// (waiting for a job, records, recent jobs).
package actor GenerationEngine {
    package nonisolated let configuration: Configuration
    package nonisolated let store: SpriteStore
    nonisolated let pipeline: SpritePipeline
    nonisolated let journal: JobJournal
    nonisolated let cancelWatcher: CancelWatcher
    nonisolated let reloadTransport: any RemoteTransport
    let rolling: RollingDeployer
    let logger: Logger
    var jobs = JobTable()
    /// Each job's queued deploys (`deploy_to`), chained so they land in order; `close` waits for them.
    var deploys: [String: Task<Void, Never>] = [:]
    /// The journal replay that runs after start-up; lookups of unknown jobs wait for it.
    var recovery: Task<[String], Never>?
    /// Retention, applied after start-up and every hour (`+Maintenance`).
    var maintenance: Task<Void, Never>?
    /// Set while stopping with `on_shutdown: leave`: cancelled items stay open in the journal for the next start.
    var leaving = false

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
        store = SpriteStore(root: configuration.output.directory)
        journal = JobJournal(url: store.root.appendingPathComponent(JobJournal.fileName))
        cancelWatcher = CancelWatcher(root: store.root)
        pipeline = SpritePipeline(configuration: configuration, generator: generator, store: store)
        rolling = RollingDeployer(deployer: SpriteDeployer(configuration: configuration, store: store))
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

    /// Starts a job and returns its id at once; with `deployTo`, each sprite goes into that Bevy project as soon as
    /// it is made, so a running game hot-reloads them while the rest are still being made.
    ///
    /// Requests without a seed get one now, and the job is journaled (deploy target included) before any work
    /// starts, so a restart can finish it the same way.
    package func start(
        _ requests: [SpriteRequest],
        kind: String,
        concurrency: Int,
        progress: ProgressReporter,
        deployTo: String? = nil
    ) -> String {
        let now = Date()
        // The id's folder is claimed with mkdir, which fails for an id taken before (by this process or another,
        // however long ago): 24 random bits a second is not unique among thousands of jobs.
        var id = JobRecord.makeID(at: now)
        while jobs[id] != nil || !store.claimJobFolder(id) { id = JobRecord.makeID(at: now) }
        let seeded = requests.map { request in
            var request = request
            if request.seed == nil { request.seed = UInt64.random(in: 0...UInt64(SpriteDraft.maxSeed)) }
            return request
        }
        var record = JobRecord(id: id, kind: kind, requests: seeded, createdAt: now)
        record.deployTo = deployTo
        jobs[id] = record
        var entry = JournalEntry(.submitted, job: id, at: now)
        entry.kind = kind
        entry.requests = seeded
        entry.deployTo = deployTo
        entry.own(by: .current)
        // Written now (a killed process loses nothing) but not fsynced on its own: the fsync of the job's first
        // `prompt` (before it is sent) or uncached `finished` entry makes it durable too, before anything depends on it.
        journalAppend(entry, sync: false)
        logger.info("job started", metadata: ["job.id": "\(id)", "job.items": "\(requests.count)"])
        let pending = seeded.enumerated().map { PendingItem(index: $0, request: $1) }
        run(pending, jobID: id, total: seeded.count, concurrency: concurrency, progress: progress)
        return id
    }

    /// Starts the task that makes `pending`, and the watch for a cancel request from another process.
    func run(_ pending: [PendingItem], jobID id: String, total: Int, concurrency: Int, progress: ProgressReporter) {
        jobs.start(
            id,
            task: Task {
                await self.execute(pending, jobID: id, total: total, concurrency: concurrency, progress: progress)
            }
        )
        cancelWatcher.watch(id) { [weak self] in
            await self?.logger.info("cancel requested by another process", metadata: ["job.id": "\(id)"])
            await self?.cancel(id)
        }
    }

    /// Runs a job's pending items with at most `concurrency` at once, recording each outcome as it comes.
    private nonisolated func execute(
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
                    let itemProgress =
                        total == 1
                        ? progress
                        : ProgressReporter { event in
                            await batch.update(item: item.index, name: item.request.name, event: event)
                        }
                    let prompts = PromptRecorder { handle in await self.recordPrompt(id, item: item.index, handle) }
                    let outcome = await pipeline.render(
                        item.request,
                        jobID: id,
                        progress: itemProgress,
                        prompts: prompts,
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

    /// Cancels what has not finished of job `id`; finished items are kept.
    package func cancel(_ id: String) {
        jobs.task(of: id)?.cancel()
    }

    /// Stops the engine as `generation.on_shutdown` says: `leave` (default) stops following running jobs but leaves
    /// them open in the journal and their prompts on ComfyUI, so the next start finishes them; `cancel` cancels them
    /// (ComfyUI prompts interrupted or dequeued); `finish` waits for them.
    package func shutdown() async {
        recovery?.cancel()
        maintenance?.cancel()
        let running = jobs.running
        switch configuration.generation.onShutdown {
        case .finish:
            for task in running { await task.value }
        case .cancel:
            for task in running { task.cancel() }
            for task in running { await task.value }
        case .leave:
            leaving = true
            await pipeline.generator.shutdown(leavingPrompts: true)
            for task in running { task.cancel() }
            for task in running { await task.value }
        }
        await pipeline.generator.shutdown(leavingPrompts: leaving)
    }
}
