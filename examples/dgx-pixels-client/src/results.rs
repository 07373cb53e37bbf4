//! Tool results: the raw `tools/call` answer and the typed `structuredContent` of each tool.
//!
//! Field names follow the published output schemas (`tools/list`). Unknown fields are ignored so a newer server
//! still parses; a field the schema requires that is missing or of the wrong type is an
//! `ClientError::UnexpectedResult` naming it.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::error::ClientError;
use crate::game::sheet::{Clip, SheetDescriptor};
use crate::game::tileset::TilesetDescriptor;

/// A successful `tools/call` answer (an `isError: true` answer is `ClientError::Tool` instead).
#[derive(Debug, Clone, PartialEq)]
pub struct ToolOutput {
    /// The tool that answered.
    pub tool: String,
    /// The content blocks (`text`, `image`, `resource_link`, …) as sent.
    pub content: Vec<Value>,
    /// The `structuredContent`, matching the tool's output schema.
    pub structured: Option<Value>,
}

impl ToolOutput {
    /// Reads a `tools/call` result, turning `isError: true` into `ClientError::Tool` with the server's text.
    pub(crate) fn from_result(tool: &str, result: Value) -> Result<ToolOutput, ClientError> {
        let Value::Object(mut result) = result else {
            return Err(ClientError::unexpected(format!("tools/call {tool}"), "the result is not an object"));
        };
        let content = match result.remove("content") {
            Some(Value::Array(blocks)) => blocks,
            _ => return Err(ClientError::unexpected(format!("tools/call {tool}"), "the result has no content array")),
        };
        let structured = result.remove("structuredContent");
        let output = ToolOutput { tool: tool.to_owned(), content, structured };
        if result.get("isError").and_then(Value::as_bool) == Some(true) {
            return Err(ClientError::Tool {
                tool: tool.to_owned(),
                message: output.text(),
                structured: output.structured,
            });
        }
        Ok(output)
    }

    /// The text blocks, joined by newlines: the server's summary.
    pub fn text(&self) -> String {
        let texts: Vec<&str> = self
            .content
            .iter()
            .filter(|block| block.get("type").and_then(Value::as_str) == Some("text"))
            .filter_map(|block| block.get("text").and_then(Value::as_str))
            .collect();
        texts.join("\n")
    }

    /// The `structuredContent` read as `T`.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, ClientError> {
        let context = format!("tools/call {} structuredContent", self.tool);
        let structured = self.structured.clone().ok_or_else(|| ClientError::unexpected(&context, "missing"))?;
        serde_json::from_value(structured).map_err(|error| ClientError::unexpected(context, error.to_string()))
    }
}

/// Where a job or one of its items stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JobStatus {
    Pending,
    Running,
    Succeeded,
    Partial,
    Failed,
    Cancelled,
}

impl JobStatus {
    /// True once nothing more will happen to it.
    pub fn is_finished(self) -> bool {
        !matches!(self, JobStatus::Pending | JobStatus::Running)
    }

    /// The wire name.
    pub fn name(self) -> &'static str {
        match self {
            JobStatus::Pending => "pending",
            JobStatus::Running => "running",
            JobStatus::Succeeded => "succeeded",
            JobStatus::Partial => "partial",
            JobStatus::Failed => "failed",
            JobStatus::Cancelled => "cancelled",
        }
    }
}

/// The grid of an animation sheet a generate call made: `frame_width` × `frame_height` cells, `columns` frames
/// across and one row per direction (down, left, right, up; then down_left, down_right, up_left, up_right for 8),
/// with clips named `<animation>_<direction>`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AnimationSheet {
    pub columns: u32,
    pub rows: u32,
    pub frame_width: u32,
    pub frame_height: u32,
    #[serde(default)]
    pub clips: Vec<Clip>,
}

impl AnimationSheet {
    /// The clip named `name` (`walk_left`).
    pub fn clip(&self, name: &str) -> Option<&Clip> {
        self.clips.iter().find(|clip| clip.name == name)
    }
}

/// The name this type had before animation sheets were typed; kept so older code still builds.
pub type SheetInfo = AnimationSheet;

/// A generated sprite.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Sprite {
    pub job_id: String,
    pub name: String,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub prompt: Option<String>,
    #[serde(default)]
    pub style: Option<String>,
    /// `procedural` or `comfyui`.
    pub engine: String,
    /// The ComfyUI backend URL, if any.
    #[serde(default)]
    pub backend: Option<String>,
    /// The seed used: pass it back to make the same sprite.
    pub seed: u64,
    pub width: u32,
    pub height: u32,
    /// Absolute path of the PNG in the server's output folder.
    pub path: String,
    /// `sprite://<job>/<file>`, readable with `resources/read`.
    pub uri: String,
    /// True when the same request and seed were served from the cache.
    #[serde(default, deserialize_with = "null_as_false")]
    pub cached: bool,
    #[serde(default)]
    pub colors_used: Option<u32>,
    #[serde(default)]
    pub content_hash: Option<String>,
    /// The PNG validation report.
    pub validation: Value,
    /// Milliseconds per stage.
    #[serde(default)]
    pub timings: Option<Value>,
    /// Set when the sprite is an animation sheet.
    #[serde(default)]
    pub sheet: Option<AnimationSheet>,
    /// Set when the sprite is a tileset (`generate_tileset`), if the server puts the descriptor here.
    #[serde(default)]
    pub tileset: Option<TilesetDescriptor>,
}

