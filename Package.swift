// swift-tools-version:6.1
import PackageDescription

/// DGX-Pixels: an MCP server that turns prompts into pixel-art sprites and deploys them into Bevy projects.
///
/// Dependencies point one way: DGXPixelsCLI → PixelsMCP → SpriteEngine → {PixelArt, BevyAssets} → CLibPNG.
/// See docs/architecture.md.
let package = Package(
    name: "dgx-pixels",
    platforms: [.macOS("14.0")],
    products: [
        .executable(name: "dgx-pixels", targets: ["DGXPixelsCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk.git", from: "0.12.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPNG",
            pkgConfig: "libpng16",
            providers: [.apt(["libpng-dev"])]
        ),
        .target(
            name: "PixelArt",
            dependencies: ["CLibPNG"]
        ),
        .target(
            name: "BevyAssets",
            dependencies: ["PixelArt"]
        ),
        .target(
            name: "SpriteEngine",
            dependencies: [
                "PixelArt",
                "BevyAssets",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "PixelsMCP",
            dependencies: [
                "SpriteEngine",
                "PixelArt",
                "BevyAssets",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "DGXPixelsCLI",
            dependencies: [
                "PixelsMCP",
                "SpriteEngine",
                "PixelArt",
                "BevyAssets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MCP", package: "swift-sdk"),
            ]
        ),
        .executableTarget(name: "PixelBench", dependencies: ["PixelArt"]),
        .testTarget(name: "PixelArtTests", dependencies: ["PixelArt"]),
        .testTarget(name: "BevyAssetsTests", dependencies: ["BevyAssets", "PixelArt"]),
        .testTarget(name: "SpriteEngineTests", dependencies: ["SpriteEngine", "PixelArt", "BevyAssets"]),
        .testTarget(
            name: "PixelsMCPTests",
            dependencies: [
                "PixelsMCP", "SpriteEngine", "PixelArt", "BevyAssets",
                .product(name: "MCP", package: "swift-sdk"),
            ],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "DGXPixelsCLITests",
            dependencies: [
                "PixelArt",
                .product(name: "MCP", package: "swift-sdk"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
