/// The size, colour, alpha and palette rules, applied after the structure checks.
extension PNGValidator {
    func checkDimensions(_ header: PNGHeader, into issues: inout IssueList) {
        let (width, height) = (header.width, header.height)
        if width < limits.minSize || height < limits.minSize || width > limits.maxSize || height > limits.maxSize {
            issues.add(
                .dimensionsOutOfRange,
                .error,
                "The image is \(width)×\(height); width and height must be between \(limits.minSize) and "
                    + "\(limits.maxSize): resize it."
            )
        }
        if let multiple = limits.multipleOf, multiple > 0, width % multiple != 0 || height % multiple != 0 {
            issues.add(
                .notMultipleOf,
                .warning,
                "The image is \(width)×\(height), not a multiple of \(multiple) on both sides: "
                    + "pad or resize it so it tiles on a \(multiple)-pixel grid."
            )
        }
        if limits.requirePowerOfTwo, !Self.isPowerOfTwo(width) || !Self.isPowerOfTwo(height) {
            issues.add(
                .notPowerOfTwo,
                .error,
                "The image is \(width)×\(height); both sides must be powers of two (16, 32, 64, …): pad it."
            )
        }
    }

    func checkColors(_ image: RGBAImage, into issues: inout IssueList) {
        let colorCount = image.colorCount
        if let maxColors = limits.maxColors, colorCount > maxColors {
            issues.add(
                .tooManyColors,
                .error,
                "The image has \(colorCount) distinct colours, over the limit of \(maxColors): "
                    + "quantize it to a palette of at most \(maxColors) colours."
            )
        }
        if !image.hasBinaryAlpha {
            let partial = stride(from: 3, to: image.pixels.count, by: 4).count {
                image.pixels[$0] != 0 && image.pixels[$0] != 255
            }
            issues.add(
                .nonBinaryAlpha,
                limits.requireBinaryAlpha ? .error : .warning,
                "\(partial) pixels are partly transparent; sprites usually want alpha 0 or 255 only: "
                    + "threshold the alpha (for example at 128)."
            )
        }
        if let colors = limits.palette {
            let palette = Palette(name: "required", colors: colors)
            let outside = image.distinctColors.filter { $0.a > 0 && !palette.containsRGB(of: $0) }
                .map { RGBA($0.r, $0.g, $0.b) }
            let distinct = Set(outside).map(\.hex).sorted()
            if !distinct.isEmpty {
                let shown = distinct.prefix(5).joined(separator: ", ")
                let more = distinct.count > 5 ? " and \(distinct.count - 5) more" : ""
                issues.add(
                    .notInPalette,
                    .error,
                    "\(distinct.count) colours are not in the palette (\(shown)\(more)): quantize the image to it."
                )
            }
        }
    }

    /// The naming rule: the whole name must match `limits.namePattern` (a warning by default).
    func checkName(_ fileName: String, into issues: inout IssueList) {
        let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let pattern = try? Regex(limits.namePattern) else {
            issues.add(
                .badName,
                .error,
                "The name pattern \"\(limits.namePattern)\" is not a valid regular expression: fix name_pattern."
            )
            return
        }
        guard (try? pattern.wholeMatch(in: name)) == nil else { return }
        issues.add(
            .badName,
            .warning,
            "The file name \"\(name)\" does not match \(limits.namePattern): rename it (for example "
                + "lowercase snake_case ending in .png) so asset paths stay portable."
        )
    }

    private static func isPowerOfTwo(_ value: Int) -> Bool {
        value > 0 && value & (value - 1) == 0
    }
}
