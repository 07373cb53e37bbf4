import Foundation
import SpriteEngine

#if canImport(Glibc)
import Glibc
#endif

/// Job progress on stderr: a bar redrawn in place on a terminal, plain lines otherwise (logs, CI).
final class ProgressBar: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1

    /// Feeds the bar.
    var reporter: ProgressReporter {
        ProgressReporter { [self] event in draw(event.progress, of: event.total, event.message) }
    }

    func draw(_ progress: Double, of total: Double?, _ message: String) {
        guard isTerminal, let total, total > 0 else {
            // Plain lines (a log, CI): one per finished item, not one per sampler step.
            if progress == progress.rounded() { FileHandle.standardError.write(Data("  \(message)\n".utf8)) }
            return
        }
        let width = 30
        let filled = max(0, min(width, Int((progress / total * Double(width)).rounded(.down))))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "\r[\(bar)] \(String(format: "%5.1f", progress / total * 100))% \(message.prefix(60))\u{1b}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Ends the bar's line on a terminal.
    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
