import AtomicFiles
import Foundation
import TestSupport
import Testing

@testable import BevyAssets

@Suite("Finding a Bevy project")
struct BevyProjectTests {
    static let dependencyForms: [(String, String)] = [
        (#"bevy = "0.15""#, "0.15.0"),
        (
            """
            bevy = { version = "0.14.2", default-features = false, features = [
                "bevy_sprite", # 2D only
                "png",
            ] }
            """, "0.14.2"
        ),
        ("[dependencies.bevy]\nversion = \"=0.13.1\"\nfeatures = [\"dynamic_linking\"]", "0.13.1"),
        ("bevy.version = \"^0.16\"", "0.16.0"),
    ]

    @Test("Reads the bevy requirement in each Cargo.toml form", arguments: dependencyForms)
    func dependencyForm(dependency: String, expected: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let header = dependency.hasPrefix("[") ? "" : "[dependencies]\n"
        try folder.write(
            """
            [package]
            name = "game" # the game
            description = \"""
            A [game]
            \"""

            \(header)\(dependency)
            rand = "0.8"

            """,
            to: "Cargo.toml"
        )
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("assets"),
            withIntermediateDirectories: true
        )

        let project = try BevyProject.detect(at: folder.url.path)
        #expect(project.bevyVersion?.description == expected)
        #expect(project.versionSource == .cargoToml)
        #expect(project.root.path == folder.url.path)
        #expect(project.assetsDirectory.path == folder.url.appendingPathComponent("assets").path)
    }

    @Test(
        "Follows bevy.workspace = true to the workspace's [workspace.dependencies]",
        arguments: [
            ("bevy.workspace = true", "bevy = \"0.16.1\""),
            (
                "bevy = { workspace = true, features = [\"png\"] }",
                "[workspace.dependencies.bevy]\nversion = \"0.16.1\""
            ),
        ]
    )
    func workspaceInheritance(memberDependency: String, rootDependency: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let header = rootDependency.hasPrefix("[") ? "" : "[workspace.dependencies]\n"
        try folder.write("[workspace]\nmembers = [\n  \"game\",\n]\n\n\(header)\(rootDependency)\n", to: "Cargo.toml")
        try folder.write("[package]\nname = \"game\"\n\n[dependencies]\n\(memberDependency)\n", to: "game/Cargo.toml")

        let project = try BevyProject.detect(at: folder.url.appendingPathComponent("game").path)
        #expect(project.bevyVersion?.description == "0.16.1")
        #expect(project.cargoToml.path == folder.url.appendingPathComponent("game/Cargo.toml").path)
    }

