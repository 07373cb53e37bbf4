import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-shot HTTP server on 127.0.0.1: accepts one connection on its own thread, reads one request, answers it.
final class LoopbackHTTPServer: @unchecked Sendable {
    /// The request that arrived.
    struct Request: Sendable {
        var head: String
        var body: Data
    }

    let port: UInt16
    private let listener: Int32
    private let answer: String

    /// Listens on an ephemeral port; `body` is the JSON the server answers with.
    init(answering body: String, status: String = "200 OK") throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        guard listener >= 0 else { throw POSIXFailure("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 1) == 0 else { throw POSIXFailure("bind/listen") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.port = UInt16(bigEndian: address.sin_port)
        self.answer =
            "HTTP/1.1 \(status)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n"
            + "Connection: close\r\n\r\n\(body)"
    }

    /// A port nothing listens on: bound, then closed.
    static func closedPort() throws -> UInt16 {
        let server = try LoopbackHTTPServer(answering: "")
        server.stop()
        return server.port
    }

    var url: URL { URL(string: "http://127.0.0.1:\(port)/") ?? URL(fileURLWithPath: "/") }

    /// Serves one request on a new thread (never the cooperative pool) and returns it.
    func serveOne() async throws -> Request {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try self.acceptAndAnswer() })
            }
        }
    }

    func stop() { _ = close(listener) }

    private func acceptAndAnswer() throws -> Request {
        defer { stop() }
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { throw POSIXFailure("accept") }
        defer { _ = close(connection) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        var expected: Int?
        while expected.map({ received.count < $0 }) ?? true {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            received.append(contentsOf: buffer[0..<count])
            if expected == nil, let end = received.range(of: Data("\r\n\r\n".utf8)) {
                let head = String(decoding: received[..<end.lowerBound], as: UTF8.self)
                let length =
                    head.split(separator: "\r\n").compactMap { line -> Int? in
                        let parts = line.split(separator: ":", maxSplits: 1)
                        guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                        return Int(parts[1].trimmingCharacters(in: .whitespaces))
                    }.first ?? 0
                expected = end.upperBound + length
            }
        }
        let bytes = Array(answer.utf8)
        _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard let end = received.range(of: Data("\r\n\r\n".utf8)) else { throw POSIXFailure("no request head") }
        return Request(
            head: String(decoding: received[..<end.lowerBound], as: UTF8.self),
            body: Data(received[end.upperBound...])
        )
    }

    /// A failed socket call.
    struct POSIXFailure: Error, CustomStringConvertible {
        var call: String
        var code = errno
        init(_ call: String) { self.call = call }
        var description: String { "\(call) failed: errno \(code)" }
    }
}
