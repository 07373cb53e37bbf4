import Foundation
import Logging
import MCP
import SpriteEngine
import Testing

@testable import PixelsMCP

@Suite("Static answers (tools/list without the SDK round trip)")
struct StaticAnswersTests {
    @Test("The pre-encoded tools/list decodes to exactly the tools the SDK handler lists")
    func sameAsSDK() async throws {
        let harness = try await MCPHarness.start()
        defer { Task { await harness.stop() } }
        let registry = ToolRegistry(configuration: harness.configuration, logger: Logger(label: "test"))
        let answers = StaticAnswers()
        answers.answer(ListTools.name, with: try MCPServerRunner.encodedToolList(registry))
        let line = try #require(answers.response(to: Data(#"{"jsonrpc":"2.0","id":"abc","method":"tools/list"}"#.utf8)))
        let response = try JSONDecoder().decode(Response<ListTools>.self, from: line)
        #expect(response.id == "abc")
        let listed = try await harness.client.listTools().tools
        #expect(try response.result.get().tools == listed)
    }

    @Test("Ids are echoed exactly; cursors, other methods and notifications go to the SDK")
    func onlyPlainRequests() throws {
        let answers = StaticAnswers()
        answers.answer("tools/list", with: Data(#"{"tools":[]}"#.utf8))
        let numbered = answers.response(to: Data(#"{"jsonrpc":"2.0","id":42,"method":"tools/list","params":{}}"#.utf8))
        #expect(
            numbered.map { String(decoding: $0, as: UTF8.self) } == #"{"id":42,"jsonrpc":"2.0","result":{"tools":[]}}"#
        )
        #expect(
            answers.response(to: Data(#"{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"cursor":"x"}}"#.utf8))
                == nil
        )
        #expect(answers.response(to: Data(#"{"jsonrpc":"2.0","id":1,"method":"tools/call"}"#.utf8)) == nil)
        #expect(answers.response(to: Data(#"{"jsonrpc":"2.0","method":"tools/list"}"#.utf8)) == nil)
        #expect(answers.response(to: Data("not json".utf8)) == nil)
    }
}
