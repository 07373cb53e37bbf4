import Foundation
import TestSupport
import Testing

@Suite("dgx-pixels serve over real stdio")
struct StdioServerTests {
    static func line(_ object: [String: Any]) throws -> Data {
        var data = try JSONSerialization.data(withJSONObject: object)
        data.append(0x0a)
        return data
    }

    @Test("Every stdout line is JSON-RPC, a malformed line doesn't kill the server, and stdin EOF exits 0 within 2 s")
    func session() async throws {
        let binary = try BuiltBinary()
        defer { binary.cleanUp() }
        let (process, stdin, stdout, stderr) = try binary.start(["serve"])
        let errors = PipeText(stderr)
        var input = Data()
        input += try Self.line([
            "jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": [
                "protocolVersion": "2025-06-18", "capabilities": [:] as [String: Any],
                "clientInfo": ["name": "stdio-test", "version": "1"],
            ],
        ])
        input += try Self.line(["jsonrpc": "2.0", "method": "notifications/initialized"])
        input += try Self.line(["jsonrpc": "2.0", "id": 2, "method": "tools/list"])
        input += Data("this is not json\n{\"jsonrpc\": \"2.0\", \"id\": \n".utf8)
        input += try Self.line([
            "jsonrpc": "2.0", "id": 3, "method": "tools/call",
            "params": ["name": "generate_sprite", "arguments": ["prompt": "green slime", "size": 16, "seed": 1]],
        ])
        input += try Self.line(["jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": ["name": "nope"]])
        input += try Self.line(["jsonrpc": "2.0", "id": 5, "method": "tools/call", "params": [:] as [String: Any]])
        let message = input
        let (output, elapsed, exited) = try await offPool {
            stdin.write(message)
            try stdin.close()
            let closedAt = Date()
            let output = stdout.readDataToEndOfFile()
            let exited = process.waitForExit(seconds: 30)
            return (output, Date().timeIntervalSince(closedAt), exited)
        }
        #expect(exited && process.terminationStatus == 0, "stderr: \(errors.text)")
        #expect(elapsed < 2.0)

        var responses: [Int: [String: Any]] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                "not JSON: \(line)"
            )
            #expect(object["jsonrpc"] as? String == "2.0")
            if let id = object["id"] as? Int { responses[id] = object }
        }
        #expect(responses[1]?["result"] != nil)
        let tools = (responses[2]?["result"] as? [String: Any])?["tools"] as? [[String: Any]]
        #expect(tools?.count == 7)
        let call = try #require(responses[3]?["result"] as? [String: Any])
        #expect(call["isError"] as? Bool == false)
        let error = try #require(responses[4]?["error"] as? [String: Any])
        #expect(error["code"] as? Int == -32602)
        let malformed = try #require(responses[5]?["error"] as? [String: Any])
        #expect(malformed["code"] as? Int == -32602)
        #expect((malformed["message"] as? String)?.contains("needs params") == true, "\(malformed)")
    }

    @Test("SIGTERM ends an idle server cleanly with exit 0")
    func sigterm() async throws {
        let binary = try BuiltBinary()
        defer { binary.cleanUp() }
        let (process, stdin, stdout, _) = try binary.start(["serve"])
        stdin.write(
            try Self.line([
                "jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": [
                    "protocolVersion": "2025-06-18", "capabilities": [:] as [String: Any],
                    "clientInfo": ["name": "stdio-test", "version": "1"],
                ],
            ])
        )
        let exited = try await offPool {
            _ = stdout.availableData  // the initialize answer: the server is up
            process.terminate()
            return process.waitForExit(seconds: 10)
        }
        #expect(exited)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        try? stdin.close()
    }
}
