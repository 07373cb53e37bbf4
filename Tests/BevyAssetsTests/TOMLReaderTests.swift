import Testing

@testable import BevyAssets

@Suite("Reading Cargo TOML")
struct TOMLReaderTests {
    @Test("Reads tables, dotted and quoted keys, inline tables, multi-line arrays and comments")
    func cargoForms() throws {
        let toml = try TOMLReader.parse(
            """
            # a comment with "quotes" and = signs
            [lib]
            name = "game#1" # the '#' in the string is not a comment
            authors = ['Ada', "Grace"]

            [target.'cfg(not(target_arch = "wasm32"))'.dependencies]
            bevy = { version = "0.15", features = [
                "dynamic_linking", # dev only
            ] }

            [dependencies]
            serde.version = "1"
            serde.features = ["derive"]

            [[package]]
            name = "bevy"

            [[package]]
            name = "bevy_app"
            """
        )
        #expect(toml["lib", "name"] == .string("game#1"))
        #expect(toml["lib", "authors"] == .array([.string("Ada"), .string("Grace")]))
        let target = try #require(toml["target"]?.table?.values.first)
        #expect(target["dependencies", "bevy", "version"] == .string("0.15"))
        #expect(target["dependencies", "bevy", "features"] == .array([.string("dynamic_linking")]))
        #expect(toml["dependencies", "serde", "features"] == .array([.string("derive")]))
        #expect(toml["package"]?.array?.compactMap { $0["name"]?.string } == ["bevy", "bevy_app"])
    }

    @Test("Keeps booleans and numbers raw")
    func rawValues() throws {
        let toml = try TOMLReader.parse("[dependencies]\nbevy = { workspace = true, optional = false }\nversion = 4\n")
        #expect(toml["dependencies", "bevy", "workspace"]?.isTrue == true)
        #expect(toml["dependencies", "version"] == .raw("4"))
    }

    @Test(
        "Reports the line of a syntax error",
        arguments: [
            ("[dependencies]\nbevy = \"0.15\n", 2),
            ("[dependencies\nbevy = \"0.15\"\n", 1),
            ("a = 1\nb = [1, 2\nc = 3\n", 3),
            ("a = 1 b = 2\n", 1),
        ]
    )
    func errors(text: String, line: Int) {
        #expect(throws: TOMLReader.Failure.self) { try TOMLReader.parse(text) }
        do {
            _ = try TOMLReader.parse(text)
        } catch {
            #expect(error.line == line)
        }
    }
}
