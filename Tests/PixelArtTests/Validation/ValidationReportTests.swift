import Foundation
import Testing

@testable import PixelArt

@Suite("Validation report JSON")
struct ValidationReportTests {
    @Test("Encodes with snake_case keys, explicit nulls and lowercase severities")
    func json() throws {
        let report = ValidationReport(
            valid: false,
            fileSize: 12,
            issues: [ValidationIssue(.notPNG, .error, "not a png"), ValidationIssue(.trailingData, .warning, "x")]
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(report), as: UTF8.self)
        #expect(
            text
                == #"{"binary_alpha":null,"bit_depth":null,"color_count":null,"color_type":null,"file_size":12,"#
                + #""has_alpha":null,"height":null,"interlaced":null,"issues":[{"code":"not_png","message":"not a png","#
                + #""severity":"error"},{"code":"trailing_data","message":"x","severity":"warning"}],"valid":false,"#
                + #""width":null}"#
        )
        #expect(try JSONDecoder().decode(ValidationReport.self, from: encoder.encode(report)) == report)
    }

    @Test("A full report round-trips through JSON")
    func roundTrip() throws {
        let data = try PNGCodec.encode(RGBAImage(width: 3, height: 3, fill: RGBA(9, 9, 9, 128)))
        let report = PNGValidator().validate(data)
        #expect(try JSONDecoder().decode(ValidationReport.self, from: JSONEncoder().encode(report)) == report)
    }

    @Test("Limits decode from partial snake_case JSON, defaulting the rest")
    func limitsDecode() throws {
        let json = #"{"max_colors": 16, "multiple_of": 8, "severities": {"non_binary_alpha": "error"}}"#
        let limits = try JSONDecoder().decode(PNGValidator.Limits.self, from: Data(json.utf8))
        #expect(limits.maxColors == 16)
        #expect(limits.multipleOf == 8)
        #expect(limits.severities == ["non_binary_alpha": .error])
        #expect(limits.maxPixels == 16_777_216 && limits.maxSize == 4096 && limits.maxFileSize == 10_485_760)
        #expect(try JSONDecoder().decode(PNGValidator.Limits.self, from: JSONEncoder().encode(limits)) == limits)
    }

    @Test("Issue codes are the stable wire names")
    func codes() {
        #expect(
            ValidationIssue.Code.allCases.map(\.rawValue) == [
                "not_png", "truncated", "bad_crc", "bad_ihdr", "missing_iend", "trailing_data", "too_large",
                "decode_failed", "dimensions_out_of_range", "not_multiple_of", "not_power_of_two", "too_many_colors",
                "non_binary_alpha", "file_too_large", "not_in_palette", "bad_name",
            ]
        )
    }
}
