import ComfyUI
import Foundation
import Logging

/// The ComfyUI servers a job can run on, and who is using them.
///
/// Dispatch follows SwarmUI's policy: every backend takes `slots + overQueue` prompts at once (the extra ones wait
/// in ComfyUI's own queue so its GPU never idles between our prompts); a prompt goes to the backend with the fewest
/// in flight, preferring, among equals, one whose last prompt used the same checkpoint (it is still loaded), then
/// the earlier one in the configured list. A backend that fails is skipped for a backoff that doubles per failure.
package actor BackendPool {
    /// One backend as the pool sees it.
    package struct Status: Sendable, Equatable {
        package var url: String
        package var capacity: Int
        package var inFlight: Int
        package var healthy: Bool
        package var lastError: String?
    }

    /// A claim on one slot of one backend; give it back with `release`.
    package struct Lease: Sendable {
        package var client: ComfyUIClient
        package var backend: String { client.backend }
        fileprivate var index: Int
    }

    private struct Backend {
        var client: ComfyUIClient
        /// Prompts the backend runs at once; the rest of `capacity` waits in its own queue.
        var slots: Int
        var capacity: Int
        var inFlight = 0
        var lastCheckpoint: String?
        var failures = 0
        var skipUntil: ContinuousClock.Instant?
        var lastError: String?
        /// `/object_info` answers per node class, fetched once per backend.
        var objectInfo: [String: JSONValue] = [:]
    }

    private var backends: [Backend]
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var lastProbe: ContinuousClock.Instant?
    private let backoff: Duration
    /// The clock of backoffs and probe ages; tests pass a manual one.
    private let clock: any Timeline
    private let logger: Logger

    package init(
        clients: [(client: ComfyUIClient, slots: Int)],
        overQueue: Int,
        backoff: Duration,
        timeline: any Timeline = SystemTimeline(),
        logger: Logger
    ) {
        clock = timeline
        backends = clients.map {
            Backend(client: $0.client, slots: max(1, $0.slots), capacity: max(1, $0.slots) + max(0, overQueue))
        }
        self.backoff = backoff
        self.logger = logger
        for (client, _) in clients { EngineMetrics.backend(client.backend, running: 0, queued: 0, up: true) }
        EngineMetrics.backendsWaiting(0)
    }

    /// Every backend's state, in configuration order.
    package var statuses: [Status] {
        let now = clock.now
        return backends.map { backend in
            Status(
                url: backend.client.backend,
                capacity: backend.capacity,
                inFlight: backend.inFlight,
                healthy: backend.skipUntil.map { $0 <= now } ?? true,
                lastError: backend.lastError
            )
        }
    }

    /// Waits for a free slot on a usable backend and claims it.
    ///
    /// - Parameters:
    ///   - checkpoint: The checkpoint the prompt loads, to prefer a backend that has it loaded.
    ///   - excluding: Backends this prompt already failed on (tried last, only if nothing else is usable).
    /// - Returns: The claimed slot.
    /// When every backend is in its failure backoff, waits for the first to come off it (the caller bounds how
    /// many times it retries).
    /// - Throws: `CancellationError` when the caller is cancelled while waiting.
    package func acquire(checkpoint: String?, excluding: Set<String> = []) async throws -> Lease {
        while true {
            try Task.checkCancellation()
            let now = clock.now
            let usable = backends.indices.filter { backends[$0].skipUntil.map { $0 <= now } ?? true }
            guard !backends.isEmpty else { throw unavailable() }
            guard !usable.isEmpty else {
                // Every backend is in its backoff: wait for the first to come off it and try that one again.
                let next = backends.compactMap(\.skipUntil).min() ?? now
                try await clock.sleep(until: next)
                continue
            }
            let preferred = usable.filter { !excluding.contains(backends[$0].client.backend) }
            let candidates = (preferred.isEmpty ? usable : preferred).filter {
                backends[$0].inFlight < backends[$0].capacity
            }
            if let index = candidates.min(by: { isBetter($0, than: $1, checkpoint: checkpoint) }) {
                backends[index].inFlight += 1
                if let checkpoint { backends[index].lastCheckpoint = checkpoint }
                publish(index)
                return Lease(client: backends[index].client, index: index)
            }
            await withTaskCancellationHandler {
                await withCheckedContinuation {
                    waiters.append($0)
                    EngineMetrics.backendsWaiting(waiters.count)
                }
            } onCancel: {
                Task { await self.wakeAll() }
            }
        }
    }

    /// Gives the slot back; `failure` marks the backend as failing (skipped for a growing backoff).
    package func release(_ lease: Lease, failure: ComfyUIError? = nil) {
        backends[lease.index].inFlight -= 1
        if let failure, failure.isBackendFault {
            markFailed(lease.index, failure)
        } else if failure == nil {
            backends[lease.index].failures = 0
            backends[lease.index].skipUntil = nil
            backends[lease.index].lastError = nil
        }
        publish(lease.index)
        wakeAll()
    }

    /// Marks `index` as failing; the backoff doubles per consecutive failure, up to 60 s.
    private func markFailed(_ index: Int, _ error: ComfyUIError) {
        backends[index].failures += 1
        let exponent = min(backends[index].failures - 1, 10)
        let delay = min(backoff * (1 << exponent), .seconds(60))
        backends[index].skipUntil = clock.now + delay
        backends[index].lastError = error.description
        publish(index)
        logger.warning(
            "ComfyUI backend failing; skipping it for \(delay)",
            metadata: ["comfyui.backend": "\(backends[index].client.backend)", "error": "\(error)"]
        )
    }

    /// Whether some backend answered recently: probes again when the last probe is older than `maxAge`.
    package func isAvailable(maxAge: Duration = .seconds(10)) async -> Bool {
        let now = clock.now
        if let lastProbe, now - lastProbe < maxAge {
            return backends.contains { $0.skipUntil.map { $0 <= now } ?? true }
        }
        lastProbe = now
        return await probe()
    }

    /// Checks every backend with one cheap request (`GET /queue`); true when any answers.
    package func probe() async -> Bool {
        var anyAlive = false
        for index in backends.indices {
            let client = backends[index].client
            do {
                _ = try await client.queue()
                backends[index].failures = 0
                backends[index].skipUntil = nil
                backends[index].lastError = nil
                publish(index)
                anyAlive = true
            } catch let error as ComfyUIError {
                markFailed(index, error)
            } catch {
                return anyAlive
            }
        }
        wakeAll()
        return anyAlive
    }

    /// `/object_info` for `classes` on the lease's backend, fetched once per class and kept.
    package func objectInfo(for lease: Lease, classes: Set<String>) async throws -> JSONValue {
        let missing = classes.filter { backends[lease.index].objectInfo[$0] == nil }.sorted()
        if !missing.isEmpty {
            let answer = try await lease.client.objectInfo(classes: missing)
            for name in missing {
                // A class the server lacks answers `{}`: remember that too (as null) so it is not asked again.
                backends[lease.index].objectInfo[name] = answer[name] ?? .null
            }
        }
        var merged: [String: JSONValue] = [:]
        for name in classes {
            if let info = backends[lease.index].objectInfo[name], !info.isNull { merged[name] = info }
        }
        return .object(merged)
    }

    /// Closes every backend's event socket; with `leavingPrompts`, prompts in flight are left running on their
    /// backends rather than cancelled when their tasks are.
    package func shutdown(leavingPrompts: Bool = false) async {
        for backend in backends { await backend.client.shutdown(leavingPrompts: leavingPrompts) }
    }

    /// The client of the backend at `url` (as configured), if it is still configured.
    package func client(for url: String) -> ComfyUIClient? {
        backends.first { $0.client.backend == url }?.client
    }

    private func isBetter(_ lhs: Int, than rhs: Int, checkpoint: String?) -> Bool {
        let left = backends[lhs]
        let right = backends[rhs]
        if left.inFlight != right.inFlight { return left.inFlight < right.inFlight }
        if let checkpoint {
            let leftWarm = left.lastCheckpoint == checkpoint
            let rightWarm = right.lastCheckpoint == checkpoint
            if leftWarm != rightWarm { return leftWarm }
        }
        return lhs < rhs
    }

    private func wakeAll() {
        let woken = waiters
        waiters = []
        EngineMetrics.backendsWaiting(0)
        for waiter in woken { waiter.resume() }
    }

    /// Exports backend `index`'s load: prompts running, prompts in its own queue, whether it is usable.
    private func publish(_ index: Int) {
        let backend = backends[index]
        EngineMetrics.backend(
            backend.client.backend,
            running: min(backend.inFlight, backend.slots),
            queued: max(0, backend.inFlight - backend.slots),
            up: backend.skipUntil.map { $0 <= clock.now } ?? true
        )
    }

    private func unavailable() -> ComfyUIError {
        .unreachable(backend: "(none)", reason: "no ComfyUI backend is configured")
    }
}
