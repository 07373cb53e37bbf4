import Foundation

/// Asks a running game to reload assets through its Bevy Remote Protocol `sprites/reload` method.
///
/// JSON-RPC 2.0 over HTTP, best effort: every failure comes back as a warning, never an error.
package struct GameReloader: Sendable {
    /// Where Bevy's `RemoteHttpPlugin` listens by default.
    package static let defaultURL = "http://127.0.0.1:15702/"
    /// The method a game registers (see docs/bevy.md).
    package static let method = "sprites/reload"

    /// What the game said.
    package enum Outcome: Sendable, Equatable {
        /// The game answered with a JSON-RPC result.
        case reloaded(note: String)
        /// No game, an error answer, or a timeout: the files are deployed all the same.
        case failed(warning: String)
    }

    package let url: URL
    package let timeout: Duration
    private let transport: any RemoteTransport

    package init(url: URL, timeout: Duration = .milliseconds(300), transport: any RemoteTransport) {
        self.url = url
        self.timeout = timeout
        self.transport = transport
    }

    /// The JSON-RPC request: `{"jsonrpc":"2.0","id":1,"method":"sprites/reload","params":{"paths":[…]}}`.
    package static func requestBody(paths: [String]) -> Data {
        let escaped = paths.map { path -> String in
            let data = (try? JSONEncoder().encode(path)) ?? Data("\"\"".utf8)
            return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
        }
        let list = escaped.joined(separator: ",")
        return Data(#"{"jsonrpc":"2.0","id":1,"method":"\#(method)","params":{"paths":[\#(list)]}}"#.utf8)
    }

    /// Posts the reload request for `paths` (asset paths) and reads the answer.
    package func reload(_ paths: [String]) async -> Outcome {
        let advice = "the files are deployed; the game picks them up through file_watcher, or see docs/bevy.md"
        let response: RemoteResponse
        do {
            response = try await transport.post(Self.requestBody(paths: paths), to: url, timeout: timeout)
        } catch {
            return .failed(
                warning: "no running game answered at \(url.absoluteString) (\(Self.reason(error))): \(advice)"
            )
        }
        guard response.status == 200 else {
            return .failed(warning: "the game at \(url.absoluteString) answered HTTP \(response.status): \(advice)")
        }
        let answer = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        if let error = answer?["error"] as? [String: Any] {
            let message = error["message"] as? String ?? "unknown error"
            return .failed(
                warning: "the game at \(url.absoluteString) refused \(Self.method): \(message); register the method "
                    + "as docs/bevy.md shows (\(advice))"
            )
        }
        guard answer?["result"] != nil else {
            return .failed(warning: "the game at \(url.absoluteString) gave no JSON-RPC result: \(advice)")
        }
        return .reloaded(note: "asked the running game at \(url.absoluteString) to reload \(paths.count) asset(s)")
    }

    private static func reason(_ error: any Error) -> String {
        if let timedOut = error as? URLSessionRemoteTransport.TimedOut { return timedOut.description }
        let nsError = error as NSError
        return nsError.localizedDescription.isEmpty ? "\(error)" : nsError.localizedDescription
    }
}
