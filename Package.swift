// swift-tools-version:6.1
import PackageDescription

/// DGX-Pixels: an MCP server that turns prompts into pixel-art sprites and deploys them into Bevy projects.
///
/// Dependencies point one way: DGXPixelsCLI → PixelsMCP → SpriteEngine → {ComfyUI, PixelArt, BevyAssets} →
/// {CLibPNG, CLibDeflate}. PixelsMCP serves stdio and HTTP (NIOHTTP1, Prometheus); SpriteEngine defines the metrics.
/// `ComfyUIStandIn` is test support: a ComfyUI-compatible server for tests and benchmarks, never linked by the CLI.
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
        // Already resolved for the MCP SDK; we compile only the plain-TCP HTTP/1 + WebSocket modules.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        // Metrics API (SpriteEngine defines the metrics) and its Prometheus exporter (`/metrics`).
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPNG",
            pkgConfig: "libpng16",
            providers: [.apt(["libpng-dev"])]
        ),
        // libdeflate inflates a PNG's IDAT data in one call for the fast decode path (PNGFastDecoder).
        .systemLibrary(
            name: "CLibDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        .target(
            name: "PixelArt",
            dependencies: ["CLibPNG", "CLibDeflate"]
        ),
        // Atomic writes (hidden temp, fsync, rename) and the POSIX file questions, for every target that writes.
        .target(name: "AtomicFiles"),
        .target(
            name: "BevyAssets",
            dependencies: ["PixelArt", "AtomicFiles"]
        ),
        .target(
            name: "ComfyUI",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ComfyUIStandIn",
            dependencies: [
                "PixelArt",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ]
        ),
        .target(
            name: "SpriteEngine",
            dependencies: [
                "AtomicFiles",
                "ComfyUI",
                "PixelArt",
                "BevyAssets",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
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
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "DGXPixelsCLI",
            dependencies: [
                "PixelsMCP",
                "ComfyUI",
                "SpriteEngine",
                "PixelArt",
                "BevyAssets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MCP", package: "swift-sdk"),
            ]
        ),
        // What tests (and the benchmark) share: scratch directories, a stdio session with a built server, engine
        // fixtures, a manual clock. Lives under Tests/, never linked by the CLI.
        .target(
            name: "TestSupport",
            dependencies: ["SpriteEngine", "ComfyUI"],
            path: "Tests/TestSupport"
        ),
        .executableTarget(name: "PixelBench", dependencies: ["PixelArt", "ComfyUIStandIn", "TestSupport"]),
        .testTarget(name: "PixelArtTests", dependencies: ["PixelArt"]),
        .testTarget(name: "AtomicFilesTests", dependencies: ["AtomicFiles"]),
        .testTarget(name: "BevyAssetsTests", dependencies: ["BevyAssets", "AtomicFiles", "PixelArt", "TestSupport"]),
        .testTarget(name: "ComfyUITests", dependencies: ["ComfyUI", "ComfyUIStandIn", "PixelArt", "TestSupport"]),
        .testTarget(
            name: "SpriteEngineTests",
            dependencies: [
                "SpriteEngine", "ComfyUI", "ComfyUIStandIn", "PixelArt", "BevyAssets", "TestSupport",
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ]
        ),
        .testTarget(
            name: "PixelsMCPTests",
            dependencies: [
                "PixelsMCP", "SpriteEngine", "PixelArt", "ComfyUIStandIn", "TestSupport",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "DGXPixelsCLITests",
            dependencies: [
                "DGXPixelsCLI",
                "SpriteEngine",
                "PixelArt",
                "ComfyUIStandIn",
                "TestSupport",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
