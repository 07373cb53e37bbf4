import Foundation

extension ContactSheet {
    /// One sprite of a job's contact sheet: a still, or an animation sheet of `columns` × `rows` frames.
    package struct Entry: Sendable {
        package var png: Data
        package var columns: Int
        package var rows: Int

        package init(png: Data, columns: Int = 1, rows: Int = 1) {
            self.png = png
            self.columns = max(1, columns)
            self.rows = max(1, rows)
        }
    }

    /// A job's contact sheet.
    ///
    /// The stills come in a numbered grid, then each animation as rows of its frames (one row per direction),
    /// numbered with its place in the job. A file that does not decode is left out.
    package static func numbered(_ entries: [Entry]) -> RGBAImage {
        var stills: [(number: Int, image: RGBAImage)] = []
        var strips: [(number: Int, frames: [RGBAImage])] = []
        for (number, entry) in entries.enumerated() {
            guard let image = try? PNGCodec.decode(entry.png) else { continue }
            guard entry.columns > 1 || entry.rows > 1 else {
                stills.append((number, image))
                continue
            }
            let (width, height) = (image.width / entry.columns, image.height / entry.rows)
            guard width > 0, height > 0 else { continue }
            for row in 0..<entry.rows {
                let frames = (0..<entry.columns).map { column in
                    image.cropped(x: column * width, y: row * height, width: width, height: height)
                }
                strips.append((number, frames))
            }
        }
        let count = stills.count + strips.reduce(0) { $0 + $1.frames.count }
        let cell = count <= 64 ? 64 : (count <= 256 ? 48 : 32)
        let gap = 4
        let gridColumns = max(1, min(stills.count, Int(Double(stills.count).squareRoot().rounded(.up))))
        let gridRows = stills.isEmpty ? 0 : (stills.count + gridColumns - 1) / gridColumns
        let columns = max(stills.isEmpty ? 1 : gridColumns, strips.map(\.frames.count).max() ?? 1)
        let rows = max(1, gridRows + strips.count)
        var sheet = RGBAImage(
            width: columns * cell + (columns + 1) * gap,
            height: rows * cell + (rows + 1) * gap,
            fill: RGBA(48, 48, 56)
        )
        for (index, still) in stills.enumerated() {
            let left = gap + (index % gridColumns) * (cell + gap)
            let top = gap + (index / gridColumns) * (cell + gap)
            paste(fitted(still.image, cell: cell), into: &sheet, left: left, top: top, cell: cell)
            drawNumber(still.number, into: &sheet, left: left + 1, top: top + 1)
        }
        for (offset, strip) in strips.enumerated() {
            let top = gap + (gridRows + offset) * (cell + gap)
            for (column, frame) in strip.frames.enumerated() {
                let left = gap + column * (cell + gap)
                paste(fitted(frame, cell: cell), into: &sheet, left: left, top: top, cell: cell)
            }
            drawNumber(strip.number, into: &sheet, left: gap + 1, top: top + 1)
        }
        return sheet
    }

    /// 3×5 digits, one row of bits per line (most significant bit on the left).
    private static let digits: [[UInt8]] = [
        [7, 5, 5, 5, 7], [2, 6, 2, 2, 7], [7, 1, 7, 4, 7], [7, 1, 7, 1, 7], [5, 5, 7, 1, 1],
        [7, 4, 7, 1, 7], [7, 4, 7, 5, 7], [7, 1, 1, 1, 1], [7, 5, 7, 5, 7], [7, 5, 7, 1, 7],
    ]

    /// Writes `number` in white 3×5 digits on a dark box, so it reads on any sprite.
    private static func drawNumber(_ number: Int, into sheet: inout RGBAImage, left: Int, top: Int) {
        let text = Array(String(number))
        let width = text.count * 4 + 1
        for y in 0..<7 {
            for x in 0..<width where sheet.contains(x: left + x, y: top + y) {
                sheet[left + x, top + y] = RGBA(20, 20, 24)
            }
        }
        for (position, character) in text.enumerated() {
            guard let value = character.wholeNumberValue else { continue }
            for (row, bits) in digits[value].enumerated() {
                for column in 0..<3 where bits & (4 >> column) != 0 {
                    let x = left + 1 + position * 4 + column
                    let y = top + 1 + row
                    if sheet.contains(x: x, y: y) { sheet[x, y] = RGBA(255, 255, 255) }
                }
            }
        }
    }
}
