/// The two types of the MCP SDK that `InboundMessage` names, with the SDK's shapes, so the `jsonrpc` fuzz target
/// can compile the server's own JSON-RPC reader without building the SDK and its dependencies with the fuzzer.
public enum ID: Hashable, Sendable {
    case string(String)
    case number(Int)
}

/// The SDK's JSON-RPC errors that `InboundMessage` answers with.
public enum MCPError: Error, Sendable {
    case parseError(String?)
    case invalidRequest(String?)
    case invalidParams(String?)
}
