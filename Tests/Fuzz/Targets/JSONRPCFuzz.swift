import Foundation
import MCP

/// libFuzzer target `jsonrpc`: any bytes as one line from an MCP client, through `InboundMessage.read` (and so
/// `JSONScanner`), the first thing every message meets.
///
/// Invariants: reading never crashes, however deep; a message the scanner accepts is JSON Foundation accepts too; an
/// accepted request's method and params are the ones Foundation reads, and its params re-encode on their own.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: start, count: size)
    let limits = InboundMessage.Limits(maxBytes: 1 << 20, maxDepth: 64)
    let isJSON = data.withUnsafeBytes { bytes in (try? JSONScanner.scan(bytes, maxDepth: limits.maxDepth)) != nil }
    if isJSON, (try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) == nil {
        fatalError("the scanner accepted what Foundation refuses: \(String(decoding: data, as: UTF8.self))")
    }
    guard case .success(let message) = InboundMessage.read(data, limits: limits) else { return 0 }
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        fatalError("an accepted message is not a JSON object")
    }
    switch message.kind {
    case .request(_, let method), .notification(let method):
        guard object["method"] as? String == method else { fatalError("the method is not Foundation's") }
        let params = message.params
        let scanned = params.withUnsafeBytes { bytes in try? JSONScanner.scan(bytes, maxDepth: limits.maxDepth) }
        guard scanned != nil, let reread = try? JSONSerialization.jsonObject(with: params, options: .fragmentsAllowed)
        else { fatalError("the params do not read on their own") }
        if let expected = object["params"] {
            guard NSDictionary(dictionary: ["p": expected]).isEqual(to: ["p": reread]) else {
                fatalError("the params read differently on their own")
            }
        }
    case .response:
        guard object["result"] != nil || object["error"] != nil else { fatalError("a response without a result") }
    }
    return 0
}
