import Foundation
import PixelArt

/// `PixelBench --decode FILE...`: `PNGCodec.decode` (fast path where it applies) against libpng alone, per file,
/// so kinds the pipeline bench does not cover (RGB and RGBA as ComfyUI and Pillow write them) can be timed.
struct DecodeBench {
    var files: [String]
    var runs: Int

    func run() throws {
        write("PNG decode, PNGCodec.decode against libpng's simplified API alone (median of \(runs) interleaved runs)")
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let structure = try PNGChunkReader.read(data)
            let times = try Stopwatch.interleavedMedians(
                runs: runs,
                [{ _ = try PNGCodec.decode(data) }, { _ = try PNGCodec.decodeWithLibPNG(data) }]
            )
            let header = structure.header
            let kind = "\(header.width)×\(header.height) \(header.colorType.name) \(header.bitDepth)-bit"
            write(
                "  \(URL(fileURLWithPath: file).lastPathComponent) (\(kind), \(data.count) bytes): "
                    + String(format: "decode %.2f ms, libpng %.2f ms, %.2f×", times[0], times[1], times[0] / times[1])
            )
        }
    }
}
