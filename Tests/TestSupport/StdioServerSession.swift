import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A `dgx-pixels serve` child spoken to in JSON-RPC lines over its stdin and stdout, for tests and the benchmark.
///
/// One thread reads stdout with blocking reads and files each line as it arrives, stamped with the time its last
/// chunk was read (so a latency measured through it includes no polling delay). Waiting for an answer blocks a
/// thread of its own, never Swift's cooperative pool (`request` and `messages` hop off it).
package final class StdioServerSession: @unchecked Sendable {
    // Unchecked: `lines`, `responses`, `closed` and `progressAt` are guarded by `condition`; `nextID` by `idLock`;
    // the rest is set once in init.
    /// Why a session call failed.
    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    private let process = Process()
    private let stdin: FileHandle
    private let condition = NSCondition()
    private var lines: [Data] = []
    private var responses: [Int: (line: Data, at: ContinuousClock.Instant)] = [:]
    private var closed = false
    private var progressAt: ContinuousClock.Instant?
    private let idLock = NSLock()
    private var nextID = 1
    private let stderrText: PipeText?

    /// Starts `binary` with `arguments` and pipes for stdin, stdout and stderr.
    ///
    /// - Parameters:
    ///   - binary: The server executable.
    ///   - arguments: Its arguments before `--config`.
    ///   - config: A configuration file passed with `--config`, if any.
    ///   - environment: The child's whole environment.
    ///   - captureStderr: Keep the child's stderr (`stderr`) instead of passing it through to ours.
    /// - Throws: When the process cannot be started.
    package init(
        binary: String,
        arguments: [String] = ["serve"],
        config: URL?,
        environment: [String: String],
        captureStderr: Bool = true
    ) throws {
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments + (config.map { ["--config", $0.path] } ?? [])
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        let errorPipe = Pipe()
        process.standardError = captureStderr ? errorPipe : FileHandle.standardError
        try process.run()
        stdin = input.fileHandleForWriting
        stderrText = captureStderr ? PipeText(errorPipe.fileHandleForReading) : nil
        let reader = output.fileHandleForReading
        Thread.detachNewThread { [self] in readLoop(reader) }
    }

    package var pid: Int32 { process.processIdentifier }

    /// What the child wrote to stderr (waits for it to close); empty when stderr was passed through.
    package var stderr: String { stderrText?.text ?? "" }

    /// When the last `notifications/progress` line was read.
    package var lastProgress: ContinuousClock.Instant? {
        condition.lock()
        defer { condition.unlock() }
        return progressAt
    }

    package func initialize(client: String = "test") async throws {
        _ = try await request(
            "initialize",
            [
                "protocolVersion": "2025-11-25", "capabilities": [:] as [String: Any],
                "clientInfo": ["name": client, "version": "1"],
            ]
        )
        try send(["jsonrpc": "2.0", "method": "notifications/initialized"])
    }

    /// `initialize` and `notifications/initialized`, blocking this thread (for the benchmark).
    package func initializeBlocking(client: String = "bench") throws {
        _ = try requestBlocking(
            "initialize",
            [
                "protocolVersion": "2025-11-25", "capabilities": [:] as [String: Any],
                "clientInfo": ["name": client, "version": "1"],
            ]
        )
        try send(["jsonrpc": "2.0", "method": "notifications/initialized"])
    }

    /// Calls a tool, blocking this thread; its result and when the response was read.
    ///
    /// An error result throws.
    package func callBlocking(
        _ name: String,
        _ arguments: [String: Any],
        progressToken: String? = nil
    ) throws -> (result: [String: Any], at: ContinuousClock.Instant) {
        var params: [String: Any] = ["name": name, "arguments": arguments]
        if let progressToken { params["_meta"] = ["progressToken": progressToken] }
        let (response, at) = try requestBlocking("tools/call", params)
        guard let result = response["result"] as? [String: Any], result["isError"] as? Bool != true else {
            throw Failure(description: "tools/call \(name) failed: \(response)")
        }
        return (result, at)
    }

    /// Closes stdin and waits for the child to exit, blocking this thread.
    package func closeBlocking() {
        try? stdin.close()
        process.waitUntilExit()
    }

    /// Sends one message line.
    package func send(_ object: [String: Any]) throws {
        var data = try JSONSerialization.data(withJSONObject: object)
        data.append(0x0a)
        stdin.write(data)
    }

    /// Sends a request and waits for its response (blocking this thread); returns it and when it was read.
    package func requestBlocking(
        _ method: String,
        _ params: [String: Any]
    ) throws -> (response: [String: Any], at: ContinuousClock.Instant) {
        let (line, at) = try exchange(method, try JSONSerialization.data(withJSONObject: params))
        return (try Self.object(line), at)
    }

    /// Sends a request and waits for its response off the cooperative pool.
    package func request(_ method: String, _ params: [String: Any]) async throws -> [String: Any] {
        let body = try JSONSerialization.data(withJSONObject: params)
        let line = try await offPool { [self] in try exchange(method, body).line }
        return try Self.object(line)
    }

    /// Sends `method` with the JSON `params` and waits for the response line.
    private func exchange(_ method: String, _ params: Data) throws -> (line: Data, at: ContinuousClock.Instant) {
        let id = idLock.withLock {
            defer { nextID += 1 }
            return nextID
        }
        var message = Data(#"{"jsonrpc":"2.0","id":\#(id),"method":"#.utf8)
        message += try JSONSerialization.data(withJSONObject: method, options: .fragmentsAllowed)
        message += Data(#","params":"#.utf8) + params + Data("}\n".utf8)
        stdin.write(message)
        condition.lock()
        defer { condition.unlock() }
        while responses[id] == nil, !closed { condition.wait() }
        guard let answer = responses.removeValue(forKey: id) else {
            throw Failure(description: "the server exited before answering \(method): \(stderrText?.partial ?? "")")
        }
        return answer
    }

    private static func object(_ line: Data) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: line) as? [String: Any] else {
            throw Failure(description: "not JSON: \(String(decoding: line, as: UTF8.self))")
        }
        return object
    }

    /// Calls a tool and returns its `result` object (an `isError` result too; a JSON-RPC error throws).
    package func call(
        _ name: String,
        _ arguments: [String: Any],
        progressToken: String? = nil
    ) async throws
        -> [String: Any]
    {
        var params: [String: Any] = ["name": name, "arguments": arguments]
        if let progressToken { params["_meta"] = ["progressToken": progressToken] }
        let response = try await request("tools/call", params)
        guard let result = response["result"] as? [String: Any] else {
            throw Failure(description: "tools/call \(name) failed: \(response)")
        }
        return result
    }

    /// Every message line from `from` on (an index into all lines read), up to and including the first for which
    /// `last` is true; a server that writes none within `timeout` seconds is killed, which makes this throw.
    package func messages(
        from start: Int = 0,
        timeout: Double = 30,
        until last: @escaping @Sendable ([String: Any]) -> Bool
    ) async throws -> [Data] {
        try await offPool { [self] in
            let deadline = Date().addingTimeInterval(timeout)
            var index = start
            var seen: [Data] = []
            condition.lock()
            defer { condition.unlock() }
            while true {
                while index < lines.count {
                    let line = lines[index]
                    index += 1
                    seen.append(line)
                    if let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any], last(object) {
                        return seen
                    }
                }
                if closed { throw Failure(description: "the server closed stdout: \(stderrText?.partial ?? "")") }
                if !condition.wait(until: deadline) {
                    Foundation.kill(process.processIdentifier, SIGKILL)
                    throw Failure(description: "no such message within \(Int(timeout)) s")
                }
            }
        }
    }

    /// How many message lines have been read so far (a starting point for `messages(from:)`).
    package var lineCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return lines.count
    }

    /// Kills the child at once (SIGKILL) and waits for it.
    package func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Closes stdin and waits (off the pool) for the child to exit; its exit status.
    @discardableResult
    package func close() async throws -> Int32 {
        try? stdin.close()
        return try await offPool { [self] in
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    /// Peak resident memory of the child so far (VmHWM), in MiB.
    package var peakRSS: Double {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return (Double(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }

    /// CPU seconds (user + system) the child has used so far.
    package var cpuSeconds: Double {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Splits stdout into lines as chunks arrive; only the new bytes of each chunk are searched for the newline (a
    /// 1 MB batch result arrives in 64 KB pieces, and rescanning the whole buffer per piece is quadratic).
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
                file(Data(pending), at: now)
                pending.removeAll(keepingCapacity: true)
            }
            pending += rest
        }
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func file(_ line: Data, at now: ContinuousClock.Instant) {
        let id = Self.responseID(line)
        condition.lock()
        lines.append(line)
        if let id {
            responses[id] = (line, now)
        } else if line.range(of: Data("notifications/progress".utf8)) != nil {
            progressAt = now
        }
        condition.broadcast()
        condition.unlock()
    }

    /// The id of a response line, read from its start (`{"id":N,` as the server writes it) before decoding.
    private static func responseID(_ line: Data) -> Int? {
        guard line.starts(with: Data(#"{"id":"#.utf8)) || line.range(of: Data(#""method""#.utf8)) == nil,
            let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any], object["method"] == nil
        else { return nil }
        return object["id"] as? Int
    }
}

/// Everything a pipe delivers until it closes, read on a thread of its own.
package final class PipeText: @unchecked Sendable {
    // Unchecked: `data` is guarded by `lock`; `done` signals the end.
    private var data = Data()
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)

    package init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock { data += chunk }
            }
            done.signal()
        }
    }

    /// The whole text, once the pipe has closed.
    package var text: String {
        done.wait()
        done.signal()
        return partial
    }

    /// What has arrived so far.
    package var partial: String {
        lock.withLock { String(decoding: data, as: UTF8.self) }
    }
}

/// Runs blocking work (pipe reads, waiting for a child process) on its own thread.
///
/// Swift Testing runs tests on the cooperative thread pool, which has one thread per core: a test that blocks one
/// of them on a child process would starve every other test on a 2-core machine.
package func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try work() })
        }
    }
}

extension Process {
    /// Waits for exit at most `seconds`; kills the process and returns false when it does not exit in time.
    package func waitForExit(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning, Date() < deadline { usleep(10_000) }
        if isRunning {
            kill(processIdentifier, SIGKILL)
            waitUntilExit()
            return false
        }
        return true
    }
}
