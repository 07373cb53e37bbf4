import Foundation
import MCP
import SpriteEngine

/// `tools/call`, for both ways a call arrives: the SDK's handler (any transport) and the stdio transport's direct
/// route (`DirectRequests`), which skips the SDK's re-encoding of results.
struct ToolCalls: Sendable {
    let registry: ToolRegistry
    let engine: GenerationEngine

    /// Runs the call; progress, when the client asked for it, goes out through `notify`.
    func call(
        _ parameters: CallTool.Parameters,
        notify: @escaping @Sendable (ProgressNotification.Parameters) -> Void
    ) async throws -> CallTool.Result {
        let progress = ProgressBridge.reporter(for: parameters._meta?.progressToken, send: notify)
        return try await registry.call(parameters, context: ToolContext(engine: engine, progress: progress))
    }

    /// The direct route for `transport`: reads a `tools/call` request line, and answers with the response line the
    /// SDK would have written (same encoder settings), or nothing when the client cancelled the request.
    func directHandler(sendingThrough transport: StdioLineTransport) -> DirectRequests.Handler {
        { line in
            guard let request = try? JSONDecoder().decode(Request<CallTool>.self, from: line) else {
                // The SDK would answer "internal error, data isn't in the correct format"; say what is wrong.
                guard let id = (try? JSONDecoder().decode(RequestID.self, from: line))?.id else { return nil }
                return {
                    let error = MCPError.invalidParams(
                        "tools/call needs params {\"name\": string, \"arguments\": object (optional)}"
                    )
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                    return try? encoder.encode(Response<CallTool>(id: id, error: error))
                }
            }
            return {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let failure: MCPError
                do {
                    let result = try await call(request.params) { parameters in
                        guard let data = try? encoder.encode(ProgressNotification.message(parameters)) else { return }
                        transport.sendNotificationNow(data)
                    }
                    return try Self.responseLine(id: request.id, result: result)
                } catch is CancellationError {
                    return nil
                } catch let error as MCPError {
                    failure = error
                } catch {
                    failure = .internalError("\(error)")
                }
                return try? encoder.encode(Response<CallTool>(id: request.id, error: failure))
            }
        }
    }

    /// `{"id":…,"jsonrpc":"2.0","result":…}` written by `ValueJSON`, without `JSONEncoder`'s copy of the tree.
    static func responseLine(id: ID, result: CallTool.Result) throws -> Data {
        var line = Array(#"{"id":"#.utf8)
        ValueJSON.write(try ValueEncoder.encode(id), to: &line)
        line += #","jsonrpc":"2.0","result":"#.utf8
        ValueJSON.write(try ValueEncoder.encode(result), to: &line)
        line.append(UInt8(ascii: "}"))
        return Data(line)
    }

    /// Just a request's id, to answer a request whose parameters cannot be read.
    private struct RequestID: Decodable {
        let id: ID
    }
}