fn null_as_false<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(deserializer)?.unwrap_or(false))
}

/// One file a deploy wrote (or would write).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DeployedFile {
    pub path: String,
    /// `png`, `meta`, `manifest`, `sheet` or `collection`.
    pub kind: String,
    /// `created`, `replaced`, `unchanged` or `skipped`.
    pub action: String,
    #[serde(default)]
    pub backup_path: Option<String>,
}

/// One sprite as deployed.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DeployedSprite {
    pub name: String,
    pub category: String,
    /// What the game passes to `asset_server.load`, e.g. `sprites/character/knight.png`.
    pub asset_path: String,
    /// The PNG's path inside the project.
    pub png_path: String,
    #[serde(default)]
    pub meta_path: Option<String>,
    #[serde(default)]
    pub action: Option<String>,
    #[serde(default)]
    pub content_hash: Option<String>,
}

/// What `deploy_to_bevy` (or `deploy_to`) wrote.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Deployment {
    pub project: String,
    #[serde(default)]
    pub bevy_version: Option<String>,
    #[serde(default)]
    pub version_source: Option<String>,
    /// The `.meta` loader string chosen for the project's Bevy version.
    #[serde(default)]
    pub loader: Option<String>,
    #[serde(default)]
    pub dry_run: bool,
    pub sprites: Vec<DeployedSprite>,
    pub files: Vec<DeployedFile>,
    /// The sheet descriptor, for a sheet deploy.
    #[serde(default)]
    pub sheet: Option<SheetDescriptor>,
    #[serde(default)]
    pub backup_path: Option<String>,
    /// `assets/sprites/manifest.json` inside the project (empty when the deploy wrote no manifest entry).
    #[serde(default)]
    pub manifest_path: String,
    #[serde(default)]
    pub notes: Vec<String>,
    /// What did not work but did not stop the deploy (e.g. a game that did not answer `reload`).
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// One item of a job.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct JobItem {
    pub index: u32,
    pub status: JobStatus,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub prompt: Option<String>,
    /// Why it failed.
    #[serde(default)]
    pub error: Option<String>,
    #[serde(default)]
    pub sprite: Option<Sprite>,
}

/// A generate job: what `get_job` and `cancel_job` return, and the `job` of a batch result.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Job {
    pub job_id: String,
    pub status: JobStatus,
    /// `sprite` or `batch`.
    #[serde(default)]
    pub kind: Option<String>,
    pub total: u32,
    #[serde(default)]
    pub succeeded: u32,
    #[serde(default)]
    pub failed: u32,
    /// In input order.
    pub items: Vec<JobItem>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub finished_at: Option<String>,
    /// A batch's contact sheet PNG, once finished.
    #[serde(default)]
    pub contact_sheet: Option<String>,
}

impl Job {
    /// Items with an outcome.
    pub fn done(&self) -> u32 {
        self.items.iter().filter(|item| item.status.is_finished()).count() as u32
    }

    /// The first error text of a failed item, if any.
    pub fn first_error(&self) -> Option<&str> {
        self.items.iter().find_map(|item| item.error.as_deref())
    }
}

/// `generate_sprite`'s `structuredContent`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct SpriteOutput {
    pub job_id: String,
    pub status: JobStatus,
    #[serde(default)]
    pub sprite: Option<Sprite>,
    #[serde(default)]
    pub error: Option<String>,
    #[serde(default)]
    pub deployment: Option<Deployment>,
    /// Where a server may put an animation's grid beside the sprite rather than in it.
    #[serde(default)]
    pub sheet: Option<AnimationSheet>,
}

/// `generate_batch`'s `structuredContent`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct BatchOutput {
    pub job: Job,
    #[serde(default)]
    pub deployment: Option<Deployment>,
    #[serde(default)]
    pub deploy_error: Option<String>,
}

/// A finished `generate_sprite`: the sprite and, with `deploy_to`, where it went in the game.
#[derive(Debug, Clone, PartialEq)]
pub struct SpriteOutcome {
    pub job_id: String,
    pub sprite: Sprite,
    pub deployment: Option<Deployment>,
    /// True when the first answer was `running` and the client followed the job through `get_job`.
    pub followed: bool,
}