    @Test("Finds bevy in a workspace member from the workspace root, and its lock file")
    func workspaceRoot() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(
            "[workspace]\nresolver = \"2\"\nmembers = [\"crates/*\"]\n\n[workspace.dependencies]\nbevy = \"0.15\"\n",
            to: "Cargo.toml"
        )
        try folder.write(
            "[package]\nname = \"tools\"\n\n[dependencies]\nserde = \"1\"\n",
            to: "crates/a-tools/Cargo.toml"
        )
        try folder.write(
            "[package]\nname = \"game\"\n\n[dependencies]\nbevy.workspace = true\n",
            to: "crates/game/Cargo.toml"
        )
        try folder.write("[[package]]\nname = \"bevy\"\nversion = \"0.15.3\"\n", to: "Cargo.lock")
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("assets"),
            withIntermediateDirectories: true
        )

        let project = try BevyProject.detect(at: folder.url.path)
        #expect(project.bevyVersion?.description == "0.15.3")
        #expect(project.versionSource == .cargoLock)
        #expect(project.cargoToml.path.hasSuffix("crates/game/Cargo.toml"))
        #expect(project.assetsDirectory.path == folder.url.appendingPathComponent("assets").path)
        #expect(project.notes.contains { $0.contains("game") })
    }

    @Test("Prefers the exact Cargo.lock version over the Cargo.toml requirement; an override wins over both")
    func versionPrecedence() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let root = try folder.makeBevyProject(requirement: "0.14", lockedVersion: "0.14.2")

        let locked = try BevyProject.detect(at: root.path)
        #expect(locked.bevyVersion == BevyVersion(major: 0, minor: 14, patch: 2))
        #expect(locked.versionSource == .cargoLock)

        let overridden = try BevyProject.detect(at: root.path, bevyVersionOverride: "0.16")
        #expect(overridden.bevyVersion == BevyVersion(major: 0, minor: 16))
        #expect(overridden.versionSource == .override)
        #expect(throws: BevyAssetsError.invalidBevyVersion(value: "latest")) {
            try BevyProject.detect(at: root.path, bevyVersionOverride: "latest")
        }
    }

    @Test("Reports an unknown version for a git dependency without one")
    func unknownVersion() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("[dependencies]\nbevy = { git = \"https://github.com/bevyengine/bevy\" }\n", to: "Cargo.toml")
        let project = try BevyProject.detect(at: folder.url.path)
        #expect(project.bevyVersion == nil)
        #expect(project.versionSource == .unknown)
        #expect(project.notes.contains { $0.contains("unknown") })
    }

    @Test("Refuses a folder without a Cargo.toml that depends on bevy, naming the path")
    func notBevy() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("[package]\nname = \"cli\"\n\n[dependencies]\nclap = \"4\"\n", to: "rust/Cargo.toml")
        for path in [folder.url.path, folder.url.appendingPathComponent("rust").path] {
            #expect(throws: BevyAssetsError.notABevyProject(path: path)) { try BevyProject.detect(at: path) }
        }
        let error = BevyAssetsError.notABevyProject(path: folder.url.path)
        #expect(error.description.hasPrefix("no Cargo.toml depending on bevy at \(folder.url.path)"))
    }

    @Test("Refuses a missing folder, naming the path")
    func missingFolder() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let missing = folder.url.appendingPathComponent("nope").path
        #expect(throws: BevyAssetsError.projectNotFound(path: missing)) { try BevyProject.detect(at: missing) }
        #expect(BevyAssetsError.projectNotFound(path: missing).description.contains(missing))
    }

    @Test("Says where a Cargo.toml cannot be parsed")
    func unparseable() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("[dependencies]\nbevy = \"0.15\n", to: "Cargo.toml")
        #expect {
            try BevyProject.detect(at: folder.url.path)
        } throws: { error in
            guard case .cargoTomlUnreadable(let path, let reason) = error as? BevyAssetsError else { return false }
            return path.hasSuffix("Cargo.toml") && reason.contains("line 2")
        }
    }

    @Test("Creates a missing assets/ with a note, but not when told not to")
    func createsAssets() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let root = try folder.makeBevyProject(withAssets: false)
        let assets = root.appendingPathComponent("assets").path

        let dry = try BevyProject.detect(at: root.path, createAssetsDirectory: false)
        #expect(FileSystem.kind(of: assets) == .missing)
        #expect(dry.notes.contains { $0.contains("would be created") })

        let project = try BevyProject.detect(at: root.path)
        #expect(FileSystem.kind(of: assets) == .directory)
        #expect(project.notes.contains { $0.contains("created") })
    }

    @Test("Refuses a symlinked assets/ unless allowed")
    func symlinkedAssets() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let root = try folder.makeBevyProject(withAssets: false)
        let elsewhere = folder.url.appendingPathComponent("shared-assets")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("assets").path,
            withDestinationPath: elsewhere.path
        )
        #expect(throws: BevyAssetsError.symlinkedAssetsDirectory(path: root.appendingPathComponent("assets").path)) {
            try BevyProject.detect(at: root.path)
        }
        let project = try BevyProject.detect(at: root.path, allowSymlinkedAssets: true)
        #expect(project.assetsDirectory.path == elsewhere.path)
    }
}
