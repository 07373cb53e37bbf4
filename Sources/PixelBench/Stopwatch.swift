import Foundation

/// Median wall-clock timings and peak memory for the bench report.
enum Stopwatch {
    /// Medians in milliseconds of several bodies timed round-robin (one warm-up round), so load from other
    /// processes on a shared machine falls on all of them alike.
    static func interleavedMedians(runs: Int, _ bodies: [() throws -> Void]) throws -> [Double] {
        for body in bodies { try body() }
        var samples = [[Double]](repeating: [], count: bodies.count)
        for _ in 0..<runs {
            for (index, body) in bodies.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                try body()
                samples[index].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
        }
        return samples.map { $0.sorted()[$0.count / 2] }
    }

    /// The process's peak resident set size in bytes (Linux reports ru_maxrss in KiB).
    static var peakRSS: Int {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
    }
}
