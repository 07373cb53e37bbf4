import Foundation

/// libFuzzer target `cargo-toml`: any text as a Cargo.toml and as a Cargo.lock, through `TOMLReader` and the
/// questions project detection asks of them.
///
/// Invariants: reading never crashes, however deep or long the text; a failure names a line inside the text; text
/// that reads, read again after a trailing comment, gives the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: size), as: UTF8.self)
    let url = URL(fileURLWithPath: "/nonexistent/game/Cargo.toml")
    let lines = text.unicodeScalars.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    let root: TOMLValue
    do {
        root = try TOMLReader.parse(text)
    } catch {
        guard (1...lines).contains(error.line) else { fatalError("a failure names line \(error.line) of \(lines)") }
        let manifest = Result { () throws(BevyAssetsError) in try CargoManifest(text: text, url: url) }
        guard case .failure(.cargoTomlUnreadable(let path, _)) = manifest else {
            fatalError("CargoManifest read text TOMLReader refuses")
        }
        guard path == url.path else { fatalError("the error does not name the file") }
        return 0
    }
    guard (try? TOMLReader.parse(text + "\n# a trailing comment\n")) == root else {
        fatalError("a trailing comment changed the value")
    }
    guard let manifest = try? CargoManifest(text: text, url: url) else { fatalError("CargoManifest refused good TOML") }
    _ = manifest.bevyDependency
    _ = manifest.isWorkspaceRoot
    _ = manifest.workspaceBevyRequirement
    _ = CargoLock.bevyVersion(in: root)
    return 0
}
