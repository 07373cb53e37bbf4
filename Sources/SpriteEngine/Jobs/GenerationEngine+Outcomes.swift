import BevyAssets
import Foundation
import Logging
import PixelArt

/// What happens as items and jobs end: the journal first, then the record, then the deploy of a finished sprite.
extension GenerationEngine {
    /// Records an item's outcome (journal first) and deploys its sprite when the job asked for it.
    func finish(_ id: String, item index: Int, with outcome: Result<SpriteResult, SpriteEngineError>) {
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
        journalAppend(entry, sync: entry.sprite?.cached != true)
        jobs[id]?.finish(item: index, with: outcome, at: Date())
        if case .success(let sprite) = outcome { deployFinished([sprite], of: id) }
    }

    func recordPrompt(_ id: String, item index: Int, _ handle: PromptHandle) {
        var entry = JournalEntry(.prompt, job: id)
        entry.item = index
        entry.prompt = handle
        journalAppend(entry)
    }

    /// Ends job `id`: once its deploys are done, its record (with the contact sheet) goes to `job.json`, then `closed` to the journal.
    ///
    /// The files are written off the actor.
    func close(_ id: String) async {
        cancelWatcher.stop(id)
        await deploysFinished(of: id)
        guard !leaving, var record = jobs[id] else {
            jobs.finish(id)
            return
        }
        if !record.status.isFinished { record.cancel(at: Date()) }
        record.contactSheet = await Self.saveContactSheet(of: record, store: store, logger: logger)
        jobs[id] = record
        let saved = await Self.save(record, store: store, logger: logger)
        jobs.finish(id)
        guard saved else { return }  // left open in the journal: the next start closes it from there
        var entry = JournalEntry(.closed, job: id)
        entry.status = record.status.rawValue
        // Not fsynced: every item's outcome already is, and recovery closes a job whose items all have one.
        journalAppend(entry, sync: false)
        logger.info("job finished", metadata: ["job.id": "\(id)", "job.status": "\(record.status.rawValue)"])
        EngineMetrics.jobClosed(status: record.status.rawValue)
        compactJournalIfLarge()
    }

    private nonisolated static func save(_ record: JobRecord, store: SpriteStore, logger: Logger) async -> Bool {
        do {
            try store.save(record)
            return true
        } catch {
            logger.error("could not save job record", metadata: ["job.id": "\(record.id)", "error": "\(error)"])
            return false
        }
    }

    /// Appends to the journal; a journal that cannot be written is logged, never fatal to the sprite itself.
    func journalAppend(_ entry: JournalEntry, sync: Bool = true) {
        do {
            try journal.append(entry, sync: sync)
        } catch {
            logger.error("could not write the job journal", metadata: ["job.id": "\(entry.job)", "error": "\(error)"])
        }
    }

    /// Drops closed jobs' lines once the journal is large, off the actor (it reads and rewrites the file).
    func compactJournalIfLarge() {
        let (journal, logger) = (self.journal, self.logger)
        guard journal.byteCount > JobJournal.compactionThreshold else { return }
        Task.detached(priority: .utility) {
            do {
                try journal.compactIfLarge()
            } catch {
                logger.error("could not compact the job journal", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Saves `<job>/contact-sheet.png` for a batch with at least one sprite (an animation's frames as rows);
    /// returns its path.
    private nonisolated static func saveContactSheet(
        of record: JobRecord,
        store: SpriteStore,
        logger: Logger
    ) async -> String? {
        let sprites = record.items.compactMap(\.sprite)
        guard record.total > 1, !sprites.isEmpty else { return nil }
        let entries = sprites.compactMap { sprite in
            (try? Data(contentsOf: URL(fileURLWithPath: sprite.path))).map {
                ContactSheet.Entry(png: $0, columns: sprite.sheet?.columns ?? 1, rows: sprite.sheet?.rows ?? 1)
            }
        }
        do {
            let png = try PNGCodec.encode(ContactSheet.numbered(entries))
            return try store.save(png: png, jobID: record.id, fileName: "contact-sheet.png").path
        } catch {
            logger.warning(
                "could not save the contact sheet",
                metadata: ["job.id": "\(record.id)", "error": "\(error)"]
            )
            return nil
        }
    }
}