impl SpriteOutcome {
    /// The asset path to load (`sprites/<category>/<name>.png`), when the sprite was deployed.
    pub fn asset_path(&self) -> Option<&str> {
        self.deployment.as_ref()?.sprites.first().map(|sprite| sprite.asset_path.as_str())
    }

    /// The deployed PNG inside the project, when deployed; else the PNG in the server's output folder.
    pub fn png_path(&self) -> &str {
        self.deployment
            .as_ref()
            .and_then(|deployment| deployment.sprites.first())
            .map(|sprite| sprite.png_path.as_str())
            .unwrap_or(&self.sprite.path)
    }

    /// True when the server served it from its cache.
    pub fn cached(&self) -> bool {
        self.sprite.cached
    }

    /// The animation grid, for a sheet.
    pub fn sheet(&self) -> Option<&AnimationSheet> {
        self.sprite.sheet.as_ref()
    }
}

/// A finished `generate_batch`: one item per sprite asked for, in input order, and the deployment.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchOutcome {
    pub job: Job,
    pub deployment: Option<Deployment>,
    /// Why deploying some sprites failed (the sprites themselves are in `job`).
    pub deploy_error: Option<String>,
    /// True when the first answer was `running` and the client followed the job through `get_job`.
    pub followed: bool,
}

