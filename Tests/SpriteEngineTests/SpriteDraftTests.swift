import Testing

@testable import SpriteEngine

@Suite("Request validation (shared by MCP and the CLI)")
struct SpriteDraftTests {
    let configuration = Configuration(environment: ["HOME": "/home/test"])

    func resolve(_ change: (inout SpriteDraft) -> Void) throws -> SpriteRequest {
        var draft = SpriteDraft(prompt: "red knight")
        change(&draft)
        return try draft.resolve(with: configuration)
    }

    func field(of error: any Error) -> String? {
        if case .invalidArgument(let field, _)? = error as? SpriteEngineError { return field }
        return nil
    }

    @Test("Defaults come from the default style; the name is made from the prompt")
    func defaults() throws {
        let request = try resolve { _ in }
        #expect(request.style.name == "16bit")
        #expect(request.size == SpriteSize(square: 32))
        #expect(request.palette?.name == "endesga-32")
        #expect(request.name == "red-knight")
        #expect(request.category == "misc")
    }

    @Test(
        "Sizes: N, 'N' and 'WxH' within 8-256; anything else names 'size'",
        arguments: [
            (OptionValue.int(0), false), (.int(-3), false), (.int(10000), false), (.text("abc"), false),
            (.text("32x"), false), (.text("7"), false), (.int(8), true), (.text("256"), true), (.text("24x48"), true),
            (.number(16.5), false), (.flag(true), false),
        ]
    )
    func sizes(input: OptionValue, accepted: Bool) throws {
        if accepted {
            _ = try resolve { $0[.size] = input }
        } else {
            #expect { try resolve { $0[.size] = input } } throws: { field(of: $0) == "size" }
        }
    }

    @Test("Missing or empty prompt, unknown style and palette, bad colours name their field")
    func badFields() {
        #expect { try SpriteDraft().resolve(with: configuration) } throws: { field(of: $0) == "prompt" }
        #expect { try resolve { $0[.prompt] = .text("   ") } } throws: { field(of: $0) == "prompt" }
        #expect { try resolve { $0[.style] = .text("watercolour") } } throws: { "\($0)".contains("known styles") }
        #expect { try resolve { $0[.palette] = .text("rainbow") } } throws: { field(of: $0) == "palette" }
        #expect { try resolve { $0[.palette] = .list(["#fff", "nope"]) } } throws: { field(of: $0) == "palette" }
        #expect { try resolve { $0[.colors] = .int(0) } } throws: { field(of: $0) == "colors" }
        #expect { try resolve { $0[.colors] = .int(300) } } throws: { field(of: $0) == "colors" }
        #expect { try resolve { $0[.seed] = .int(-1) } } throws: { field(of: $0) == "seed" }
        #expect { try resolve { $0[.background] = .text("plaid") } } throws: { field(of: $0) == "background" }
    }

    @Test("Names and categories with '/', '..', NUL or capitals are refused with the reason")
    func badNames() {
        for bad in ["a/b", "..", "../up", "nul\0byte", "Knight", "sp ace", ""] {
            #expect { try resolve { $0[.name] = .text(bad) } } throws: { field(of: $0) == "name" }
            #expect { try resolve { $0[.category] = .text(bad) } } throws: { field(of: $0) == "category" }
        }
        #expect { try resolve { $0[.name] = .text("x\0y") } } throws: { "\($0)".contains("\\0") }
    }

    @Test("Field errors carry the batch item prefix")
    func prefixedFields() {
        var draft = SpriteDraft(prompt: "slime")
        draft[.size] = .int(1)
        #expect { try draft.resolve(with: configuration, fieldPrefix: "items[2].") } throws: {
            field(of: $0) == "items[2].size"
        }
    }

    @Test("Slugs are lowercase a-z0-9 joined by dashes")
    func slugs() {
        #expect(SpriteName.slug(from: "Red Knight, idle!") == "red-knight-idle")
        #expect(SpriteName.slug(from: "!!!") == "sprite")
        #expect(SpriteName.slug(from: String(repeating: "a", count: 100)).count == 48)
    }
}
