import Foundation

/// A `dgx-pixels serve` child spoken to in JSON-RPC lines, with the time each response line was read.
///
/// A dedicated thread does blocking reads of the child's stdout, so reading adds no polling delay to the latency
/// being measured.
final class ServerSession: @unchecked Sendable {
    // Unchecked: `responses` is guarded by `condition`; the rest is set once in init.
    private let process = Process()
    private let stdin: FileHandle
    private let condition = NSCondition()
    private var responses: [Int: (line: Data, at: ContinuousClock.Instant)] = [:]
    private var closed = false
    private var progressAt: ContinuousClock.Instant?

    /// When the last `notifications/progress` line was read.
    var lastProgress: ContinuousClock.Instant? {
        condition.lock()
        defer { condition.unlock() }
        return progressAt
    }
    private var nextID = 1

    init(binary: String, config: URL, environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--config", config.path]
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        stdin = input.fileHandleForWriting
        let reader = output.fileHandleForReading
        Thread.detachNewThread { [self] in readLoop(reader) }
    }

    var pid: Int32 { process.processIdentifier }

    func initialize() throws {
        _ = try request(
            "initialize",
            [
                "protocolVersion": "2025-06-18", "capabilities": [:] as [String: Any],
                "clientInfo": ["name": "pixelbench", "version": "1"],
            ]
        )
        try send(["jsonrpc": "2.0", "method": "notifications/initialized"])
    }

    /// Calls a tool; returns its result and when the response line was read.
    func call(
        _ name: String,
        _ arguments: [String: Any],
        progressToken: String? = nil
    ) throws -> (result: [String: Any], at: ContinuousClock.Instant) {
        var params: [String: Any] = ["name": name, "arguments": arguments]
        if let progressToken { params["_meta"] = ["progressToken": progressToken] }
        let (response, at) = try request("tools/call", params)
        guard let result = response["result"] as? [String: Any] else {
            throw BenchError.server("tools/call \(name) failed: \(response)")
        }
        if result["isError"] as? Bool == true { throw BenchError.server("tools/call \(name): \(result)") }
        return (result, at)
    }

    func request(_ method: String, _ params: [String: Any]) throws -> ([String: Any], ContinuousClock.Instant) {
        let id = nextID
        nextID += 1
        try send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        condition.lock()
        defer { condition.unlock() }
        while responses[id] == nil, !closed { condition.wait() }
        guard let (line, at) = responses.removeValue(forKey: id) else { throw BenchError.server("server exited") }
        guard let object = try JSONSerialization.jsonObject(with: line) as? [String: Any] else {
            throw BenchError.server("not JSON: \(String(decoding: line, as: UTF8.self))")
        }
        return (object, at)
    }

    /// Peak resident memory of the child so far (VmHWM), in MiB.
    var peakRSS: Double {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        let kib = Double(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        return kib / 1024
    }

    /// CPU seconds (user + system) the child has used so far.
    var cpuSeconds: Double {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        // Fields after the command name (which is in parentheses and may contain spaces).
        let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func close() {
        try? stdin.close()
        process.waitUntilExit()
    }

    private func send(_ object: [String: Any]) throws {
        var data = try JSONSerialization.data(withJSONObject: object)
        data.append(0x0a)
        stdin.write(data)
    }

    /// Splits stdout into lines as chunks arrive, stamping each line with the time its last chunk was read.
    ///
    /// Only the new bytes of each chunk are searched for the newline: a 1 MB batch result arrives in 64 KB pieces,
    /// and rescanning the whole buffer per piece (as `Data.firstIndex` on the buffer did) took 0.7 s of bench time.
    private func readLoop(_ reader: FileHandle) {
        var pending = [UInt8]()
        while true {
            let chunk = reader.availableData
            let now = ContinuousClock.now
            if chunk.isEmpty { break }
            var rest = chunk[...]
            while let newline = rest.firstIndex(of: 0x0a) {
                pending += rest[rest.startIndex..<newline]
                rest = rest[rest.index(after: newline)...]
                handle(Data(pending), at: now)
                pending.removeAll(keepingCapacity: true)
            }
            pending += rest
        }
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func handle(_ line: Data, at now: ContinuousClock.Instant) {
        guard let id = Self.responseID(line) else {
            if line.range(of: Data("notifications/progress".utf8)) != nil {
                condition.lock()
                progressAt = now
                condition.unlock()
            }
            return
        }
        condition.lock()
        responses[id] = (line, now)
        condition.broadcast()
        condition.unlock()
    }

    /// The id of a response line, without decoding the whole (possibly large) result.
    private static func responseID(_ line: Data) -> Int? {
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
            object["method"] == nil
        else { return nil }
        return object["id"] as? Int
    }
}

enum BenchError: Error, CustomStringConvertible {
    case server(String)
    /// A command line the bench cannot act on.
    case usage(String)

    var description: String {
        switch self {
        case .server(let message), .usage(let message): message
        }
    }
}
