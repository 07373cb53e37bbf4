import Foundation

/// Checks a PNG file against `Limits` and reports every problem as an issue; it never throws.
///
/// Checks run cheapest first, and nothing large is allocated before the IHDR's declared size passed the
/// decompression-bomb guard: signature → chunk walk and CRCs → IHDR → bomb guard → full decode →
/// dimension, colour, alpha, palette and file-size rules.
package struct PNGValidator: Sendable {
    package var limits: Limits

    package init(limits: Limits = .init()) {
        self.limits = limits
    }

    /// The report for `data`; with `fileName` (the last path component) the naming rule is checked too.
    package func validate(_ data: Data, fileName: String? = nil) -> ValidationReport {
        validateAndDecode(data, fileName: fileName).report
    }

    /// The report, plus the decoded image when decoding succeeded, so callers need not decode twice.
    package func validateAndDecode(
        _ data: Data,
        fileName: String? = nil
    ) -> (report: ValidationReport, image: RGBAImage?) {
        var issues = IssueList(severities: limits.severities)
        var report = ValidationReport(valid: false, fileSize: data.count, issues: [])
        let (header, structureIsSound) = checkStructure(data, into: &issues)
        var image: RGBAImage?
        if let header {
            report.width = header.width
            report.height = header.height
            report.bitDepth = header.bitDepth
            report.colorType = header.colorType.name
            report.interlaced = header.interlaced
            if header.pixelCount > limits.maxPixels {
                issues.add(
                    .tooLarge,
                    .error,
                    "The PNG declares \(header.width)×\(header.height) = \(header.pixelCount) pixels, over the limit "
                        + "of \(limits.maxPixels); it was not decoded. Use a smaller image or raise max_pixels."
                )
            } else if structureIsSound {
                image = decode(data, into: &issues)
            }
            checkDimensions(header, into: &issues)
        }
        if let image {
            report.colorCount = image.colorCount
            report.hasAlpha = image.hasAlpha
            report.binaryAlpha = image.hasBinaryAlpha
            checkColors(image, into: &issues)
        }
        if data.count > limits.maxFileSize {
            issues.add(
                .fileTooLarge,
                .error,
                "The file is \(data.count) bytes, over the limit of \(limits.maxFileSize): "
                    + "use fewer colours or smaller dimensions so it compresses better."
            )
        }
        if let fileName { checkName(fileName, into: &issues) }
        report.issues = issues.items
        report.valid = !issues.items.contains { $0.severity == .error }
        return (report, image)
    }

    /// Signature, chunk walk with CRCs and IHDR; returns the header when readable and whether the walk was clean.
    private func checkStructure(_ data: Data, into issues: inout IssueList) -> (PNGHeader?, Bool) {
        switch Result(catching: { () throws(PixelArtError) in try PNGChunkReader.read(data) }) {
        case .success(let structure):
            if !structure.hasEnd {
                issues.add(
                    .missingIEND,
                    .error,
                    "The PNG has no IEND chunk, so the file was cut short or badly written: regenerate it."
                )
            } else if structure.trailingByteCount > 0 {
                issues.add(
                    .trailingData,
                    .warning,
                    "\(structure.trailingByteCount) bytes follow the IEND chunk; they are ignored by viewers "
                        + "but may hide other data: re-encode the image to drop them."
                )
            }
            return (structure.header, true)
        case .failure(let error):
            switch error {
            case .notPNG:
                issues.add(.notPNG, .error, error.description)
                return (nil, false)
            case .invalidHeader:
                issues.add(.badIHDR, .error, error.description)
                return (nil, false)
            case .badCRC:
                issues.add(.badCRC, .error, error.description)
            case .truncated:
                issues.add(.truncated, .error, error.description)
            default:
                issues.add(.decodeFailed, .error, error.description)
            }
            // The walk failed after the signature; the header may still be readable for the size rules.
            let header = try? PNGChunkReader.readHeader(data)
            return (header, false)
        }
    }

    private func decode(_ data: Data, into issues: inout IssueList) -> RGBAImage? {
        switch Result(catching: { () throws(PixelArtError) in try PNGCodec.decode(data, maxPixels: limits.maxPixels) })
        {
        case .success(let image):
            return image
        case .failure(let error):
            issues.add(.decodeFailed, .error, error.description)
            return nil
        }
    }
}
