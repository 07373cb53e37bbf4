//! What is on screen: one entity per deployed sprite, sheets cut with `TextureAtlasLayout::from_grid` and played
//! with dgx-pixels-client's `ClipPlayer`. The clip and timing logic lives in `dgx_pixels_client::game`.

use std::collections::HashMap;

use bevy::prelude::*;
use dgx_pixels_client::game::{
    slot_position, slot_scale, ClipPlayer, Direction, Manifest, SheetDescriptor, MANIFEST_ASSET_PATH,
};

use crate::assets::{ManifestAsset, SheetAsset};

/// A sprite whose file is in place, reported by a request before the manifest asset has caught up.
pub struct LandedSprite {
    /// `<category>/<name>`, as the manifest files it.
    pub key: String,
    pub asset_path: String,
    /// The asset path of its `.sheet.json`, for a sheet.
    pub sheet: Option<String>,
}

/// Sprites landed since the last frame.
#[derive(Resource, Default)]
pub struct Landed(pub Vec<LandedSprite>);

/// The manifest handle, the entity of each sprite on screen, and the manifest last laid out.
#[derive(Resource)]
struct Shown {
    manifest: Handle<ManifestAsset>,
    laid_out: Option<Manifest>,
    entities: HashMap<String, Entity>,
}

/// A sprite-sheet entity: its descriptor, the descriptor its atlas was built from, and the clip playing.
#[derive(Component)]
struct SheetSprite {
    descriptor: Handle<SheetAsset>,
    applied: Option<SheetDescriptor>,
    player: Option<ClipPlayer>,
}

/// Spawns, lays out and animates the sprites.
pub struct ScenePlugin;

impl Plugin for ScenePlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<Landed>()
            .add_systems(Startup, setup)
            .add_systems(Update, (spawn_landed, follow_manifest, build_atlases, switch_clips, animate).chain());
    }
}

fn setup(mut commands: Commands, asset_server: Res<AssetServer>) {
    commands.spawn(Camera2d);
    // A missing manifest fails to load; requests reload it once they have deployed something.
    let manifest = asset_server.load::<ManifestAsset>(MANIFEST_ASSET_PATH);
    commands.insert_resource(Shown { manifest, laid_out: None, entities: HashMap::new() });
}

/// Puts a sprite on screen at `scale` unless it already is (an existing handle hot-reloads by itself). Returns
/// its entity, and whether it existed already.
fn spawn_sprite(
    commands: &mut Commands,
    asset_server: &AssetServer,
    shown: &mut Shown,
    sprite: &LandedSprite,
    scale: f32,
) -> (Entity, bool) {
    if let Some(entity) = shown.entities.get(&sprite.key) {
        return (*entity, true);
    }
    let (x, y) = slot_position(shown.entities.len());
    let image = asset_server.load::<Image>(sprite.asset_path.clone());
    let placed = Transform::from_xyz(x, y, 0.0).with_scale(Vec3::splat(scale));
    let mut entity = commands.spawn((Sprite::from_image(image), placed));
    if let Some(sheet) = &sprite.sheet {
        let descriptor = asset_server.load::<SheetAsset>(sheet.clone());
        entity.insert(SheetSprite { descriptor, applied: None, player: None });
    }
    let id = entity.id();
    shown.entities.insert(sprite.key.clone(), id);
    (id, false)
}

/// Sprites our own requests just deployed: on screen the frame their result arrives (at 2× until the manifest
/// says how big they are).
fn spawn_landed(
    mut commands: Commands,
    asset_server: Res<AssetServer>,
    mut landed: ResMut<Landed>,
    mut shown: ResMut<Shown>,
) {
    for sprite in landed.0.drain(..) {
        spawn_sprite(&mut commands, &asset_server, &mut shown, &sprite, 2.0);
    }
}

