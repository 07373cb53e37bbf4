import Foundation
import Testing

@testable import PixelArt

@Suite("PNG validator")
struct PNGValidatorTests {
    /// A 16×16 sprite: transparent background, a 4-colour pico-8 body.
    private static let sprite: RGBAImage = {
        var image = RGBAImage(width: 16, height: 16)
        let colors = [RGBA(0, 0, 0), RGBA(255, 0, 77), RGBA(41, 173, 255), RGBA(255, 241, 232)]
        for y in 4..<12 { for x in 4..<12 { image[x, y] = colors[(x + y) % 4] } }
        return image
    }()

    private static func spriteData() throws -> Data { try PNGCodec.encode(sprite) }

    @Test("A clean sprite is valid, with its facts filled in and no issues")
    func cleanSprite() throws {
        let data = try Self.spriteData()
        let (report, image) = PNGValidator().validateAndDecode(data)
        #expect(report.valid)
        #expect(report.issues.isEmpty)
        #expect(report.width == 16 && report.height == 16)
        #expect(report.colorType == "indexed")
        #expect(report.bitDepth == 4)
        #expect(report.interlaced == false)
        #expect(report.fileSize == data.count)
        #expect(report.colorCount == 5)
        #expect(report.hasAlpha == true)
        #expect(report.binaryAlpha == true)
        #expect(image == Self.sprite)
    }

    @Test("Bytes that are not a PNG give not_png and nothing else")
    func notPNG() {
        let report = PNGValidator().validate(Data("<html>not found</html>".utf8))
        #expect(!report.valid)
        #expect(report.codes == ["not_png"])
        #expect(report.width == nil && report.colorCount == nil)
    }

    @Test("A file cut short gives truncated, but still reports the header's dimensions")
    func truncated() throws {
        let bytes = [UInt8](try PNGCodec.encode(RGBAImage(width: 40, height: 30, fill: RGBA(1, 2, 3))))
        let report = PNGValidator().validate(Data(bytes.prefix(bytes.count - 20)))
        #expect(!report.valid)
        #expect(report.codes == ["truncated"])
        #expect(report.width == 40 && report.height == 30)
        #expect(report.colorCount == nil)
    }

    @Test("One flipped byte in IDAT gives bad_crc and no decode")
    func flippedByte() throws {
        let data = try Self.spriteData()
        let idat = try #require(try PNGChunkReader.read(data).chunks.first { $0.type == "IDAT" })
        var bytes = [UInt8](data)
        bytes[idat.offset + 8 + idat.length / 2] ^= 0x10
        let (report, image) = PNGValidator().validateAndDecode(Data(bytes))
        #expect(report.codes == ["bad_crc"])
        #expect(report.issues[0].message.contains("IDAT"))
        #expect(image == nil)
    }

    @Test("A 100000×100000 IHDR gives too_large at once, without decoding")
    func decompressionBomb() {
        var file = PNGChunkReader.signature
        file += RawPNGWriter.chunk(
            "IHDR",
            RawPNGWriter.ihdr(width: 100_000, height: 100_000, bitDepth: 8, colorType: .rgba)
        )
        file += RawPNGWriter.chunk("IDAT", RawPNGWriter.zlibStored([UInt8](repeating: 0, count: 4096)))
        file += RawPNGWriter.chunk("IEND", [])
        let clock = ContinuousClock()
        var result: (report: ValidationReport, image: RGBAImage?)?
        let elapsed = clock.measure { result = PNGValidator().validateAndDecode(Data(file)) }
        #expect(elapsed < .seconds(1))
        #expect(result?.image == nil)
        #expect(result?.report.codes == ["too_large", "dimensions_out_of_range"])
        #expect(result?.report.colorCount == nil)
        #expect(result?.report.width == 100_000)
    }

    @Test("Zero width gives bad_ihdr")
    func zeroWidth() {
        var file = PNGChunkReader.signature
        file += RawPNGWriter.chunk("IHDR", RawPNGWriter.ihdr(width: 0, height: 8, bitDepth: 8, colorType: .rgba))
        file += RawPNGWriter.chunk("IEND", [])
        let report = PNGValidator().validate(Data(file))
        #expect(report.codes == ["bad_ihdr"])
        #expect(!report.valid)
    }

    @Test("A missing IEND is an error; bytes after IEND are a warning")
    func endOfFile() throws {
        let bytes = [UInt8](try Self.spriteData())
        #expect(PNGValidator().validate(Data(bytes.dropLast(12))).codes.first == "missing_iend")
        let trailing = PNGValidator().validate(Data(bytes + Array("junk".utf8)))
        #expect(trailing.codes == ["trailing_data"])
        #expect(trailing.valid)
    }

    @Test("Image data libpng cannot inflate gives decode_failed")
    func decodeFailed() {
        var file = PNGChunkReader.signature
        file += RawPNGWriter.chunk("IHDR", RawPNGWriter.ihdr(width: 4, height: 4, bitDepth: 8, colorType: .rgba))
        file += RawPNGWriter.chunk("IDAT", [0x78, 0x01, 0xFF, 0xFF, 0xFF])
        file += RawPNGWriter.chunk("IEND", [])
        let (report, image) = PNGValidator().validateAndDecode(Data(file))
        #expect(report.codes == ["decode_failed"])
        #expect(image == nil)
    }

