import Foundation

/// Median wall-clock timing of a closure.
enum Stopwatch {
    /// The median of `runs` timings, in milliseconds, after one warm-up run.
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        try body()
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    /// The process's peak resident set size in bytes (Linux reports ru_maxrss in KiB).
    static var peakRSS: Int {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
    }
}
