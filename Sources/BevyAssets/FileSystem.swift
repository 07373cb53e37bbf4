import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file-system questions the path jail and the writer ask, with errno turned into text.
enum FileSystem {
    /// What is at a path, without following a final symlink.
    enum Kind: Equatable {
        case missing
        case file
        case directory
        case symlink
        case other
    }

    static func kind(of path: String) -> Kind {
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
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Whether `path` is `directory` itself or somewhere below it (both canonical).
    static func isInside(_ path: String, directory: String) -> Bool {
        path == directory || path.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/")
    }

    /// The current errno as "Permission denied (errno 13)".
    static func errnoReason(_ code: Int32 = errno) -> String {
        "\(String(cString: strerror(code))) (errno \(code))"
    }

    /// The bytes of a regular file, or nil when there is none.
    static func contents(of path: String) -> Data? {
        guard kind(of: path) == .file || kind(of: path) == .symlink else { return nil }
        return FileManager.default.contents(atPath: path)
    }
}
