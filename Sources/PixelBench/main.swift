import Foundation
import PixelArt

// `PixelBench [--pillow SCRIPT] [--runs N]`: the pixel-art pipeline timings `make bench` reports.
// `PixelBench --save-source FILE [--noise N]` writes the 1024×1024 source PNG, to inspect or time it elsewhere.
// `PixelBench --comfyui --bin PATH [--workflows DIR] [--runs N]`: the server in front of ComfyUI stand-ins.
// `PixelBench --decode FILE... [--runs N]`: PNGCodec.decode against libpng alone on each file.
// `PixelBench --only NAME [--runs N] [--noise N]` runs one pipeline (plain, kcentroid, flood, grid, advanced) N
// times on the bench source and prints its median and the output's SHA-256: a steady loop to point `perf record`
// at, and a check that a faster step still gives the same bytes. `--noise N` (default 4) moves each source pixel's
// RGB by up to ±N: 30 makes most cells mixed, as in diffusion output.
// `PixelBench --rss FILE` decodes and processes one file and prints its peak RSS (a child run, so the
// figure is not inflated by the timing runs).

/// Writes a report line to stdout (a bench tool, not the server: stdout is free here).
func write(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

let arguments = CommandLine.arguments
func value(after flag: String) -> String? {
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

do {
    if arguments.contains("--comfyui"), let binary = value(after: "--bin") {
        try await ComfyUIBench(
            binary: binary,
            workflows: value(after: "--workflows") ?? FileManager.default.currentDirectoryPath + "/workflows",
            latencyRuns: Int(value(after: "--runs") ?? "") ?? 40,
            overQueue: Int(value(after: "--over-queue") ?? "") ?? 1
        ).run()
        exit(0)
    }
    if let file = value(after: "--save-source") {
        let noise = Int(value(after: "--noise") ?? "") ?? 4
        try PNGCodec.encode(BenchSource.image(scale: 16, noise: noise)).write(to: URL(fileURLWithPath: file))
        exit(0)
    }
    if let index = arguments.firstIndex(of: "--decode") {
        let files = arguments[(index + 1)...].prefix { !$0.hasPrefix("--") }
        try DecodeBench(files: Array(files), runs: Int(value(after: "--runs") ?? "") ?? 21).run()
        exit(0)
    }
    if let name = value(after: "--only") {
        guard let options = BenchPipelines.named.first(where: { $0.name == name })?.options else {
            throw BenchError.usage(
                "no pipeline named \(name); one of " + BenchPipelines.named.map(\.name).joined(separator: ", ")
            )
        }
        let noise = Int(value(after: "--noise") ?? "") ?? 4
        let data = try PNGCodec.encode(BenchSource.image(scale: 16, noise: noise))
        let pipeline = PixelPipeline(options: options)
        let runs = Int(value(after: "--runs") ?? "") ?? 200
        let median = try Stopwatch.interleavedMedians(runs: runs, [{ _ = try pipeline.run(data) }])[0]
        let digest = try SHA256.digest(pipeline.run(data)).map { String(format: "%02x", $0) }.joined()
        write("\(name): \(String(format: "%.3f", median)) ms median of \(runs) runs, output SHA-256 \(digest)")
        exit(0)
    }
    if let file = value(after: "--rss") {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        _ = try PixelPipeline(options: BenchPipelines.plain).run(data)
        write("\(Stopwatch.peakRSS)")
        exit(0)
    }
    try BenchReport(runs: Int(value(after: "--runs") ?? "") ?? 15, pillowScript: value(after: "--pillow")).run()
} catch {
    FileHandle.standardError.write(Data("PixelBench: \(error)\n".utf8))
    exit(1)
}