    @Test("More colours than max_colors gives too_many_colors")
    func tooManyColors() throws {
        let data = try Self.spriteData()
        #expect(PNGValidator(limits: .init(maxColors: 4)).validate(data).codes == ["too_many_colors"])
        #expect(PNGValidator(limits: .init(maxColors: 5)).validate(data).valid)
    }

    @Test("Partial alpha is a warning by default and an error when binary alpha is required")
    func nonBinaryAlpha() throws {
        var image = Self.sprite
        image[0, 0] = RGBA(10, 10, 10, 100)
        let data = try PNGCodec.encode(image)
        let lenient = PNGValidator().validate(data)
        #expect(lenient.valid)
        #expect(lenient.issues == [ValidationIssue(.nonBinaryAlpha, .warning, lenient.issues[0].message)])
        #expect(lenient.binaryAlpha == false)
        let strict = PNGValidator(limits: .init(requireBinaryAlpha: true)).validate(data)
        #expect(!strict.valid)
        #expect(strict.issues.map(\.severity) == [.error])
    }

    @Test("A file over max_file_size gives file_too_large")
    func fileTooLarge() throws {
        let data = try Self.spriteData()
        let report = PNGValidator(limits: .init(maxFileSize: data.count - 1)).validate(data)
        #expect(report.codes == ["file_too_large"])
        #expect(PNGValidator(limits: .init(maxFileSize: data.count)).validate(data).valid)
    }

    @Test("Colours outside the required palette give not_in_palette, naming them; clear pixels are exempt")
    func palette() throws {
        let data = try Self.spriteData()
        let pico8 = try #require(Palette.named("pico-8"))
        #expect(PNGValidator(limits: .init(palette: pico8.colors)).validate(data).valid)
        let gameboy = try #require(Palette.named("gameboy"))
        let report = PNGValidator(limits: .init(palette: gameboy.colors)).validate(data)
        #expect(report.codes == ["not_in_palette"])
        #expect(report.issues[0].message.contains("#ff004d"))
        #expect(report.issues[0].message.hasPrefix("4 colours"))
    }

    @Test("Size rules: range, multiple-of (a warning) and power-of-two (off unless asked)")
    func dimensions() throws {
        let data = try PNGCodec.encode(RGBAImage(width: 24, height: 20, fill: RGBA(0, 0, 0)))
        #expect(PNGValidator().validate(data).issues.isEmpty)
        #expect(PNGValidator(limits: .init(maxSize: 20)).validate(data).codes == ["dimensions_out_of_range"])
        #expect(PNGValidator(limits: .init(minSize: 21)).validate(data).codes == ["dimensions_out_of_range"])
        let multiple = PNGValidator(limits: .init(multipleOf: 8)).validate(data)
        #expect(multiple.codes == ["not_multiple_of"])
        #expect(multiple.valid)
        #expect(PNGValidator(limits: .init(multipleOf: 4)).validate(data).issues.isEmpty)
        let power = PNGValidator(limits: .init(requirePowerOfTwo: true)).validate(data)
        #expect(power.codes == ["not_power_of_two"])
        #expect(!power.valid)
        let square = try PNGCodec.encode(RGBAImage(width: 32, height: 16))
        #expect(PNGValidator(limits: .init(requirePowerOfTwo: true)).validate(square).issues.isEmpty)
    }

    @Test("Severities can be overridden per code")
    func severityOverride() throws {
        let data = try PNGCodec.encode(RGBAImage(width: 24, height: 20, fill: RGBA(0, 0, 0)))
        let limits = PNGValidator.Limits(multipleOf: 16, severities: ["not_multiple_of": .error])
        let report = PNGValidator(limits: limits).validate(data)
        #expect(report.issues.map(\.severity) == [.error])
        #expect(!report.valid)
    }

    @Test("The naming rule checks the file name when one is given, with a configurable pattern and severity")
    func naming() throws {
        let data = try PNGCodec.encode(RGBAImage(width: 8, height: 8, fill: RGBA(0, 0, 0)))
        #expect(PNGValidator().validate(data, fileName: "assets/hero_idle-1.png").issues.isEmpty)
        #expect(PNGValidator().validate(data).issues.isEmpty)
        let bad = PNGValidator().validate(data, fileName: "Hero Idle.PNG")
        #expect(bad.codes == ["bad_name"])
        #expect(bad.valid)
        #expect(bad.issues[0].message.contains("Hero Idle.PNG"))
        let strict = PNGValidator(limits: .init(severities: ["bad_name": .error], namePattern: "[a-z]+\\.png"))
        #expect(!strict.validate(data, fileName: "hero_1.png").valid)
        #expect(strict.validate(data, fileName: "hero.png").valid)
        let broken = PNGValidator(limits: .init(namePattern: "[")).validate(data, fileName: "a.png")
        #expect(broken.codes == ["bad_name"] && !broken.valid)
    }
}
