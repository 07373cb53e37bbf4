import Foundation

/// libFuzzer target `ron`: any text as a `.meta` / `sprites.assets.ron` file, through `RONReader` and the
/// collection merge that reads an existing `sprites.assets.ron`.
///
/// Invariants: reading never crashes; a value that reads renders to text that reads back to the same value; a
/// merge either refuses the file (naming it) or writes a collection that reads again and keeps the new entries.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: size), as: UTF8.self)
    if let value = try? RONReader.parse(text) {
        let rendered = value.rendered
        guard let again = try? RONReader.parse(rendered) else { fatalError("rendered RON does not read: \(rendered)") }
        guard again == value else { fatalError("rendered RON reads back different: \(rendered)") }
    }
    let path = "/game/assets/sprites/sprites.assets.ron"
    let entries = ["fuzz/slime": "Image(path: \"fuzz/slime.png\", sampler: Nearest)"]
    do {
        let merged = try AssetCollection.merged(existing: text, at: path, entries: entries)
        guard case .tuple(nil, let items)? = try? RONReader.parse(merged), items.count == 1,
            case .map(let map) = items[0], map.contains(where: { $0.key == .string("fuzz/slime") })
        else { fatalError("the merged collection does not read back with the new entry:\n\(merged)") }
    } catch {
        guard case .collectionCorrupt(let named, _) = error, named == path else {
            fatalError("a merge failed without naming the file: \(error)")
        }
    }
    return 0
}
