import Foundation
import TestSupport

/// Runs the built `dgx-pixels` executable (it sits beside the test bundle in the build directory).
struct BuiltBinary: Sendable {
    let url: URL
    let home: URL

    init() throws {
        if let path = ProcessInfo.processInfo.environment["DGX_PIXELS_BIN"] {
            url = URL(fileURLWithPath: path)
        } else {
            let buildDirectory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
                .deletingLastPathComponent()
            url = buildDirectory.appendingPathComponent("dgx-pixels")
        }
        home = FileManager.default.temporaryDirectory.appendingPathComponent("dgx-pixels-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    /// The environment of a fresh user: scratch home, no config, output under the scratch home.
    var environment: [String: String] {
        [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config",
            "DGX_PIXELS_OUTPUT_DIR": home.path + "/out", "DGX_PIXELS_LOG_LEVEL": "warning",
        ]
    }

    /// Starts the binary with pipes on stdin, stdout and stderr.
    func start(
        _ arguments: [String],
        extraEnvironment: [String: String] = [:]
    ) throws -> (Process, stdin: FileHandle, stdout: FileHandle, stderr: FileHandle) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = environment.merging(extraEnvironment) { $1 }
        process.currentDirectoryURL = home
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return (process, input.fileHandleForWriting, output.fileHandleForReading, errors.fileHandleForReading)
    }

    /// Runs to completion (at most 60 s) with `input` on stdin; returns exit status, stdout and stderr.
    func run(
        _ arguments: [String],
        input: Data = Data(),
        extraEnvironment: [String: String] = [:]
    ) async throws -> (status: Int32, stdout: String, stderr: String) {
        let (process, stdin, stdout, stderr) = try start(arguments, extraEnvironment: extraEnvironment)
        return try await offPool {
            stdin.write(input)
            try stdin.close()
            let errors = PipeText(stderr)
            let out = stdout.readDataToEndOfFile()
            let exited = process.waitForExit(seconds: 60)
            return (exited ? process.terminationStatus : -9, String(decoding: out, as: UTF8.self), errors.text)
        }
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: home)
    }
}
