import Foundation
import Testing

@testable import ComfyUI

@Suite struct WorkflowLibraryTests {
    @Test("A later folder overrides by name; a broken file is reported without hiding the others")
    func overridesAndCollectsErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workflows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var custom = try #require(WorkflowFixtures.template().objectValue)
        custom["_dgx_pixels"] = [
            "description": "my own SD 1.5",
            "parameters": ["prompt": ["type": "string"], "seed": ["type": "int", "default": 0]],
        ]
        try JSONValue.object(custom).encoded().write(to: folder.appendingPathComponent("sd15-pixel-art.json"))
        try Data("{".utf8).write(to: folder.appendingPathComponent("broken.json"))
        try Data("not a template".utf8).write(to: folder.appendingPathComponent("notes.txt"))

        let library = WorkflowLibrary(directories: [WorkflowFixtures.shippedFolder, folder])
        #expect(library.names == WorkflowFixtures.shippedNames)
        #expect(try library.template(named: "sd15-pixel-art").description == "my own SD 1.5")
        #expect(library.loadErrors.count == 1)
        guard case .invalidJSON(let file, _)? = library.loadErrors.first else {
            Issue.record("expected the broken file's error, got \(library.loadErrors)")
            return
        }
        #expect(file == "broken.json")
        let unknown = #expect(throws: WorkflowError.self) { try library.template(named: "flux") }
        #expect(
            unknown?.description
                == "no workflow named 'flux'; known workflows: " + WorkflowFixtures.shippedNames.joined(separator: ", ")
        )
    }
}
