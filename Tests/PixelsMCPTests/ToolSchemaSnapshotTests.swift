import Foundation
import Logging
import MCP
import SpriteEngine
import Testing

@testable import PixelsMCP

/// The tool list a client sees, pinned: a schema change shows up as a diff of Snapshots/tools.json.
///
/// Run with `UPDATE_SNAPSHOTS=1` to rewrite the file after an intended change, and review the diff.
@Suite("Tool schema snapshot")
struct ToolSchemaSnapshotTests {
    static let snapshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots/tools.json")

    @Test("tools/list with the default configuration matches Snapshots/tools.json")
    func matchesSnapshot() throws {
        let configuration = Configuration(environment: ["HOME": "/home/snapshot"])
        let registry = ToolRegistry(configuration: configuration, logger: Logger(label: "test"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var current = try encoder.encode(ListTools.Result(tools: registry.definitions))
        current.append(0x0a)
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
            try current.write(to: Self.snapshot)
        }
        let pinned = try Data(contentsOf: Self.snapshot)
        #expect(
            String(decoding: current, as: UTF8.self) == String(decoding: pinned, as: UTF8.self),
            "tools/list changed: run `UPDATE_SNAPSHOTS=1 swift test --filter ToolSchemaSnapshot` and review the diff"
        )
    }

    @Test("Every argument in every input schema has a type (or alternatives) and a description")
    func argumentsAreDocumented() throws {
        let registry = ToolRegistry(
            configuration: Configuration(environment: ["HOME": "/home/snapshot"]),
            logger: Logger(label: "test")
        )
        for tool in registry.definitions {
            let properties = try #require(tool.inputSchema.objectValue?["properties"]?.objectValue)
            for (name, schema) in properties {
                let rules = try #require(schema.objectValue)
                #expect(rules["type"] != nil || rules["anyOf"] != nil, "\(tool.name).\(name) has no type")
                #expect(rules["description"]?.stringValue?.isEmpty == false, "\(tool.name).\(name) is undocumented")
            }
        }
    }
}