impl BatchOutcome {
    /// The deployed asset path of item `index`'s sprite, matched by the sprite's category and name.
    pub fn asset_path(&self, index: usize) -> Option<&str> {
        let sprite = self.job.items.get(index)?.sprite.as_ref()?;
        let deployed = &self.deployment.as_ref()?.sprites;
        deployed
            .iter()
            .find(|entry| entry.name == sprite.name && Some(&entry.category) == sprite.category.as_ref())
            .map(|entry| entry.asset_path.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sprite_json() -> Value {
        json!({
            "job_id": "20261202-075700-237e32", "name": "red-knight", "category": "character", "prompt": "red knight",
            "style": "16bit", "engine": "procedural", "backend": null, "prompt_id": null, "cached": null, "seed": 7,
            "width": 32, "height": 32, "path": "/out/20261202-075700-237e32/red-knight.png",
            "uri": "sprite://20261202-075700-237e32/red-knight.png", "file_size": 412, "colors_used": 12,
            "palette": "endesga-32", "content_hash": "sha256:c3", "validation": {"ok": true},
            "timings": {"total_ms": 3.5}
        })
    }

    fn deployment_json() -> Value {
        json!({
            "project": "/games/mine", "bevy_version": "0.17.3", "version_source": "Cargo.toml",
            "loader": "bevy_image::image_loader::ImageLoader", "dry_run": false, "backup_path": null,
            "manifest_path": "/games/mine/assets/sprites/manifest.json", "notes": [], "warnings": [], "sheet": null,
            "sprites": [{"name": "red-knight", "category": "character", "asset_path": "sprites/character/red-knight.png",
                         "png_path": "/games/mine/assets/sprites/character/red-knight.png",
                         "meta_path": "/games/mine/assets/sprites/character/red-knight.png.meta",
                         "action": "created", "content_hash": "sha256:c3"}],
            "files": [{"path": "/games/mine/assets/sprites/character/red-knight.png", "kind": "png", "action": "created"}]
        })
    }

    fn output(structured: Value) -> ToolOutput {
        ToolOutput { tool: "generate_sprite".into(), content: vec![], structured: Some(structured) }
    }

    #[test]
    fn reads_a_sprite_result_without_a_sheet() {
        let parsed: SpriteOutput = output(json!({
            "job_id": "20261202-075700-237e32", "status": "succeeded", "sprite": sprite_json(),
            "deployment": deployment_json()
        }))
        .parse()
        .unwrap();
        let sprite = parsed.sprite.unwrap();
        assert_eq!((sprite.width, sprite.seed, sprite.cached, sprite.sheet.is_none()), (32, 7, false, true));
        let deployment = parsed.deployment.unwrap();
        assert_eq!(deployment.sprites[0].asset_path, "sprites/character/red-knight.png");
        assert_eq!(deployment.files[0].kind, "png");
    }

    #[test]
    fn reads_a_sprite_result_with_a_sheet() {
        let mut sprite = sprite_json();
        sprite["cached"] = json!(true);
        sprite["sheet"] = json!({
            "columns": 4, "rows": 4, "frame_width": 32, "frame_height": 32,
            "clips": [{"name": "walk_down", "first": 0, "last": 3, "fps": 8},
                      {"name": "walk_left", "first": 4, "last": 7, "fps": 8}]
        });
        let parsed: SpriteOutput =
            output(json!({"job_id": "j", "status": "succeeded", "sprite": sprite})).parse().unwrap();
        let outcome =
            SpriteOutcome { job_id: parsed.job_id, sprite: parsed.sprite.unwrap(), deployment: None, followed: false };
        let sheet = outcome.sheet().unwrap();
        assert_eq!((sheet.columns, sheet.rows, sheet.frame_width, sheet.frame_height), (4, 4, 32, 32));
        assert_eq!(sheet.clips[1], Clip::new("walk_left", 4, 7, 8.0));
        assert!(outcome.cached());
        assert_eq!(outcome.asset_path(), None);
        assert_eq!(outcome.png_path(), "/out/20261202-075700-237e32/red-knight.png");
    }

    #[test]
    fn a_malformed_sheet_is_an_error_naming_the_field() {
        let mut sprite = sprite_json();
        sprite["sheet"] = json!({"columns": 4, "rows": 1, "frame_width": "wide", "frame_height": 32});
        let error = output(json!({"job_id": "j", "status": "succeeded", "sprite": sprite}))
            .parse::<SpriteOutput>()
            .unwrap_err();
        assert!(matches!(&error, ClientError::UnexpectedResult { .. }), "{error:?}");
        assert!(error.to_string().contains("generate_sprite"), "{error}");
    }

    #[test]
    fn a_missing_required_field_is_named() {
        let mut sprite = sprite_json();
        sprite.as_object_mut().unwrap().remove("width");
        let error = output(json!({"job_id": "j", "status": "succeeded", "sprite": sprite}))
            .parse::<SpriteOutput>()
            .unwrap_err();
        assert!(error.to_string().contains("width"), "{error}");
    }

    #[test]
    fn a_running_answer_has_only_the_job() {
        let parsed: SpriteOutput =
            output(json!({"job_id": "20261202-075726-781a31", "status": "running"})).parse().unwrap();
        assert_eq!(parsed.status, JobStatus::Running);
        assert!(parsed.sprite.is_none() && !parsed.status.is_finished());
    }

    #[test]
    fn an_is_error_result_becomes_a_tool_error_with_the_servers_text() {
        let result = json!({
            "content": [{"type": "text", "text": "Invalid argument 'size': expected integer or string, got integer 10000"}],
            "isError": true
        });
        assert_eq!(
            ToolOutput::from_result("generate_sprite", result),
            Err(ClientError::Tool {
                tool: "generate_sprite".into(),
                message: "Invalid argument 'size': expected integer or string, got integer 10000".into(),
                structured: None
            })
        );
    }

    #[test]
    fn a_successful_result_keeps_its_content_and_text() {
        let result = json!({
            "content": [{"type": "text", "text": "Generated"}, {"type": "resource_link", "uri": "sprite://j/x.png"},
                        {"type": "text", "text": "Deployed"}],
            "isError": false,
            "structuredContent": {"job_id": "j", "status": "running"}
        });
        let output = ToolOutput::from_result("generate_sprite", result).unwrap();
        assert_eq!(output.text(), "Generated\nDeployed");
        assert_eq!(output.content.len(), 3);
        assert!(ToolOutput::from_result("x", json!({"isError": false})).is_err(), "content is required");
        assert!(ToolOutput::from_result("x", json!([])).is_err());
    }

    #[test]
    fn reads_a_batch_with_per_item_results() {
        let parsed: BatchOutput = ToolOutput {
            tool: "generate_batch".into(),
            content: vec![],
            structured: Some(json!({
                "job": {
                    "job_id": "j", "kind": "batch", "status": "partial", "total": 2, "succeeded": 1, "failed": 1,
                    "created_at": "2026-12-02T07:57:19Z", "finished_at": "2026-12-02T07:57:20Z", "contact_sheet": null,
                    "items": [
                        {"index": 0, "name": "red-knight", "prompt": "red knight", "status": "succeeded", "sprite": sprite_json()},
                        {"index": 1, "name": "ghost", "prompt": "ghost", "status": "failed", "error": "validation failed", "sprite": null}
                    ]
                },
                "deployment": deployment_json()
            })),
        }
        .parse()
        .unwrap();
        let outcome = BatchOutcome {
            job: parsed.job,
            deployment: parsed.deployment,
            deploy_error: parsed.deploy_error,
            followed: false,
        };
        assert_eq!((outcome.job.status, outcome.job.done()), (JobStatus::Partial, 2));
        assert_eq!(outcome.job.first_error(), Some("validation failed"));
        assert_eq!(outcome.asset_path(0), Some("sprites/character/red-knight.png"));
        assert_eq!(outcome.asset_path(1), None);
    }

    #[test]
    fn an_unknown_status_is_refused() {
        let error = output(json!({"job_id": "j", "status": "exploded"})).parse::<SpriteOutput>().unwrap_err();
        assert!(error.to_string().contains("exploded"), "{error}");
    }
}
