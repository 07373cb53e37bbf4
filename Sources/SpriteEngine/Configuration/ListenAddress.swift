import Foundation

/// Where a server listens: `[HOST:]PORT`, as `serve --http` and `metrics.listen` take it.
package struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// A host name or IP address (IPv6 without brackets).
    package var host: String
    /// 0 asks the system for a free port (tests, benchmarks).
    package var port: Int

    package init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `8765` (on 127.0.0.1), `127.0.0.1:8765`, `0.0.0.0:8765`, `[::1]:8765`, `localhost:8765`; nil otherwise.
    package init?(parsing text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        let hostPart: Substring
        let portPart: Substring
        if let port = Int(text) {
            guard (0...65_535).contains(port) else { return nil }
            self.init(host: "127.0.0.1", port: port)
            return
        }
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                return nil
            }
            hostPart = text[text.index(after: text.startIndex)..<close]
            portPart = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") else { return nil }
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_:")
        guard !hostPart.isEmpty, hostPart.allSatisfy(allowed.contains),
            portPart.allSatisfy(\.isASCII), let port = Int(portPart), (0...65_535).contains(port)
        else { return nil }
        self.init(host: String(hostPart), port: port)
    }

    /// True for addresses only this machine can reach: `localhost`, 127.0.0.0/8 and `::1`.
    package var isLoopback: Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered == "::1" || lowered == "0:0:0:0:0:0:0:1" { return true }
        let octets = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// `host:port`, with IPv6 hosts in brackets.
    package var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
