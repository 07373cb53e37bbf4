//! Shows every sprite DGX-Pixels deployed, read from assets/sprites/manifest.json.
//! Regenerate a sprite while this runs and it hot-reloads (the `file_watcher` feature).
use bevy::prelude::*;

fn main() {
    App::new()
        // Pixel art stays crisp even for sprites without a .meta file.
        .add_plugins(DefaultPlugins.set(ImagePlugin::default_nearest()))
        .add_systems(Startup, show_sprites)
        .run();
}

fn show_sprites(mut commands: Commands, asset_server: Res<AssetServer>) {
    commands.spawn(Camera2d);
    let manifest = std::fs::read_to_string("assets/sprites/manifest.json").unwrap_or_default();
    let manifest: serde_json::Value = serde_json::from_str(&manifest).unwrap_or_default();
    let Some(sprites) = manifest["sprites"].as_object() else {
        warn!("no sprites yet: run `make run` in the dgx-pixels repository");
        return;
    };
    for (index, entry) in sprites.values().enumerate() {
        let Some(path) = entry["asset_path"].as_str() else { continue };
        let x = (index as f32 - sprites.len() as f32 / 2.0) * 80.0;
        commands.spawn((
            Sprite::from_image(asset_server.load(path.to_string())),
            Transform::from_xyz(x, 0.0, 0.0).with_scale(Vec3::splat(2.0)),
        ));
    }
}
