import ComfyUIStandIn
import Foundation
import TestSupport

/// `PixelBench --comfyui --bin dgx-pixels`: the server in front of ComfyUI stand-ins, in one run.
///
/// (a) latency from the stand-in's `execution_success` to the tool result read on stdout, 1024×1024 painted;
/// (b) 64 items on two stand-ins at 200 ms per image, 1 slot each, against the ideal 64 × 0.2 / 2 s;
/// (c) 1000 items on two stand-ins at 50 ms per image, against 1000 × 0.05 / 2 s, with the server's peak RSS;
/// (d) a cache-hit `generate_sprite` round trip.
struct ComfyUIBench {
    let binary: String
    let workflows: String
    let latencyRuns: Int
    /// `comfyui.over_queue` for the batch runs (the server's default is 1).
    let overQueue: Int

    func run() async throws {
        write("ComfyUI path against in-process stand-ins (\(binary))")
        try await latencyAndCache()
        try await batch(items: 64, stepDelay: .milliseconds(50), steps: 4, perImage: 0.2, label: "(b)")
        try await batch(items: 1000, stepDelay: .milliseconds(50), steps: 1, perImage: 0.05, label: "(c)")
    }

    private func latencyAndCache() async throws {
        let standIn = try await ComfyUIStandIn.start(.init(defaultBehaviour: Behaviour(steps: 1, stepDelay: .zero)))
        defer { Task { await standIn.shutdown() } }
        let session = try startServer(backends: [standIn], extra: "")
        try session.initializeBlocking()
        var totals: [Double] = []
        var before: [Double] = []
        var postprocess: [Double] = []
        for index in 0..<(latencyRuns + 3) {
            let (result, readAt) = try session.callBlocking(
                "generate_sprite",
                ["prompt": "knight \(index)", "seed": index, "size": 64, "workflow": "sdxl-pixel-art"]
            )
            let sprite = (result["structuredContent"] as? [String: Any])?["sprite"] as? [String: Any]
            guard let promptID = sprite?["prompt_id"] as? String, let success = standIn.successInstant(of: promptID)
            else { throw BenchError.server("no prompt id or success time in \(result)") }
            guard index >= 3 else { continue }
            let total = Self.milliseconds(readAt - success)
            let post = ((sprite?["timings"] as? [String: Any])?["postprocess_ms"] as? Double) ?? 0
            totals.append(total)
            postprocess.append(post)
            before.append(total - post)
        }
        write("  (a) execution_success → tool result read, 1024×1024 painted, \(latencyRuns) calls")
        write(
            "      total            p50 \(Self.format(Self.percentile(totals, 50))) ms   p99 \(Self.format(Self.percentile(totals, 99))) ms"
        )
        write(
            "      post-processing  p50 \(Self.format(Self.percentile(postprocess, 50))) ms (decode 1024² + pixel-art pipeline)"
        )
        let p50 = Self.percentile(before, 50)
        write(
            "      before post-proc p50 \(Self.format(p50)) ms   p99 \(Self.format(Self.percentile(before, 99))) ms   target ≤ 20 ms: \(p50 <= 20 ? "met" : "not met")"
        )

        var hits: [Double] = []
        for _ in 0..<200 {
            let start = ContinuousClock.now
            let (result, readAt) = try session.callBlocking(
                "generate_sprite",
                ["prompt": "knight 5", "seed": 5, "size": 64, "workflow": "sdxl-pixel-art"]
            )
            let sprite = (result["structuredContent"] as? [String: Any])?["sprite"] as? [String: Any]
            guard sprite?["cached"] as? Bool == true else { throw BenchError.server("expected a cache hit: \(result)") }
            hits.append(Self.milliseconds(readAt - start))
        }
        let hit = Self.percentile(hits, 50)
        write(
            "  (d) cache-hit generate_sprite round trip over stdio: p50 \(Self.format(hit)) ms   p99 \(Self.format(Self.percentile(hits, 99))) ms   target p50 ≤ 2 ms: \(hit <= 2 ? "met" : "not met")"
        )
        session.closeBlocking()
    }

