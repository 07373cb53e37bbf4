//! `assets/sprites/manifest.json`: every sprite DGX-Pixels deployed into a project.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::ClientError;

/// The manifest's asset path, relative to the asset folder.
pub const MANIFEST_ASSET_PATH: &str = "sprites/manifest.json";

/// A sprite sheet's descriptors and grid, as the manifest records them.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ManifestSheet {
    /// Asset path of `<name>.sheet.ron`.
    pub ron: String,
    /// Asset path of `<name>.sheet.json`.
    pub json: String,
    pub tile_size_x: u32,
    pub tile_size_y: u32,
    pub columns: u32,
    pub rows: u32,
    /// Clip names, in descriptor order.
    #[serde(default)]
    pub clips: Vec<String>,
}

/// One deployed sprite.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ManifestEntry {
    /// The path a game passes to `asset_server.load`.
    pub asset_path: String,
    pub category: String,
    pub name: String,
    pub width: u32,
    pub height: u32,
    #[serde(default = "one")]
    pub frames: u32,
    /// Set for a sprite sheet.
    #[serde(default)]
    pub sheet: Option<ManifestSheet>,
    #[serde(default)]
    pub prompt: Option<String>,
    #[serde(default)]
    pub seed: Option<u64>,
    #[serde(default)]
    pub engine: Option<String>,
    /// `sha256:<hex>` of the PNG: changes whenever the picture does.
    pub content_hash: String,
    pub deployed_at: String,
}

fn one() -> u32 {
    1
}

/// The manifest: sprites by `<category>/<name>`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Manifest {
    pub version: u32,
    #[serde(default)]
    pub generator: Option<String>,
    #[serde(default)]
    pub sprites: BTreeMap<String, ManifestEntry>,
}

impl Manifest {
    /// Reads a manifest; `source` names it in errors. Only version 1 is understood.
    pub fn from_json(bytes: &[u8], source: &str) -> Result<Manifest, ClientError> {
        let manifest: Manifest = serde_json::from_slice(bytes)
            .map_err(|error| ClientError::InvalidData { file: source.to_owned(), reason: error.to_string() })?;
        if manifest.version != 1 {
            return Err(ClientError::InvalidData {
                file: source.to_owned(),
                reason: format!("manifest version {} is not the supported version 1", manifest.version),
            });
        }
        Ok(manifest)
    }

    /// Reads `<project>/assets/sprites/manifest.json`; a project with no manifest yet has an empty one.
    pub fn load(project: &Path) -> Result<Manifest, ClientError> {
        let path = manifest_path(project);
        match std::fs::read(&path) {
            Ok(bytes) => Manifest::from_json(&bytes, &path.display().to_string()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                Ok(Manifest { version: 1, generator: None, sprites: BTreeMap::new() })
            }
            Err(error) => {
                Err(ClientError::Io { context: format!("reading {}", path.display()), reason: error.to_string() })
            }
        }
    }

    /// The entry for `<category>/<name>`.
    pub fn entry(&self, key: &str) -> Option<&ManifestEntry> {
        self.sprites.get(key)
    }

    /// The keys of `wanted` (`<category>/<name>`) that the manifest does not list, in the order given.
    pub fn missing<'a>(&self, wanted: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
        wanted.into_iter().filter(|key| !self.sprites.contains_key(*key)).collect()
    }

    /// Entries whose `content_hash` differs from (or is absent in) `earlier`: what a game must (re)load after the
    /// manifest changed.
    pub fn changed_since<'a>(&'a self, earlier: &Manifest) -> Vec<&'a ManifestEntry> {
        self.sprites
            .iter()
            .filter(|(key, entry)| earlier.sprites.get(*key).map(|old| &old.content_hash) != Some(&entry.content_hash))
            .map(|(_, entry)| entry)
            .collect()
    }
}

/// The key a manifest files a sprite under.
pub fn manifest_key(category: &str, name: &str) -> String {
    format!("{category}/{name}")
}

/// `<project>/assets/sprites/manifest.json`.
pub fn manifest_path(project: &Path) -> PathBuf {
    asset_file(project, MANIFEST_ASSET_PATH)
}

