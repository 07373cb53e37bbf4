/// `GET /queue`: the running prompt(s) and the pending ones, each in ComfyUI's execution order.
package struct QueueState: Sendable, Equatable {
    package var running: [String]
    package var pending: [String]

    package init(running: [String] = [], pending: [String] = []) {
        self.running = running
        self.pending = pending
    }

    /// Items are arrays `[number, prompt_id, prompt, extra_data, outputs]`; pending ones run in `number` order.
    package init(json: JSONValue) {
        func ids(_ key: String) -> [String] {
            let items = (json[key]?.arrayValue ?? []).compactMap { item -> (Double, String)? in
                guard let id = item[1]?.stringValue else { return nil }
                return (item[0]?.doubleValue ?? 0, id)
            }
            return items.sorted { $0.0 < $1.0 }.map(\.1)
        }
        running = ids("queue_running")
        pending = ids("queue_pending")
    }

    /// 0 when `promptID` is running, n ≥ 1 when it is the n-th pending prompt (1 = runs next), nil when not queued.
    package func position(of promptID: String) -> Int? {
        if running.contains(promptID) { return 0 }
        return pending.firstIndex(of: promptID).map { $0 + 1 }
    }

    package var count: Int { running.count + pending.count }
}
