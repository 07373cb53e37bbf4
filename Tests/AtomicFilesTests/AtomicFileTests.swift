import AtomicFiles
import Foundation
import Testing

@Suite("AtomicFile: old bytes or new, never half")
struct AtomicFileTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    struct Injected: Error {}

    @Test("Creates, replaces, and leaves identical bytes untouched")
    func outcomes() throws {
        let target = try folder().appendingPathComponent("a.bin")
        #expect(try AtomicFile.write(Data("one".utf8), to: target) == .created)
        #expect(try AtomicFile.write(Data("two".utf8), to: target) == .replaced)
        #expect(try AtomicFile.write(Data("two".utf8), to: target) == .unchanged)
        #expect(FileManager.default.contents(atPath: target.path) == Data("two".utf8))
    }

    @Test("A failure at either fault point keeps the old bytes and leaves no temp")
    func faults() throws {
        let directory = try folder()
        let target = directory.appendingPathComponent("a.bin")
        _ = try AtomicFile.write(Data("old".utf8), to: target)
        for point in [FaultPoint.afterTempWrite, .beforeRename] {
            #expect(throws: AtomicFileError.self) {
                try AtomicFile.write(Data("new".utf8), to: target) { if $0 == point { throw Injected() } }
            }
            #expect(FileManager.default.contents(atPath: target.path) == Data("old".utf8))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.bin"])
        }
    }

    @Test("Stale temps of a gone writer are removed; other dot-files and live temps stay")
    func staleTemps() throws {
        let directory = try folder()
        for name in [".a.bin.tmp-999999-1", ".hidden", ".b.bin.tmp-\(getpid())-77", "c.bin"] {
            try Data().write(to: directory.appendingPathComponent(name))
        }
        let removed = AtomicFile.removeStaleTemps(in: directory).map(\.lastPathComponent).sorted()
        // This process's own temp is not in flight, so it is stale too.
        #expect(removed == [".a.bin.tmp-999999-1", ".b.bin.tmp-\(getpid())-77"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [".hidden", "c.bin"])
        #expect(AtomicFile.writerPID(ofTemp: ".x.tmp-12-3") == 12 && AtomicFile.writerPID(ofTemp: "x.tmp-12-3") == nil)
    }
}
