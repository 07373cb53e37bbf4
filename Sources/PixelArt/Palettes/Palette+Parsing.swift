/// Reading palettes users bring: hex lists from a call, and `.hex` / GIMP `.gpl` files as lospec.com serves them.
extension Palette {
    /// The most colours a palette may hold: an indexed PNG's limit.
    package static let maxColors = 256

    /// A palette named "custom" from hex strings like `#1a2b3c`, `1a2b3c`, `#abc` or `#1a2b3c80`.
    package static func parse(hexList: [String]) throws(PixelArtError) -> Palette {
        var colors: [RGBA] = []
        for (index, entry) in hexList.enumerated() {
            let text = entry.trimmingWhitespace()
            guard let color = RGBA(hex: text) else {
                throw .invalidPalette(
                    "entry \(index) \"\(entry)\" is not a hex colour; write colours like #1a2b3c, #abc or #1a2b3c80"
                )
            }
            colors.append(color)
        }
        return try validated(Palette(name: "custom", colors: colors))
    }

    /// A palette from a `.hex` file (one colour per line) or a GIMP `.gpl` file, named after the file.
    ///
    /// The format is taken from the `GIMP Palette` header line, else from the file extension (`.hex` or `.txt`).
    package static func parse(fileContents: String, fileName: String) throws(PixelArtError) -> Palette {
        let lines = fileContents.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { String($0).trimmingWhitespace() }
        let baseName = baseName(of: fileName)
        if lines.first == "GIMP Palette" {
            return try parseGIMP(lines, fileName: fileName, defaultName: baseName)
        }
        let lowered = fileName.lowercased()
        guard lowered.hasSuffix(".hex") || lowered.hasSuffix(".txt") else {
            throw .invalidPalette(
                "\(fileName) is neither a GIMP palette (first line \"GIMP Palette\") nor a .hex file of one colour per line"
            )
        }
        var colors: [RGBA] = []
        for (number, line) in zip(1..., lines) where !line.isEmpty && !line.hasPrefix(";") && !line.hasPrefix("//") {
            guard let color = RGBA(hex: line) else {
                throw .invalidPalette("\(fileName) line \(number) \"\(line)\" is not a hex colour like ff0044")
            }
            colors.append(color)
        }
        return try validated(Palette(name: baseName, colors: colors))
    }

    /// GIMP palette: header, optional `Name:` / `Columns:` lines, `#` comments, then `R G B [label]` lines.
    private static func parseGIMP(
        _ lines: [String],
        fileName: String,
        defaultName: String
    ) throws(PixelArtError)
        -> Palette
    {
        var name = defaultName
        var colors: [RGBA] = []
        for (number, line) in zip(1..., lines).dropFirst() where !line.isEmpty && !line.hasPrefix("#") {
            if line.hasPrefix("Name:") {
                let value = line.dropFirst("Name:".count).description.trimmingWhitespace()
                if !value.isEmpty { name = value }
                continue
            }
            if line.hasPrefix("Columns:") { continue }
            let fields = line.split(whereSeparator: \.isWhitespace).prefix(3).compactMap { UInt8($0) }
            guard fields.count == 3 else {
                throw .invalidPalette(
                    "\(fileName) line \(number) \"\(line)\" is not three numbers 0–255 (red green blue)"
                )
            }
            colors.append(RGBA(fields[0], fields[1], fields[2]))
        }
        return try validated(Palette(name: name, colors: colors))
    }

    private static func validated(_ palette: Palette) throws(PixelArtError) -> Palette {
        guard !palette.colors.isEmpty else { throw .invalidPalette("it has no colours; give at least one") }
        guard palette.colors.count <= maxColors else { throw .paletteTooLarge(palette.colors.count) }
        return palette
    }

    private static func baseName(of fileName: String) -> String {
        let last = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
        return String(last[..<dot])
    }
}

extension String {
    /// The string without leading and trailing whitespace (including a Windows `\r`).
    fileprivate func trimmingWhitespace() -> String {
        let characters = drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        return String(characters)
    }
}
