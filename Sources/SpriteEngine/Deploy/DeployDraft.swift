/// The options of a deploy call as given, before validation.
package struct DeployDraft: Sendable, Hashable {
    /// The Bevy project root; nil uses `bevy.project` from the configuration.
    package var project: String?
    /// Job ids, `sprite://` URIs, PNG paths or directories of PNGs.
    package var sprites: [String] = []
    package var category: String?
    package var name: String?
    package var meta: Bool?
    package var bevyVersion: String?
    package var onConflict: String?
    package var dryRun = false

    package init(project: String? = nil, sprites: [String] = []) {
        self.project = project
        self.sprites = sprites
    }
}
