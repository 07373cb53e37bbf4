import Foundation
import PixelArt

/// Runs every measurement and writes the side-by-side report to stdout.
struct BenchReport {
    var runs: Int
    var pillowScript: String?

    func run() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pixelbench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("source-1024.png")
        let data = try PNGCodec.encode(BenchSource.image(scale: 16))
        try data.write(to: source)

        let pipelines = BenchPipelines.named.map { PixelPipeline(options: $0.options) }
        let bodies: [() throws -> Void] =
            [{ _ = try PNGCodec.decode(data) }]
            + pipelines.map { pipeline in
                { _ = try pipeline.run(data) }
            }
        let times = try Stopwatch.interleavedMedians(runs: runs, bodies)
        let (decode, plain, kCentroid, floodFill, grid, advanced) = (
            times[0], times[1], times[2], times[3], times[4], times[5]
        )
        let check = try PNGCodec.decode(PixelPipeline(options: BenchPipelines.advanced).run(data))

        write("PixelArt pipeline, 1024×1024 RGBA → 64×64 16-colour indexed PNG (median of \(runs) interleaved runs)")
        write(row("decode only", decode, reference: decode, label: "× decode"))
        write(row("plain pipeline (nearest)", plain, reference: decode, label: "× decode (target ≤ 1.30)"))
        write(row("+ k-centroid cells", kCentroid, reference: plain, label: "× plain (target ≤ 2)"))
        write(row("+ flood-fill background", floodFill, reference: plain, label: "× plain (target ≤ 2)"))
        write(row("+ grid detection (auto size)", grid, reference: plain, label: "× plain (target ≤ 2)"))
        write(row("flood fill + grid + k-centroid", advanced, reference: plain, label: "× plain (all three)"))
        write("  grid detection found \(check.width)×\(check.height) (expected 64×64)")
        if let pillowScript { try comparePillow(pillowScript, source: source, plain: plain) }
        try measureRSS(directory: directory)
    }

    private func row(_ name: String, _ ms: Double, reference: Double, label: String) -> String {
        let padded = name.padding(toLength: 30, withPad: " ", startingAt: 0)
        return "  \(padded) \(String(format: "%8.2f ms  %5.2f", ms, ms / reference)) \(label)"
    }

    /// Runs the Pillow script on the same file; it prints `decode_ms pipeline_ms`.
    private func comparePillow(_ script: String, source: URL, plain: Double) throws {
        let (status, output) = try runChild("/usr/bin/env", ["python3", script, source.path, String(runs)])
        let fields = output.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        guard status == 0, fields.count == 2 else {
            write("  Pillow: not measured (\(output.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        write(row("Pillow decode only", fields[0], reference: fields[0], label: "× Pillow decode"))
        write(row("Pillow pipeline", fields[1], reference: fields[0], label: "× Pillow decode"))
        write("  ours / Pillow pipeline: \(String(format: "%.2f", plain / fields[1])) (target < 1)")
    }

    /// Peak RSS of a child that decodes and processes a 4096×4096 source, against 4× its raw RGBA size.
    private func measureRSS(directory: URL) throws {
        let large = directory.appendingPathComponent("source-4096.png")
        try PNGCodec.encode(BenchSource.image(scale: 64), fast: true).write(to: large)
        let (status, output) = try runChild(CommandLine.arguments[0], ["--rss", large.path])
        let raw = 4096 * 4096 * 4
        guard status == 0, let rss = Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            write("  peak RSS: not measured")
            return
        }
        let mib = { (bytes: Int) in String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
        write(
            "  peak RSS, 4096×4096 input: \(mib(rss)) = \(String(format: "%.2f", Double(rss) / Double(raw)))× raw "
                + "\(mib(raw)) (target ≤ 4×)"
        )
    }

    private func runChild(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
