/// Why a benchmark could not run.
enum BenchError: Error, CustomStringConvertible {
    case server(String)
    /// A command line the bench cannot act on.
    case usage(String)

    var description: String {
        switch self {
        case .server(let message), .usage(let message): message
        }
    }
}
