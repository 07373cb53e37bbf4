//! The DGX-Pixels example game.
//!
//! - Sprites the game wants and does not have yet (a walk sheet among them) and its tileset are requested at
//!   start-up through `dgx-pixels-client` (`G` asks for one more sprite, `S` for a four-direction walk sheet);
//!   progress shows on screen.
//! - Every sprite in `assets/sprites/manifest.json` is on screen. The manifest and sheet descriptors are assets,
//!   so sprites deployed by anyone (an assistant over MCP, `make run`) appear and changed ones hot-reload.
//! - Sheets play their clips (`C` cycles clips, arrow keys pick `<animation>_<direction>` clips; a clip with
//!   `loops: false` stops on its last frame).
//! - The tileset is laid out as a 12 × 8 island map with bevy_ecs_tilemap, rebuilt when it changes.
//! - The `sprites/reload` Bevy Remote Protocol method reloads given asset paths (DGX-Pixels calls it after a deploy
//!   with `reload: true`).
//!
//! Run it with `cargo run` in this folder (needs crates.io); the DGX-Pixels server comes from `$DGX_PIXELS_BIN`,
//! else `dgx-pixels` on `PATH`.

mod assets;
mod remote;
mod requests;
mod scene;
mod tilemap;

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::remote::http::RemoteHttpPlugin;
use bevy::remote::RemotePlugin;
use dgx_pixels_client::game::RELOAD_METHOD;

/// The project DGX-Pixels deploys into: `$BEVY_ASSET_ROOT` (Bevy's own override), else this crate's folder as it
/// was compiled, so the game finds its assets and manifest wherever it is started from.
fn project_dir() -> PathBuf {
    match std::env::var_os("BEVY_ASSET_ROOT") {
        Some(root) if !root.is_empty() => PathBuf::from(root),
        _ => PathBuf::from(env!("CARGO_MANIFEST_DIR")),
    }
}

fn main() {
    let project = project_dir();
    let assets = project.join("assets");
    App::new()
        .add_plugins(
            DefaultPlugins
                // Pixel art stays crisp even for an image without a .meta file.
                .set(ImagePlugin::default_nearest())
                // An absolute path: FileAssetReader and the file watcher join it onto their base path unchanged.
                .set(AssetPlugin { file_path: assets.to_string_lossy().into_owned(), ..default() }),
        )
        .add_plugins((
            RemotePlugin::default().with_method(RELOAD_METHOD, remote::reload_sprites),
            RemoteHttpPlugin::default(),
        ))
        .add_plugins((
            assets::SpriteAssetsPlugin,
            requests::RequestsPlugin { project },
            scene::ScenePlugin,
            tilemap::IslandMapPlugin,
        ))
        .run();
}
