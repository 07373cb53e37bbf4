//! The deploy manifest, sheet descriptors and tileset descriptors as Bevy assets, so edits and new deploys
//! hot-reload. Parsing and checking are dgx-pixels-client's (`Manifest::from_json`, `SheetDescriptor::from_json`,
//! `TilesetDescriptor::from_json`); this is the glue.

use bevy::asset::io::Reader;
use bevy::asset::{AssetLoader, LoadContext};
use bevy::prelude::*;
use dgx_pixels_client::game::{Manifest, SheetDescriptor, TilesetDescriptor};
use dgx_pixels_client::ClientError;

/// `assets/sprites/manifest.json`.
#[derive(Asset, TypePath, Debug)]
pub struct ManifestAsset(pub Manifest);

/// A `<name>.sheet.json` descriptor.
#[derive(Asset, TypePath, Debug)]
pub struct SheetAsset(pub SheetDescriptor);

/// A `<name>.tileset.json` descriptor.
#[derive(Asset, TypePath, Debug)]
pub struct TilesetAsset(pub TilesetDescriptor);

/// Registers the asset types and their loaders.
pub struct SpriteAssetsPlugin;

impl Plugin for SpriteAssetsPlugin {
    fn build(&self, app: &mut App) {
        app.init_asset::<ManifestAsset>()
            .init_asset::<SheetAsset>()
            .init_asset::<TilesetAsset>()
            .init_asset_loader::<ManifestLoader>()
            .init_asset_loader::<SheetLoader>()
            .init_asset_loader::<TilesetLoader>();
    }
}

/// The asset's bytes. Takes the path as text, not the `LoadContext`, so the future holds nothing that is not
/// `Send` across the await (asset loaders must return `Send` futures).
async fn read_all(reader: &mut dyn Reader, source: &str) -> Result<Vec<u8>, ClientError> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .await
        .map_err(|error| ClientError::Io { context: format!("reading {source}"), reason: error.to_string() })?;
    Ok(bytes)
}

/// Loads the manifest. Typed loads pick a loader by asset type first, so `load::<ManifestAsset>` always lands
/// here; the `json` extension only matters for untyped loads, and `.sheet.json` files match the longer
/// `sheet.json` extension of `SheetLoader` first.
#[derive(Default)]
pub struct ManifestLoader;

impl AssetLoader for ManifestLoader {
    type Asset = ManifestAsset;
    type Settings = ();
    type Error = ClientError;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        load_context: &mut LoadContext<'_>,
    ) -> Result<ManifestAsset, ClientError> {
        let source = load_context.path().display().to_string();
        let bytes = read_all(reader, &source).await?;
        Manifest::from_json(&bytes, &source).map(ManifestAsset)
    }

    fn extensions(&self) -> &[&str] {
        &["json"]
    }
}

/// Loads `<name>.sheet.json`, refusing a descriptor whose clips would index past its grid.
#[derive(Default)]
pub struct SheetLoader;

impl AssetLoader for SheetLoader {
    type Asset = SheetAsset;
    type Settings = ();
    type Error = ClientError;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        load_context: &mut LoadContext<'_>,
    ) -> Result<SheetAsset, ClientError> {
        let source = load_context.path().display().to_string();
        let bytes = read_all(reader, &source).await?;
        SheetDescriptor::from_json(&bytes, &source).map(SheetAsset)
    }

    fn extensions(&self) -> &[&str] {
        &["sheet.json"]
    }
}

/// Loads `<name>.tileset.json`, refusing a descriptor with tiles off its grid.
#[derive(Default)]
pub struct TilesetLoader;

impl AssetLoader for TilesetLoader {
    type Asset = TilesetAsset;
    type Settings = ();
    type Error = ClientError;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        load_context: &mut LoadContext<'_>,
    ) -> Result<TilesetAsset, ClientError> {
        let source = load_context.path().display().to_string();
        let bytes = read_all(reader, &source).await?;
        TilesetDescriptor::from_json(&bytes, &source).map(TilesetAsset)
    }

    fn extensions(&self) -> &[&str] {
        &["tileset.json"]
    }
}
