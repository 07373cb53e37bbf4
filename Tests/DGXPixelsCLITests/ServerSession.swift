import Foundation
import Synchronization
import Testing

/// A `dgx-pixels serve` child spoken to in JSON-RPC lines.
final class ServerSession: @unchecked Sendable {
    // Unchecked: `buffer` and `nextID` are only touched from one test's sequential awaits and its reader calls.
    private let process = Process()
    private let stdin: FileHandle
    private let stdout: FileHandle
    private let errors: PipeDrain
    private var buffer = Data()
    private var nextID = 1

    init(binary: URL, config: URL, environment: [String: String]) throws {
        process.executableURL = binary
        process.arguments = ["serve", "--config", config.path]
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        let errorPipe = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errorPipe
        try process.run()
        stdin = input.fileHandleForWriting
        stdout = output.fileHandleForReading
        errors = PipeDrain(errorPipe.fileHandleForReading)
    }

    func initialize() async throws {
        _ = try await request(
            "initialize",
            [
                "protocolVersion": "2025-06-18", "capabilities": [:] as [String: Any],
                "clientInfo": ["name": "restart-test", "version": "1"],
            ]
        )
        try send(["jsonrpc": "2.0", "method": "notifications/initialized"])
    }

    /// Calls a tool and returns its result object.
    func call(_ name: String, _ arguments: [String: Any]) async throws -> [String: Any] {
        let response = try await request("tools/call", ["name": name, "arguments": arguments])
        return try #require(response["result"] as? [String: Any], "\(response) stderr: \(errors.text)")
    }

    func request(_ method: String, _ params: [String: Any]) async throws -> [String: Any] {
        let id = nextID
        nextID += 1
        try send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        let line = try await offPool { [self] in try self.readResponse(id: id) }
        return try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Closes stdin and waits for the exit; returns the exit status (-9 when it had to be killed).
    @discardableResult
    func close() async throws -> Int32 {
        try stdin.close()
        let exited = try await offPool { [process] in process.waitForExit(seconds: 30) }
        return exited ? process.terminationStatus : -9
    }

    /// Writes one JSON-RPC message (a request with an id of the test's choosing, or a notification).
    func send(_ object: [String: Any]) throws {
        var data = try JSONSerialization.data(withJSONObject: object)
        data.append(0x0a)
        stdin.write(data)
    }

    /// The line of the response to `id` (other lines, such as notifications, are skipped).
    private func readResponse(id: Int) throws -> Data {
        var found: Data?
        _ = try readMessages { object, line in
            guard object["id"] as? Int == id, object["method"] == nil else { return false }
            found = line
            return true
        }
        return found ?? Data()
    }

    /// Every message line the server writes, in order, up to and including the first for which `last` is true.
    ///
    /// A server that writes no such message within `timeout` seconds is killed, which makes this throw.
    func messages(
        timeout: Double = 30,
        until last: @escaping @Sendable ([String: Any]) -> Bool
    ) async throws -> [Data] {
        let done = Mutex(false)
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            if !done.withLock({ $0 }) { Foundation.kill(pid, SIGKILL) }
        }
        defer { done.withLock { $0 = true } }
        return try await offPool { [self] in try self.readMessages { object, _ in last(object) } }
    }

    private func readMessages(until last: ([String: Any], Data) -> Bool) throws -> [Data] {
        var seen: [Data] = []
        while true {
            while let newline = buffer.firstIndex(of: 0x0a) {
                let line = Data(buffer[buffer.startIndex..<newline])
                buffer = Data(buffer[buffer.index(after: newline)...])
                guard let object = try JSONSerialization.jsonObject(with: line) as? [String: Any] else { continue }
                seen.append(line)
                if last(object, line) { return seen }
            }
            let chunk = stdout.availableData
            guard !chunk.isEmpty else {
                throw CocoaError(
                    .fileReadUnknown,
                    userInfo: [NSLocalizedDescriptionKey: "server closed: \(errors.text)"]
                )
            }
            buffer += chunk
        }
    }
}
