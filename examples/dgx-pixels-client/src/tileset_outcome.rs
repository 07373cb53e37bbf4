//! `generate_tileset`'s result: the tileset PNG (as a sprite), its descriptor, and where a deploy put it.
//!
//! Read tolerantly: the descriptor may sit beside the sprite (`tileset`) or in it, unknown fields are ignored, and
//! a deployment report that does not match the sprite deploy's shape is kept raw rather than refused.

use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use crate::error::ClientError;
use crate::game::manifest::asset_file;
use crate::game::tileset::TilesetDescriptor;
use crate::results::{Deployment, JobStatus, Sprite};

/// `generate_tileset`'s `structuredContent`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct TilesetOutput {
    pub job_id: String,
    pub status: JobStatus,
    #[serde(default)]
    pub sprite: Option<Sprite>,
    #[serde(default)]
    pub error: Option<String>,
    #[serde(default)]
    pub deployment: Option<Value>,
    #[serde(default)]
    pub tileset: Option<TilesetDescriptor>,
}

/// A finished `generate_tileset`: the image, its descriptor and, with `deploy_to`, where it went in the game.
#[derive(Debug, Clone, PartialEq)]
pub struct TilesetOutcome {
    pub job_id: String,
    /// The tileset PNG in the server's output folder (path, size, seed, `cached`, …).
    pub sprite: Sprite,
    /// Which tile is where and what its corners join: the `.tileset.json`.
    pub tileset: TilesetDescriptor,
    /// The deploy report, when it has the shape of a sprite deploy's.
    pub deployment: Option<Deployment>,
    /// The deploy report as sent.
    pub deployment_raw: Option<Value>,
    /// True when the first answer was `running` and the client followed the job through `get_job`.
    pub followed: bool,
}

impl TilesetOutcome {
    /// Puts an outcome together from an answer, finding the descriptor beside the sprite, in it, or (when
    /// deployed into `project`) in the deployed `.tileset.json`.
    pub(crate) fn assemble(
        job_id: String,
        sprite: Sprite,
        tileset: Option<TilesetDescriptor>,
        deployment_raw: Option<Value>,
        project: Option<&str>,
        followed: bool,
    ) -> Result<TilesetOutcome, ClientError> {
        let deployment = deployment_raw.clone().and_then(|raw| serde_json::from_value::<Deployment>(raw).ok());
        let mut outcome = TilesetOutcome {
            job_id,
            tileset: TilesetDescriptor { layout: String::new(), tile_size: 0, columns: 0, rows: 0, tiles: vec![] },
            sprite,
            deployment,
            deployment_raw,
            followed,
        };
        let descriptor = match tileset.or_else(|| outcome.sprite.tileset.clone()) {
            Some(descriptor) => descriptor,
            None => outcome.read_deployed_descriptor(project)?,
        };
        descriptor.check().map_err(|reason| ClientError::unexpected("generate_tileset tileset", reason))?;
        outcome.tileset = descriptor;
        Ok(outcome)
    }

    fn read_deployed_descriptor(&self, project: Option<&str>) -> Result<TilesetDescriptor, ClientError> {
        let missing = || ClientError::unexpected("generate_tileset structuredContent", "no tileset descriptor");
        let (Some(project), Some(image)) = (project, self.asset_path()) else { return Err(missing()) };
        let path = asset_file(Path::new(project), &TilesetDescriptor::json_path_for(&image));
        let bytes = std::fs::read(&path).map_err(|_| missing())?;
        TilesetDescriptor::from_json(&bytes, &path.display().to_string())
    }

    /// The asset path of the deployed PNG (`tilesets/<name>.png`), when it was deployed.
    pub fn asset_path(&self) -> Option<String> {
        if let Some(sprite) = self.deployment.as_ref().and_then(|deployment| deployment.sprites.first()) {
            return Some(sprite.asset_path.clone());
        }
        let raw = self.deployment_raw.as_ref()?;
        let named = ["asset_path", "png"].iter().find_map(|key| raw.get(*key).and_then(Value::as_str));
        if let Some(path) = named {
            return Some(path.to_owned());
        }
        // Else the PNG among the files written, by its place under assets/.
        let files = raw.get("files").and_then(Value::as_array)?;
        files.iter().filter_map(|file| file.get("path").and_then(Value::as_str)).find_map(|path| {
            let (_, under_assets) = path.rsplit_once("/assets/")?;
            under_assets.ends_with(".png").then(|| under_assets.to_owned())
        })
    }

