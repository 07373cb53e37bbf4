//! The island map: `tilesets/grass-water.png` cut by its `.tileset.json`, each cell's tile chosen by
//! dgx-pixels-client's wang16 autotiler from a fixed vertex pattern, drawn with bevy_ecs_tilemap 0.17.0. The map is
//! built again whenever the descriptor or the PNG changes (hot reload, or a deploy reloaded by path).

use bevy::prelude::*;
use bevy_ecs_tilemap::prelude::*;
use dgx_pixels_client::game::{tile_position, TilesetDescriptor, VertexGrid, ISLAND_MAP};

use crate::assets::TilesetAsset;
use crate::requests::tileset_descriptor_path;

/// On-screen pixels per tileset pixel: whole numbers keep pixel art crisp.
const MAP_SCALE: f32 = 3.0;

/// The tileset's handles, the descriptor the map on screen was built from, and its tilemap entity.
#[derive(Resource)]
struct IslandMap {
    descriptor: Handle<TilesetAsset>,
    image: Handle<Image>,
    built_from: Option<TilesetDescriptor>,
    image_changed: bool,
    tilemap: Option<Entity>,
}

/// Loads the tileset and keeps the map in step with it.
pub struct IslandMapPlugin;

impl Plugin for IslandMapPlugin {
    fn build(&self, app: &mut App) {
        app.add_plugins(TilemapPlugin)
            .add_systems(Startup, load_tileset)
            .add_systems(Update, (watch_image, build_map).chain());
    }
}

/// Starts loading the descriptor and the PNG. A tileset not deployed yet fails to load; the request that deploys
/// it reloads both by path.
fn load_tileset(mut commands: Commands, asset_server: Res<AssetServer>) {
    let descriptor_path = tileset_descriptor_path();
    let image = asset_server.load::<Image>(TilesetDescriptor::image_path_for(&descriptor_path));
    let descriptor = asset_server.load::<TilesetAsset>(descriptor_path);
    commands.insert_resource(IslandMap { descriptor, image, built_from: None, image_changed: false, tilemap: None });
}

/// Notes when the tileset PNG changed, so the map is rebuilt with the new picture (a new tile size comes with a
/// new descriptor as well).
fn watch_image(mut events: MessageReader<AssetEvent<Image>>, mut map: ResMut<IslandMap>) {
    let id = map.image.id();
    if events.read().any(|event| event.is_modified(id)) {
        map.image_changed = true;
    }
}

/// (Re)builds the map when the descriptor has loaded or changed, or the PNG has: the old tiles and tilemap are
/// despawned, and one tile entity per cell is spawned with the index the autotiler chose.
fn build_map(
    mut commands: Commands,
    tilesets: Res<Assets<TilesetAsset>>,
    mut map: ResMut<IslandMap>,
    mut storages: Query<&mut TileStorage>,
) {
    let Some(TilesetAsset(descriptor)) = tilesets.get(&map.descriptor) else { return };
    if map.built_from.as_ref() == Some(descriptor) && !map.image_changed {
        return;
    }
    let descriptor = descriptor.clone();
    map.image_changed = false;
    map.built_from = Some(descriptor.clone());
    if let Some(old) = map.tilemap.take() {
        if let Ok(mut storage) = storages.get_mut(old) {
            for tile in storage.drain() {
                commands.entity(tile).despawn();
            }
        }
        commands.entity(old).despawn();
    }
    let cells = VertexGrid::from_rows(&ISLAND_MAP).and_then(|grid| Ok((descriptor.autotile(&grid)?, grid)));
    let (cells, grid) = match cells {
        Ok(cells) => cells,
        Err(error) => {
            warn!("cannot lay out the island map: {error}");
            return;
        }
    };
    let size = TilemapSize { x: grid.columns() as u32, y: grid.rows() as u32 };
    let tilemap = commands.spawn_empty().id();
    let mut storage = TileStorage::empty(size);
    for (cell, index) in cells.iter().enumerate() {
        let (x, y) = tile_position(cell, grid.columns(), grid.rows());
        let position = TilePos { x, y };
        let tile = commands
            .spawn(TileBundle {
                position,
                tilemap_id: TilemapId(tilemap),
                texture_index: TileTextureIndex(*index),
                ..default()
            })
            .id();
        storage.set(&position, tile);
    }
    let tile_size = TilemapTileSize { x: descriptor.tile_size as f32, y: descriptor.tile_size as f32 };
    commands.entity(tilemap).insert(TilemapBundle {
        grid_size: tile_size.into(),
        map_type: TilemapType::Square,
        size,
        storage,
        texture: TilemapTexture::Single(map.image.clone()),
        tile_size,
        anchor: TilemapAnchor::Center,
        // Behind the sprites: the ground they stand on.
        transform: Transform::from_xyz(0.0, -40.0, -10.0).with_scale(Vec3::splat(MAP_SCALE)),
        ..default()
    });
    map.tilemap = Some(tilemap);
    info!("island map laid out from {} ({} tiles, {})", tileset_descriptor_path(), cells.len(), descriptor.layout);
}
