import Testing

@testable import BevyAssets

@Suite("Sprite names and categories")
struct AssetNameTests {
    @Test("Accepts lowercase letters, digits, underscore and dash")
    func accepts() throws {
        try AssetName.validate("knight_01-idle", field: "name")
        try AssetName.validate(String(repeating: "a", count: 64), field: "name")
    }

    @Test(
        "Refuses unsafe names, naming the field and the character",
        arguments: [
            ("a/b", "'/' at position 2"),
            ("..", "'.' at position 1"),
            ("kni\0ght", "'\\0' at position 4"),
            ("Knight", "upper-case 'K' at position 1; use 'knight'"),
            ("", "is empty"),
            (String(repeating: "a", count: 65), "65 characters"),
        ]
    )
    func refuses(value: String, expectedReason: String) {
        #expect {
            try AssetName.validate(value, field: "category")
        } throws: { error in
            guard case .invalidName(let field, let shown, let reason) = error as? BevyAssetsError else { return false }
            let message = "\(error)"
            return field == "category" && reason.contains(expectedReason) && !shown.contains("\0")
                && !message.contains("\0") && message.hasPrefix("category '")
        }
    }
}
