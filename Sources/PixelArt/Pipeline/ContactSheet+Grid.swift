import Foundation

extension ContactSheet {
    /// A batch's contact sheet from its sprites' PNG files, in order; a file that does not decode is left out.
    /// Large batches get smaller tiles, so the sheet stays a few megapixels at most.
    package static func numbered(pngs: [Data]) -> RGBAImage {
        let images = pngs.compactMap { try? PNGCodec.decode($0) }
        let cell = images.count <= 64 ? 64 : (images.count <= 256 ? 48 : 32)
        return grid(images, cell: cell)
    }

    /// A batch's sprites in a grid, each enlarged (whole multiples) into a `cell`-square tile over a checkerboard,
    /// numbered from 0 in its top-left corner, in input order.
    package static func grid(_ images: [RGBAImage], cell: Int = 64, columns: Int? = nil) -> RGBAImage {
        let gap = 4
        let cell = max(16, cell)
        let count = max(1, images.count)
        let columns = max(1, min(count, columns ?? Int(Double(count).squareRoot().rounded(.up))))
        let rows = (count + columns - 1) / columns
        var sheet = RGBAImage(
            width: columns * cell + (columns + 1) * gap,
            height: rows * cell + (rows + 1) * gap,
            fill: RGBA(48, 48, 56)
        )
        for (index, image) in images.enumerated() {
            let left = gap + (index % columns) * (cell + gap)
            let top = gap + (index / columns) * (cell + gap)
            paste(fitted(image, cell: cell), into: &sheet, left: left, top: top, cell: cell)
            drawNumber(index, into: &sheet, left: left + 1, top: top + 1)
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
