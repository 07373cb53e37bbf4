import Testing

/// Groups the procedural engine's suites, so `swift test --filter Procedural` runs all of them.
@Suite("Procedural engine")
enum ProceduralTests {}
