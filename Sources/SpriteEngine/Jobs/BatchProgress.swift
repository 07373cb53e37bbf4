/// A batch's progress for `notifications/progress`: items done out of the total, plus the fraction of each running
/// item (its sampler step), never going back.
actor BatchProgress {
    private let total: Int
    private let reporter: ProgressReporter
    private var done = 0
    private var running: [Int: Double] = [:]
    private var reported = 0.0

    init(total: Int, reporter: ProgressReporter) {
        self.total = total
        self.reporter = reporter
    }

    /// An item reported `event` (on its own 0–100 scale).
    func update(item: Int, name: String, event: ProgressReporter.Event) async {
        let fraction = event.total.map { $0 > 0 ? min(1, max(0, event.progress / $0)) : 0 } ?? 0
        running[item] = max(running[item] ?? 0, min(fraction, 0.99))
        await emit("\(done)/\(total) done; \(name): \(event.message)")
    }

    /// An item ended (saved or failed).
    func finished(item: Int, name: String, verdict: String) async {
        running[item] = nil
        done += 1
        await emit("\(done)/\(total): \(name) \(verdict)")
    }

    private func emit(_ message: String) async {
        let value = Double(done) + running.values.reduce(0, +)
        guard value > reported else { return }
        reported = value
        await reporter.report(value, of: Double(total), message)
    }
}