/// The file behind an asset path, for a project using Bevy's default `assets/` folder.
pub fn asset_file(project: &Path, asset_path: &str) -> PathBuf {
    let mut path = project.join("assets");
    path.extend(asset_path.split('/'));
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape `Sources/BevyAssets/Manifest.swift` writes (absent values as null).
    const MANIFEST: &str = r#"{
      "generator" : "dgx-pixels",
      "sprites" : {
        "character/knight" : {
          "asset_path" : "sprites/character/knight.png", "category" : "character", "content_hash" : "sha256:aa",
          "deployed_at" : "2026-12-01T10:00:00Z", "engine" : "procedural", "frames" : 1, "height" : 32,
          "name" : "knight", "prompt" : "red knight", "seed" : 7, "sheet" : null, "width" : 32
        },
        "creature/blue-slime" : {
          "asset_path" : "sprites/creature/blue-slime.png", "category" : "creature", "content_hash" : "sha256:bb",
          "deployed_at" : "2026-12-01T10:00:01Z", "engine" : null, "frames" : 4, "height" : 16, "name" : "blue-slime",
          "prompt" : null, "seed" : null, "width" : 64,
          "sheet" : { "clips" : [ "idle" ], "columns" : 4, "json" : "sprites/creature/blue-slime.sheet.json",
                      "ron" : "sprites/creature/blue-slime.sheet.ron", "rows" : 1, "tile_size_x" : 16, "tile_size_y" : 16 }
        }
      },
      "version" : 1
    }"#;

    #[test]
    fn reads_sprites_and_sheets() {
        let manifest = Manifest::from_json(MANIFEST.as_bytes(), "manifest.json").unwrap();
        let knight = manifest.entry("character/knight").unwrap();
        assert_eq!(
            (knight.asset_path.as_str(), knight.seed, knight.sheet.is_none()),
            ("sprites/character/knight.png", Some(7), true)
        );
        let slime = manifest.entry(&manifest_key("creature", "blue-slime")).unwrap();
        let sheet = slime.sheet.as_ref().unwrap();
        assert_eq!(
            (sheet.json.as_str(), sheet.columns, slime.frames),
            ("sprites/creature/blue-slime.sheet.json", 4, 4)
        );
        assert_eq!(sheet.clips, vec!["idle".to_owned()]);
    }

    #[test]
    fn tells_which_wanted_sprites_are_missing() {
        let manifest = Manifest::from_json(MANIFEST.as_bytes(), "manifest.json").unwrap();
        assert_eq!(
            manifest.missing(["character/knight", "item/coin", "creature/blue-slime", "tile/grass"]),
            vec!["item/coin", "tile/grass"]
        );
    }

    #[test]
    fn tells_which_sprites_changed() {
        let before = Manifest::from_json(MANIFEST.as_bytes(), "manifest.json").unwrap();
        let mut after = before.clone();
        assert!(after.changed_since(&before).is_empty());
        if let Some(knight) = after.sprites.get_mut("character/knight") {
            knight.content_hash = "sha256:cc".into();
        }
        let mut coin = before.sprites["character/knight"].clone();
        coin.name = "coin".into();
        after.sprites.insert("item/coin".into(), coin);
        let changed: Vec<&str> = after.changed_since(&before).iter().map(|entry| entry.name.as_str()).collect();
        assert_eq!(changed, vec!["knight", "coin"]);
    }

    #[test]
    fn refuses_other_versions_and_names_the_file() {
        let error =
            Manifest::from_json(br#"{"version":2,"sprites":{}}"#, "/g/assets/sprites/manifest.json").unwrap_err();
        assert_eq!(
            error.to_string(),
            "/g/assets/sprites/manifest.json cannot be used: manifest version 2 is not the supported version 1"
        );
        assert!(Manifest::from_json(b"{", "m.json").is_err());
    }

    #[test]
    fn a_project_without_a_manifest_has_no_sprites() {
        let manifest = Manifest::load(Path::new("/nonexistent/dgx-pixels-project")).unwrap();
        assert!(manifest.sprites.is_empty());
    }

    #[test]
    fn asset_paths_map_onto_the_assets_folder() {
        assert_eq!(
            asset_file(Path::new("/g"), "sprites/item/coin.png"),
            PathBuf::from("/g/assets/sprites/item/coin.png")
        );
        assert_eq!(manifest_path(Path::new("/g")), PathBuf::from("/g/assets/sprites/manifest.json"));
    }
}
