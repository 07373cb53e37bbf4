import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file-system questions path jails and atomic writes ask, with errno turned into text.
package enum FileSystem {
    /// What is at a path, without following a final symlink.
    package enum Kind: Equatable {
        case missing
        case file
        case directory
        case symlink
        case other
    }

    package static func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// The canonical path with every symlink resolved, or nil when it does not exist (or a symlink dangles).
    package static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// `path` with its deepest existing ancestor resolved and the missing rest appended; nil when that
    /// ancestor is a dangling symlink.
    package static func resolvedAllowingMissing(_ path: String) -> String? {
        var existing = URL(fileURLWithPath: path).standardizedFileURL.path
        var rest: [String] = []
        while kind(of: existing) == .missing && existing != "/" {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        guard let base = resolved(existing) else { return nil }
        return ([base == "/" ? "" : base] + rest).joined(separator: "/")
    }

    /// Whether `path` is `directory` itself or somewhere below it (both canonical).
    package static func isInside(_ path: String, directory: String) -> Bool {
        path == directory || path.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/")
    }

    /// The current errno as "Permission denied (errno 13)".
    package static func errnoReason(_ code: Int32 = errno) -> String {
        "\(String(cString: strerror(code))) (errno \(code))"
    }

    /// The bytes of a regular file, or nil when there is none.
    package static func contents(of path: String) -> Data? {
        guard kind(of: path) == .file || kind(of: path) == .symlink else { return nil }
        return FileManager.default.contents(atPath: path)
    }

    /// Writes every byte to `descriptor`, retrying short writes and EINTR; returns the errno text on failure.
    package static func writeAll(_ data: Data, to descriptor: Int32) -> String? {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> String? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errnoReason()
                }
                offset += written
            }
            return nil
        }
    }

    /// Makes a rename inside `directory` durable.
    ///
    /// Best effort: the file is already in place, and some file systems refuse fsync on directories.
    package static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }
}
