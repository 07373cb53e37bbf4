/// A read position in text, with the line number for error messages: what the RON and TOML readers share.
struct ScalarCursor {
    /// The deepest nesting the readers accept: far beyond any real Cargo.toml or RON file, and far short of what
    /// would overflow a thread's stack.
    static let maxDepth = 128

    /// Why text could not be read, with the line it happened on.
    struct Failure: Error, Equatable {
        var line: Int
        var reason: String
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// The scalar `offset` places ahead, or nil past the end.
    func peek(offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < scalars.count {
            if scalars[index] == "\n" { line += 1 }
            index += 1
        }
    }

    /// Steps over `scalar` when it is next.
    mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        advance()
        return true
    }

    func fail(_ reason: String) -> Failure { Failure(line: line, reason: reason) }

    /// The failure for text nested deeper than `maxDepth`.
    func tooDeep() -> Failure { fail("nested deeper than \(Self.maxDepth) levels") }
}
