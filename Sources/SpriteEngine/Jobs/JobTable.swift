/// The jobs an engine holds in memory: every running job, and the newest finished ones.
///
/// Older records are read back from their `job.json` when asked for, so the server's memory follows what it is
/// doing, not everything it has done.
struct JobTable {
    /// Finished jobs kept in memory; older ones are answered from their `job.json`.
    static let finishedKept = 32

    private(set) var records: [String: JobRecord] = [:]
    private var tasks: [String: Task<Void, Never>] = [:]
    /// Finished jobs still in `records`, oldest first (at most `finishedKept + 1` long).
    private var finishedOrder: [String] = []

    subscript(_ id: String) -> JobRecord? {
        get { records[id] }
        set { records[id] = newValue }
    }

    func task(of id: String) -> Task<Void, Never>? {
        tasks[id]
    }

    /// The tasks of every running job.
    var running: [Task<Void, Never>] { Array(tasks.values) }

    func isRunning(_ id: String) -> Bool {
        tasks[id] != nil
    }

    mutating func start(_ id: String, task: Task<Void, Never>) {
        tasks[id] = task
    }

    /// Job `id` ended: its task is dropped and its record joins the finished ones, evicting the oldest.
    mutating func finish(_ id: String) {
        tasks[id] = nil
        finishedOrder.removeAll { $0 == id }
        finishedOrder.append(id)
        while finishedOrder.count > Self.finishedKept {
            let oldest = finishedOrder.removeFirst()
            if tasks[oldest] == nil { records[oldest] = nil }
        }
    }

    /// The newest jobs in memory, newest first.
    func recent(limit: Int) -> [JobRecord] {
        Array(records.values.sorted { $0.createdAt > $1.createdAt }.prefix(limit))
    }
}