/// Every sprite in the manifest, whoever deployed it, scaled to its size (a sheet by its frame size): runs again
/// whenever the manifest asset changes.
fn follow_manifest(
    mut commands: Commands,
    asset_server: Res<AssetServer>,
    manifests: Res<Assets<ManifestAsset>>,
    mut shown: ResMut<Shown>,
    mut transforms: Query<&mut Transform>,
) {
    let Some(ManifestAsset(manifest)) = manifests.get(&shown.manifest) else { return };
    if shown.laid_out.as_ref() == Some(manifest) {
        return;
    }
    let manifest = manifest.clone();
    for (key, entry) in &manifest.sprites {
        let sheet = entry.sheet.as_ref();
        let (width, height) =
            sheet.map(|sheet| (sheet.tile_size_x, sheet.tile_size_y)).unwrap_or((entry.width, entry.height));
        let scale = slot_scale(width, height);
        let sprite = LandedSprite {
            key: key.clone(),
            asset_path: entry.asset_path.clone(),
            sheet: sheet.map(|sheet| sheet.json.clone()),
        };
        let (entity, existed) = spawn_sprite(&mut commands, &asset_server, &mut shown, &sprite, scale);
        if existed {
            if let Ok(mut transform) = transforms.get_mut(entity) {
                transform.scale = Vec3::splat(scale);
            }
        }
    }
    shown.laid_out = Some(manifest);
}

/// (Re)builds a sheet's atlas whenever its descriptor loads or changes, keeping the clip that was playing.
fn build_atlases(
    sheets: Res<Assets<SheetAsset>>,
    mut layouts: ResMut<Assets<TextureAtlasLayout>>,
    mut sprites: Query<(&mut Sprite, &mut SheetSprite)>,
) {
    for (mut sprite, mut sheet) in &mut sprites {
        let Some(SheetAsset(descriptor)) = sheets.get(&sheet.descriptor) else { continue };
        if sheet.applied.as_ref() == Some(descriptor) {
            continue;
        }
        let layout = layouts.add(TextureAtlasLayout::from_grid(
            UVec2::new(descriptor.tile_size_x, descriptor.tile_size_y),
            descriptor.columns,
            descriptor.rows,
            Some(UVec2::new(descriptor.padding_x, descriptor.padding_y)),
            Some(UVec2::new(descriptor.offset_x, descriptor.offset_y)),
        ));
        let playing = sheet.player.as_ref().and_then(|player| descriptor.clip(&player.clip().name)).cloned();
        let player = ClipPlayer::new(playing.unwrap_or_else(|| descriptor.default_clip()));
        sprite.texture_atlas = Some(TextureAtlas { layout, index: player.index() as usize });
        sheet.player = Some(player);
        sheet.applied = Some(descriptor.clone());
    }
}

/// `C`: every sheet plays its next clip. Arrow keys: sheets with `<animation>_<direction>` clips face that way.
fn switch_clips(keys: Res<ButtonInput<KeyCode>>, mut sheets: Query<&mut SheetSprite>) {
    let direction = [
        (KeyCode::ArrowDown, Direction::Down),
        (KeyCode::ArrowLeft, Direction::Left),
        (KeyCode::ArrowRight, Direction::Right),
        (KeyCode::ArrowUp, Direction::Up),
    ]
    .into_iter()
    .find(|(key, _)| keys.just_pressed(*key))
    .map(|(_, direction)| direction);
    let next = keys.just_pressed(KeyCode::KeyC);
    if direction.is_none() && !next {
        return;
    }
    for mut sheet in &mut sheets {
        let SheetSprite { applied: Some(descriptor), player: Some(player), .. } = &mut *sheet else { continue };
        let current = player.clip().name.clone();
        let chosen = if next {
            descriptor.next_clip(&current)
        } else {
            let animation = player.clip().direction().map(|(animation, _)| animation.to_owned());
            animation.zip(direction).and_then(|(animation, direction)| descriptor.clip_for(&animation, direction))
        };
        if let Some(clip) = chosen {
            player.play(clip.clone());
        }
    }
}

/// Advances every playing clip by this frame's time and shows its frame.
fn animate(time: Res<Time>, mut sprites: Query<(&mut Sprite, &mut SheetSprite)>) {
    for (mut sprite, mut sheet) in &mut sprites {
        let Some(player) = sheet.player.as_mut() else { continue };
        let index = player.tick(time.delta_secs()) as usize;
        if let Some(atlas) = sprite.texture_atlas.as_mut() {
            if atlas.index != index {
                atlas.index = index;
            }
        }
    }
}
