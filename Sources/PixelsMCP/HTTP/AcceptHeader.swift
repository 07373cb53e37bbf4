/// An HTTP `Accept` header (RFC 9110 §12.5.1), read for the two media types MCP answers in.
///
/// The SDK's `AcceptHeaderValidator` matches by string prefix: it takes neither wildcards (`*/*`,
/// `application/*`) nor `q=0` (a type the client refuses) into account, so this reads the header itself.
struct AcceptHeader: Sendable, Equatable {
    /// One media range with its quality.
    struct Range: Sendable, Equatable {
        var type: String
        var subtype: String
        var quality: Double
    }

    let ranges: [Range]

    /// `nil` (no header) accepts everything, as RFC 9110 says.
    init(_ header: String?) {
        guard let header, !header.trimmingWhitespace.isEmpty else {
            ranges = [Range(type: "*", subtype: "*", quality: 1)]
            return
        }
        ranges = header.split(separator: ",").compactMap { element in
            let parts = element.split(separator: ";").map { String($0).trimmingWhitespace }
            guard let mediaRange = parts.first, let slash = mediaRange.firstIndex(of: "/") else { return nil }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace }
                if pair.count == 2, pair[0].lowercased() == "q", let value = Double(pair[1]) {
                    quality = min(max(value, 0), 1)
                }
            }
            return Range(
                type: mediaRange[..<slash].lowercased(),
                subtype: mediaRange[mediaRange.index(after: slash)...].lowercased(),
                quality: quality
            )
        }
    }

    /// Whether the client takes `mediaType` (`type/subtype`): the most specific range that matches decides, and
    /// `q=0` means "not this".
    func allows(_ mediaType: String) -> Bool {
        let parts = mediaType.lowercased().split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return false }
        let exact = ranges.filter { $0.type == parts[0] && $0.subtype == parts[1] }
        let typeWide = ranges.filter { $0.type == parts[0] && $0.subtype == "*" }
        let any = ranges.filter { $0.type == "*" && $0.subtype == "*" }
        guard let deciding = [exact, typeWide, any].first(where: { !$0.isEmpty }) else { return false }
        return deciding.contains { $0.quality > 0 }
    }

    /// `text/event-stream`: the client can read an SSE stream.
    var allowsEventStream: Bool { allows("text/event-stream") }
    /// `application/json`: the client can read one JSON object.
    var allowsJSON: Bool { allows("application/json") }
}

extension String {
    /// The string without leading and trailing spaces and tabs (HTTP's optional whitespace).
    var trimmingWhitespace: String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" { view.removeLast() }
        return String(view)
    }
}