    private func batch(
        items: Int,
        stepDelay: Duration,
        steps: Int,
        perImage: Double,
        label: String
    ) async throws {
        let behaviour = Behaviour(steps: steps, stepDelay: stepDelay)
        let first = try await ComfyUIStandIn.start(.init(defaultBehaviour: behaviour))
        let second = try await ComfyUIStandIn.start(.init(defaultBehaviour: behaviour))
        defer {
            Task {
                await first.shutdown()
                await second.shutdown()
            }
        }
        let session = try startServer(
            backends: [first, second],
            extra: "generation:\n  concurrency: 16\nlimits:\n  max_batch: \(max(items, 100))\n"
        )
        try session.initializeBlocking()
        let prompts = (0..<items).map { "barrel \($0)" }
        let start = ContinuousClock.now
        let (result, readAt) = try session.callBlocking(
            "generate_batch",
            [
                "prompts": prompts, "size": 16, "workflow": "sd15-pixel-art", "generation_size": 64,
                "wait_seconds": 3600, "seed": 1,
            ],
            progressToken: "batch"
        )
        let lastProgress = session.lastProgress
        let wall = Self.milliseconds(readAt - start) / 1000
        let job = (result["structuredContent"] as? [String: Any])?["job"] as? [String: Any]
        let succeeded = job?["succeeded"] as? Int ?? 0
        let ideal = Double(items) * perImage / 2
        let efficiency = ideal / wall
        let rss = session.peakRSS
        let cpu = session.cpuSeconds
        session.closeBlocking()
        write(
            "  \(label) batch of \(items), two stand-ins at \(Int(perImage * 1000)) ms per image, "
                + "1 slot + \(overQueue) over-queue each"
        )
        write(
            "      \(succeeded)/\(items) made; split \(first.submittedPrompts.count) / \(second.submittedPrompts.count)"
        )
        write(
            "      wall \(Self.format(wall)) s, ideal \(Self.format(ideal)) s → efficiency \(String(format: "%.3f", efficiency))   target ≥ 0.97: \(efficiency >= 0.97 ? "met" : "not met")"
        )
        for (name, standIn) in [("first", first), ("second", second)] {
            write("      \(name) stand-in: " + Self.describe(standIn.timeline, perImage: perImage, wall: wall))
            let times = standIn.timeline
            if let firstStart = times.compactMap(\.started).min(), let lastEnd = times.compactMap(\.ended).max() {
                write(
                    "        call sent → first prompt started \(Self.format(Self.milliseconds(firstStart - start))) ms, "
                        + "last prompt ended → result read \(Self.format(Self.milliseconds(readAt - lastEnd))) ms"
                        + (lastProgress.map {
                            " (of which last progress → result read \(Self.format(Self.milliseconds(readAt - $0))) ms)"
                        } ?? "")
                )
            }
        }
        write(
            "      server CPU \(Self.format(cpu)) s = \(Self.format(cpu * 1000 / Double(items))) ms per item "
                + "(2 cores shared with the stand-ins)"
        )
        write(
            "      server peak RSS \(Self.format(rss)) MiB"
                + (items >= 1000 ? "   target ≤ 64 MiB: \(rss <= 64 ? "met" : "not met")" : "")
        )
        if succeeded != items { throw BenchError.server("only \(succeeded) of \(items) items succeeded") }
    }

    /// Where one backend's time went: running prompts, idle because the server had nothing queued yet (late), and
    /// idle with the next prompt already queued (the stand-in's own turnaround).
    static func describe(_ timeline: [PromptTimes], perImage: Double, wall: Double) -> String {
        let runs = timeline.compactMap { times -> (queued: Double, started: Double, ended: Double)? in
            guard let started = times.started, let ended = times.ended else { return nil }
            let origin = timeline[0].queued
            return (seconds(times.queued - origin), seconds(started - origin), seconds(ended - origin))
        }.sorted { $0.started < $1.started }
        guard runs.count > 1 else { return "no prompts ran" }
        let busy = runs.reduce(0) { $0 + $1.ended - $1.started }
        var late = 0.0
        var lateCount = 0
        var turnaround = 0.0
        for (previous, next) in zip(runs, runs.dropFirst()) {
            let gap = max(0, next.started - previous.ended)
            if next.queued > previous.ended {
                late += gap
                lateCount += 1
            } else {
                turnaround += gap
            }
        }
        let perRun = busy / Double(runs.count) * 1000
        return "busy \(format(busy)) s (\(format(perRun)) ms per prompt against \(Int(perImage * 1000))), "
            + "idle with the next prompt queued \(format(turnaround * 1000)) ms, "
            + "idle waiting for the server \(format(late * 1000)) ms (\(lateCount) times)"
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func startServer(backends: [ComfyUIStandIn], extra: String) throws -> StdioServerSession {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pixelbench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("dgx-pixels.yaml")
        let urls = backends.map { "    - url: \($0.url.absoluteString)\n      slots: 1" }.joined(separator: "\n")
        try Data(
            """
            engine: comfyui
            comfyui:
              backends:
            \(urls)
              poll_interval: 0.05
              over_queue: \(overQueue)
            output:
              dir: \(directory.appendingPathComponent("out").path)
            logging:
              level: error

            """.utf8 + Data(extra.utf8)
        ).write(to: config)
        var environment = ProcessInfo.processInfo.environment
        environment["DGX_PIXELS_WORKFLOWS"] = workflows
        return try StdioServerSession(binary: binary, config: config, environment: environment, captureStderr: false)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count - 1)).rounded())
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    static func format(_ value: Double) -> String {
        String(format: value < 10 ? "%.2f" : "%.1f", value)
    }
}