    /// The asset path of the deployed descriptor (`tilesets/<name>.tileset.json`), when deployed.
    pub fn descriptor_asset_path(&self) -> Option<String> {
        self.asset_path().map(|image| TilesetDescriptor::json_path_for(&image))
    }

    /// True when the server served it from its cache.
    pub fn cached(&self) -> bool {
        self.sprite.cached
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::ToolOutput;
    use serde_json::json;

    fn sprite_json() -> Value {
        json!({
            "job_id": "j", "name": "grass-water", "engine": "procedural", "seed": 5, "width": 64, "height": 64,
            "path": "/out/j/grass-water.png", "uri": "sprite://j/grass-water.png", "validation": {"ok": true}
        })
    }

    fn tileset_json() -> Value {
        let tiles: Vec<Value> = (0..16)
            .map(|index| json!({"index": index, "corners": [index & 1, (index >> 1) & 1, (index >> 2) & 1, (index >> 3) & 1]}))
            .collect();
        json!({"layout": "wang16", "tile_size": 16, "columns": 4, "rows": 4, "tiles": tiles})
    }

    fn parse(structured: Value) -> TilesetOutput {
        ToolOutput { tool: "generate_tileset".into(), content: vec![], structured: Some(structured) }.parse().unwrap()
    }

    #[test]
    fn reads_the_descriptor_beside_the_sprite_and_a_files_only_deployment() {
        let answer = parse(json!({
            "job_id": "j", "status": "succeeded", "sprite": sprite_json(), "tileset": tileset_json(),
            "deployment": {"project": "/g", "files": [
                {"path": "/g/assets/tilesets/grass-water.tileset.ron", "kind": "tileset", "action": "created"},
                {"path": "/g/assets/tilesets/grass-water.png", "kind": "png", "action": "created"}
            ]}
        }));
        let outcome = TilesetOutcome::assemble(
            answer.job_id,
            answer.sprite.unwrap(),
            answer.tileset,
            answer.deployment,
            None,
            false,
        )
        .unwrap();
        assert_eq!(outcome.tileset.tile_for([0, 1, 1, 0]), Some(6));
        assert_eq!(outcome.deployment, None, "no sprites array: not a sprite deploy's shape");
        assert_eq!(outcome.asset_path().as_deref(), Some("tilesets/grass-water.png"));
        assert_eq!(outcome.descriptor_asset_path().as_deref(), Some("tilesets/grass-water.tileset.json"));
    }

    #[test]
    fn reads_the_descriptor_inside_the_sprite_and_a_sprite_shaped_deployment() {
        let mut sprite = sprite_json();
        sprite["tileset"] = tileset_json();
        let answer = parse(json!({
            "job_id": "j", "status": "succeeded", "sprite": sprite,
            "deployment": {"project": "/g", "files": [], "sprites": [{
                "name": "grass-water", "category": "tilesets", "asset_path": "tilesets/grass-water.png",
                "png_path": "/g/assets/tilesets/grass-water.png"}]}
        }));
        let outcome = TilesetOutcome::assemble(
            answer.job_id,
            answer.sprite.unwrap(),
            answer.tileset,
            answer.deployment,
            None,
            true,
        )
        .unwrap();
        assert_eq!((outcome.tileset.columns, outcome.followed), (4, true));
        assert_eq!(outcome.asset_path().as_deref(), Some("tilesets/grass-water.png"));
    }

    #[test]
    fn no_descriptor_anywhere_is_an_unexpected_result() {
        let answer = parse(json!({"job_id": "j", "status": "succeeded", "sprite": sprite_json()}));
        let error =
            TilesetOutcome::assemble(answer.job_id, answer.sprite.unwrap(), None, None, Some("/nonexistent"), false)
                .unwrap_err();
        assert!(error.to_string().contains("no tileset descriptor"), "{error}");
        let mut bad = tileset_json();
        bad["columns"] = json!(0);
        let answer = parse(json!({"job_id": "j", "status": "succeeded", "sprite": sprite_json(), "tileset": bad}));
        let error = TilesetOutcome::assemble(answer.job_id, answer.sprite.unwrap(), answer.tileset, None, None, false)
            .unwrap_err();
        assert!(error.to_string().contains("no cells"), "{error}");
    }
}
