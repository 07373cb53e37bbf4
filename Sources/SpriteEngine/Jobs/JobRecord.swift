import Foundation

/// A generate call's job: its items and how far they got.
///
/// Saved as `job.json` beside the job's sprites.
package struct JobRecord: Codable, Sendable, Equatable {
    /// Where a job or an item stands.
    package enum Status: String, Codable, Sendable {
        case pending, running, succeeded, partial, failed, cancelled

        package var isFinished: Bool { self != .pending && self != .running }
    }

    /// One sprite of the job.
    package struct Item: Codable, Sendable, Equatable {
        package var index: Int
        package var prompt: String
        package var name: String
        package var status: Status
        package var error: String?
        package var sprite: SpriteResult?
    }

    package var id: String
    package var kind: String
    package var status: Status
    package var createdAt: String
    package var finishedAt: String?
    package var total: Int
    package var succeeded: Int
    package var failed: Int
    package var items: [Item]
    /// A batch's contact sheet (every sprite made, numbered, in a grid), saved beside its sprites.
    package var contactSheet: String?
    /// The Bevy project each sprite is deployed into as it is made (`deploy_to`), if any.
    package var deployTo: String?
    /// What deploying the sprites as they were made has done so far.
    package var deployment: RollingDeployment?

    enum CodingKeys: String, CodingKey {
        case id = "job_id"
        case kind, status
        case createdAt = "created_at"
        case finishedAt = "finished_at"
        case total, succeeded, failed, items
        case contactSheet = "contact_sheet"
        case deployTo = "deploy_to"
        case deployment
    }

    package init(id: String, kind: String, requests: [SpriteRequest], createdAt: Date) {
        self.id = id
        self.kind = kind
        status = .running
        self.createdAt = Self.timestamp(createdAt)
        total = requests.count
        succeeded = 0
        failed = 0
        items = requests.enumerated().map { index, request in
            Item(index: index, prompt: request.prompt, name: request.name, status: .pending)
        }
    }

    /// Records one item's outcome and, when it was the last, the job's.
    package mutating func finish(item index: Int, with outcome: Result<SpriteResult, SpriteEngineError>, at date: Date)
    {
        switch outcome {
        case .success(let sprite):
            items[index].status = .succeeded
            items[index].sprite = sprite
            succeeded += 1
        case .failure(.cancelled):
            items[index].status = .cancelled
        case .failure(let error):
            items[index].status = .failed
            items[index].error = error.description
            failed += 1
        }
        guard items.allSatisfy(\.status.isFinished) else { return }
        if items.contains(where: { $0.status == .cancelled }) {
            status = .cancelled
        } else {
            status = failed == 0 ? .succeeded : (succeeded == 0 ? .failed : .partial)
        }
        finishedAt = Self.timestamp(date)
    }

    /// How many items have an outcome.
    package var done: Int { items.filter(\.status.isFinished).count }

    /// Marks every unfinished item cancelled.
    package mutating func cancel(at date: Date) {
        for index in items.indices where !items[index].status.isFinished {
            items[index].status = .cancelled
        }
        status = .cancelled
        finishedAt = Self.timestamp(date)
    }

    package static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// A new sortable, readable id: `20261123-203512-a1b2c3`.
    package static func makeID(at date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        let stamp =
            "\(parts.year ?? 0)\(two(parts.month))\(two(parts.day))-\(two(parts.hour))\(two(parts.minute))\(two(parts.second))"
        let suffix = String(UInt32.random(in: 0...0xff_ffff), radix: 16)
        return stamp + "-" + String(repeating: "0", count: 6 - suffix.count) + suffix
    }

    /// When job `id` was started, from the UTC time stamp it begins with; nil for anything else.
    package static func date(ofID id: String) -> Date? {
        guard isWellFormedID(id) else { return nil }
        let digits = Array(id.filter(\.isNumber).prefix(14))
        func number(_ range: Range<Int>) -> Int { Int(String(digits[range])) ?? 0 }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar.date(
            from: DateComponents(
                year: number(0..<4),
                month: number(4..<6),
                day: number(6..<8),
                hour: number(8..<10),
                minute: number(10..<12),
                second: number(12..<14)
            )
        )
    }

    /// Whether `id` has the shape of a job id (so it is safe as a directory name).
    package static func isWellFormedID(_ id: String) -> Bool {
        id.range(of: "^[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$", options: .regularExpression) != nil
    }
}
