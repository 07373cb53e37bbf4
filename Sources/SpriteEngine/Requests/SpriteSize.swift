/// A sprite's target size in pixels: a square edge `N` or `WxH`.
package struct SpriteSize: Hashable, Sendable, Codable, CustomStringConvertible {
    package var width: Int
    package var height: Int

    package init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    package init(square edge: Int) {
        self.init(width: edge, height: edge)
    }

    package var description: String { width == height ? "\(width)" : "\(width)x\(height)" }

    /// Parses `"32"` or `"32x48"` (also `X`, `×`), checking each edge against `range`.
    ///
    /// - Parameters:
    ///   - text: The size as given.
    ///   - field: The argument or key name used in the error message.
    ///   - range: The allowed edge lengths.
    /// - Returns: The size.
    /// - Throws: `SpriteEngineError.invalidArgument` naming `field`.
    package static func parse(
        _ text: String,
        field: String,
        range: ClosedRange<Int>
    ) throws(SpriteEngineError) -> SpriteSize {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = trimmed.split(separator: "x", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "×", omittingEmptySubsequences: false) }
        let expectation = "expected an edge N or WxH with each edge from \(range.lowerBound) to \(range.upperBound)"
        guard (1...2).contains(parts.count), let width = Int(parts[0]), let height = Int(parts.last ?? "") else {
            throw .invalidArgument(field: field, message: "\(expectation), got '\(text)'")
        }
        return try checked(SpriteSize(width: width, height: height), field: field, range: range)
    }

    /// Checks both edges against `range`.
    package static func checked(
        _ size: SpriteSize,
        field: String,
        range: ClosedRange<Int>
    ) throws(SpriteEngineError) -> SpriteSize {
        guard range.contains(size.width), range.contains(size.height) else {
            throw .invalidArgument(
                field: field,
                message: "each edge must be from \(range.lowerBound) to \(range.upperBound) pixels, got \(size)"
            )
        }
        return size
    }
}
