import BevyAssets

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
    /// Pack the sprites into one sheet (then `name` is required and names the sheet).
    package var sheet: SheetDraft?
    /// Back up replaced files; nil follows `bevy.backups_keep` (on unless it is 0).
    package var backup: Bool?
    /// Ask the running game to reload what was deployed (Bevy Remote Protocol `sprites/reload`).
    package var reload = false

    package init(project: String? = nil, sprites: [String] = []) {
        self.project = project
        self.sprites = sprites
    }
}
