//! Tool arguments: typed builders for the common ones, and `arg` for everything else.
//!
//! Every builder is a JSON object underneath. The typed setters only spell the published schema
//! (`tools/list`, mirrored in docs/tools.md); `arg(key, value)` sets any key, so an argument the server adds later
//! works without a new client. The server checks every argument
//! against its schema and answers a bad one with an error naming it.

use serde_json::{json, Map, Value};

/// `arg`, `arguments` and `into_arguments` for a builder whose `arguments` field is the JSON object it sends.
macro_rules! arguments_object {
    ($type:ty) => {
        impl $type {
            /// Sets any argument, replacing an earlier value: the way to reach arguments without a typed setter.
            pub fn arg(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
                self.arguments.insert(key.into(), value.into());
                self
            }

            /// The arguments as they will be sent.
            pub fn arguments(&self) -> &Map<String, Value> {
                &self.arguments
            }

            /// The arguments, consumed.
            pub fn into_arguments(self) -> Map<String, Value> {
                self.arguments
            }
        }
    };
}
pub(crate) use arguments_object;

/// Setters shared by `generate_sprite`, `generate_batch` (as shared options) and batch items.
macro_rules! sprite_options {
    ($type:ty) => {
        arguments_object!($type);

        impl $type {
            /// Style preset: `16bit` (default), `8bit`, `gameboy`, `hd-pixel`, `pico8`, or one from the config.
            pub fn style(self, style: impl Into<String>) -> Self {
                self.arg("style", style.into())
            }

            /// Square size in pixels (8–256 by default).
            pub fn size(self, edge: u32) -> Self {
                self.arg("size", edge)
            }

            /// Width × height in pixels (`"32x48"` on the wire).
            pub fn size_wh(self, width: u32, height: u32) -> Self {
                self.arg("size", format!("{width}x{height}"))
            }

            /// Seed: the same prompt, seed and options give the same sprite.
            pub fn seed(self, seed: u64) -> Self {
                self.arg("seed", seed)
            }

            /// Category: picks the shape family and the `assets/sprites/<category>/` folder.
            pub fn category(self, category: impl Into<String>) -> Self {
                self.arg("category", category.into())
            }

            /// Palette by name (`pico-8`, `nes`, `gameboy`, `endesga-32`, …, or `none`).
            pub fn palette(self, name: impl Into<String>) -> Self {
                self.arg("palette", name.into())
            }

            /// Palette as hex colours (`"#1a1c2c"`, 2–256 of them).
            pub fn palette_colors<S: Into<String>>(self, colors: impl IntoIterator<Item = S>) -> Self {
                let colors: Vec<Value> = colors.into_iter().map(|color| Value::String(color.into())).collect();
                self.arg("palette", colors)
            }

            /// Most colours the sprite may use (2–256).
            pub fn colors(self, colors: u32) -> Self {
                self.arg("colors", colors)
            }

            /// `transparent` (default), `keep`, or a hex colour.
            pub fn background(self, background: impl Into<String>) -> Self {
                self.arg("background", background.into())
            }

            /// Draw a 1 px dark outline.
            pub fn outline(self, outline: bool) -> Self {
                self.arg("outline", outline)
            }

            /// `none`, `ordered` or `floyd-steinberg`.
            pub fn dither(self, dither: impl Into<String>) -> Self {
                self.arg("dither", dither.into())
            }

            /// What diffusion should avoid (ComfyUI).
            pub fn negative_prompt(self, text: impl Into<String>) -> Self {
                self.arg("negative_prompt", text.into())
            }

            /// ComfyUI workflow template.
            pub fn workflow(self, name: impl Into<String>) -> Self {
                self.arg("workflow", name.into())
            }

            /// Sampler steps (ComfyUI, 1–150).
            pub fn steps(self, steps: u32) -> Self {
                self.arg("steps", steps)
            }

            /// Classifier-free guidance (ComfyUI, 0–30).
            pub fn cfg(self, cfg: f64) -> Self {
                self.arg("cfg", cfg)
            }

            /// Sampler name (ComfyUI).
            pub fn sampler(self, name: impl Into<String>) -> Self {
                self.arg("sampler", name.into())
            }

            /// Scheduler name (ComfyUI).
            pub fn scheduler(self, name: impl Into<String>) -> Self {
                self.arg("scheduler", name.into())
            }

            /// Checkpoint file on the ComfyUI server.
            pub fn checkpoint(self, file: impl Into<String>) -> Self {
                self.arg("checkpoint", file.into())
            }

            /// LoRA file on the ComfyUI server.
            pub fn lora(self, file: impl Into<String>) -> Self {
                self.arg("lora", file.into())
            }

            /// LoRA strength (−4 to 4).
            pub fn lora_strength(self, strength: f64) -> Self {
                self.arg("lora_strength", strength)
            }

            /// The square resolution diffusion paints at (multiples of 8, 64–2048), not the sprite's size.
            pub fn generation_size(self, edge: u32) -> Self {
                self.arg("generation_size", edge)
            }

            /// Make it again even when the cache holds the same request and seed.
            pub fn force(self, force: bool) -> Self {
                self.arg("force", force)
            }

            /// Make an animation sheet: `idle`, `walk`, `run`, `attack`, `hurt` or `death`. The result is one PNG,
            /// `frames` columns by `directions` rows, with clips named `<animation>_<direction>`.
            pub fn animation(self, animation: impl Into<String>) -> Self {
                self.arg("animation", animation.into())
            }

            /// Frames per direction of an animation sheet (2–16).
            pub fn frames(self, frames: u32) -> Self {
                self.arg("frames", frames)
            }

            /// Facings of an animation sheet: 1, 4 (rows down, left, right, up) or 8 (then down_left, down_right,
            /// up_left, up_right).
            pub fn directions(self, directions: u32) -> Self {
                self.arg("directions", directions)
            }

            /// Frames per second of the sheet's clips.
            pub fn fps(self, fps: f64) -> Self {
                self.arg("fps", fps)
            }

            /// How far each animation frame may move from the one it is painted from (ComfyUI, 0.05–1).
            pub fn denoise(self, denoise: f64) -> Self {
                self.arg("denoise", denoise)
            }
        }
    };
}

/// Arguments of `generate_sprite`.
#[derive(Debug, Clone, PartialEq)]
pub struct SpriteRequest {
    arguments: Map<String, Value>,
}

impl SpriteRequest {
    /// A sprite of `prompt` with every other option at the server's default.
    pub fn new(prompt: impl Into<String>) -> Self {
        let mut arguments = Map::new();
        arguments.insert("prompt".into(), Value::String(prompt.into()));
        SpriteRequest { arguments }
    }

    /// File name without `.png` (`[a-z0-9_-]{1,64}`); default: made from the prompt.
    pub fn name(self, name: impl Into<String>) -> Self {
        self.arg("name", name.into())
    }

    /// Also deploy the sprite into this Bevy project (`assets/sprites/<category>/<name>.png`).
    pub fn deploy_to(self, project: impl Into<String>) -> Self {
        self.arg("deploy_to", project.into())
    }

    /// How long the server waits before answering `status: "running"` (the client then follows the job).
    pub fn wait_seconds(self, seconds: f64) -> Self {
        self.arg("wait_seconds", seconds)
    }

    /// Whether the result carries an inline preview image (server default: true).
    pub fn return_image(self, include: bool) -> Self {
        self.arg("return_image", include)
    }

    /// The Bevy project given to `deploy_to`, if any.
    pub fn deploy_target(&self) -> Option<&str> {
        self.arguments.get("deploy_to").and_then(Value::as_str)
    }
}

sprite_options!(SpriteRequest);

/// One item of a `generate_batch` with its own options (unset ones fall back to the batch's shared options).
#[derive(Debug, Clone, PartialEq)]
pub struct BatchItem {
    arguments: Map<String, Value>,
}

impl BatchItem {
    /// An item drawing `prompt`.
    pub fn new(prompt: impl Into<String>) -> Self {
        let mut arguments = Map::new();
        arguments.insert("prompt".into(), Value::String(prompt.into()));
        BatchItem { arguments }
    }

    /// File name without `.png`.
    pub fn name(self, name: impl Into<String>) -> Self {
        self.arg("name", name.into())
    }

    /// Sprites of this prompt (1–16), seeds `seed`, `seed+1`, …, named `<name>-v1`, `-v2`, ….
    pub fn variations(self, count: u32) -> Self {
        self.arg("variations", count)
    }
}

sprite_options!(BatchItem);

/// Arguments of `generate_batch`: prompts or items, plus options every item shares.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchRequest {
    arguments: Map<String, Value>,
}

impl BatchRequest {
    /// One sprite per prompt, all with the shared options.
    pub fn prompts<S: Into<String>>(prompts: impl IntoIterator<Item = S>) -> Self {
        let prompts: Vec<Value> = prompts.into_iter().map(|prompt| Value::String(prompt.into())).collect();
        let mut arguments = Map::new();
        arguments.insert("prompts".into(), Value::Array(prompts));
        BatchRequest { arguments }
    }

    /// Items with options of their own.
    pub fn items(items: impl IntoIterator<Item = BatchItem>) -> Self {
        let items: Vec<Value> = items.into_iter().map(|item| Value::Object(item.arguments)).collect();
        let mut arguments = Map::new();
        arguments.insert("items".into(), Value::Array(items));
        BatchRequest { arguments }
    }

    /// Sprites per prompt (1–16).
    pub fn variations(self, count: u32) -> Self {
        self.arg("variations", count)
    }

    /// Items generated at once (1–64).
    pub fn concurrency(self, count: u32) -> Self {
        self.arg("concurrency", count)
    }

    /// Deploy every sprite into this Bevy project as soon as it is made.
    pub fn deploy_to(self, project: impl Into<String>) -> Self {
        self.arg("deploy_to", project.into())
    }

    /// How long the server waits before answering `status: "running"` (the client then follows the job).
    pub fn wait_seconds(self, seconds: f64) -> Self {
        self.arg("wait_seconds", seconds)
    }

    /// Whether the result carries the contact sheet as an inline image (server default: true).
    pub fn return_image(self, include: bool) -> Self {
        self.arg("return_image", include)
    }

    /// The Bevy project given to `deploy_to`, if any.
    pub fn deploy_target(&self) -> Option<&str> {
        self.arguments.get("deploy_to").and_then(Value::as_str)
    }
}

sprite_options!(BatchRequest);

/// The `sheet` option of `deploy_to_bevy`: pack the sprites, in order, into one grid PNG.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRequest {
    arguments: Map<String, Value>,
}

arguments_object!(SheetRequest);

impl SheetRequest {
    /// A sheet `columns` cells wide (rows follow from the sprite count unless set).
    pub fn columns(columns: u32) -> Self {
        let mut arguments = Map::new();
        arguments.insert("columns".into(), json!(columns));
        SheetRequest { arguments }
    }

    /// Rows of the grid.
    pub fn rows(self, rows: u32) -> Self {
        self.arg("rows", rows)
    }

    /// Pixels between cells.
    pub fn padding(self, pixels: u32) -> Self {
        self.arg("padding", pixels)
    }

    /// Default frames per second of the clips.
    pub fn fps(self, fps: f64) -> Self {
        self.arg("fps", fps)
    }

    /// A named clip of frames `first..=last` (at the sheet's fps unless `fps` is given).
    pub fn clip(mut self, name: impl Into<String>, first: u32, last: u32, fps: Option<f64>) -> Self {
        let mut clip = json!({"name": name.into(), "first": first, "last": last});
        if let Some(fps) = fps {
            clip["fps"] = json!(fps);
        }
        match self.arguments.get_mut("clips") {
            Some(Value::Array(clips)) => clips.push(clip),
            _ => {
                self.arguments.insert("clips".into(), Value::Array(vec![clip]));
            }
        }
        self
    }

    /// Also keep `sprites/sprites.assets.ron` (bevy_asset_loader's dynamic collection) up to date.
    pub fn asset_collection(self, keep: bool) -> Self {
        self.arg("asset_collection", keep)
    }
}

/// Arguments of `deploy_to_bevy`.
#[derive(Debug, Clone, PartialEq)]
pub struct DeployRequest {
    arguments: Map<String, Value>,
}

arguments_object!(DeployRequest);

impl DeployRequest {
    /// Deploys `sprites` (job ids, `sprite://` URIs, absolute PNG paths or folders) into the Bevy project at
    /// `project`.
    pub fn new<S: Into<String>>(project: impl Into<String>, sprites: impl IntoIterator<Item = S>) -> Self {
        let sprites: Vec<Value> = sprites.into_iter().map(|sprite| Value::String(sprite.into())).collect();
        let mut arguments = Map::new();
        arguments.insert("project".into(), Value::String(project.into()));
        arguments.insert("sprites".into(), Value::Array(sprites));
        DeployRequest { arguments }
    }

    /// Folder under `assets/sprites/` (default: each sprite's own category).
    pub fn category(self, category: impl Into<String>) -> Self {
        self.arg("category", category.into())
    }

    /// A new file name (one sprite, or the sheet's name).
    pub fn name(self, name: impl Into<String>) -> Self {
        self.arg("name", name.into())
    }

    /// Write `<name>.png.meta` with nearest sampling (server default: true).
    pub fn meta(self, write: bool) -> Self {
        self.arg("meta", write)
    }

    /// The project's Bevy version, overriding what `Cargo.lock` / `Cargo.toml` say.
    pub fn bevy_version(self, version: impl Into<String>) -> Self {
        self.arg("bevy_version", version.into())
    }

    /// `overwrite` (default), `skip` or `rename` when a different file is already there.
    pub fn on_conflict(self, policy: impl Into<String>) -> Self {
        self.arg("on_conflict", policy.into())
    }

    /// List the operations and write nothing.
    pub fn dry_run(self, dry_run: bool) -> Self {
        self.arg("dry_run", dry_run)
    }

    /// Back replaced files up under `<project>/.dgx-pixels/backups/` (server default: true).
    pub fn backup(self, backup: bool) -> Self {
        self.arg("backup", backup)
    }

    /// Ask the running game to reload the sprites (`sprites/reload` over the Bevy Remote Protocol).
    pub fn reload(self, reload: bool) -> Self {
        self.arg("reload", reload)
    }

    /// Pack the sprites into one sheet.
    pub fn sheet(self, sheet: SheetRequest) -> Self {
        self.arg("sheet", Value::Object(sheet.arguments))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sprite_request_spells_the_published_argument_names() {
        let request = SpriteRequest::new("red knight")
            .size(32)
            .seed(7)
            .category("character")
            .name("knight")
            .palette("pico-8")
            .outline(true)
            .deploy_to("/games/mine")
            .wait_seconds(0.0)
            .return_image(false);
        assert_eq!(
            Value::Object(request.arguments().clone()),
            json!({
                "prompt": "red knight", "size": 32, "seed": 7, "category": "character", "name": "knight",
                "palette": "pico-8", "outline": true, "deploy_to": "/games/mine", "wait_seconds": 0.0,
                "return_image": false
            })
        );
        assert_eq!(request.deploy_target(), Some("/games/mine"));
    }

    #[test]
    fn animation_options_are_typed_on_sprites_and_batch_items() {
        let request = SpriteRequest::new("hero in blue tunic")
            .animation("walk")
            .frames(6)
            .directions(4)
            .fps(12.0)
            .denoise(0.35)
            .size(32)
            .seed(21);
        assert_eq!(
            Value::Object(request.into_arguments()),
            json!({
                "prompt": "hero in blue tunic", "animation": "walk", "frames": 6, "directions": 4, "fps": 12.0,
                "denoise": 0.35, "size": 32, "seed": 21
            })
        );
        let batch = BatchRequest::items([BatchItem::new("ghost").animation("death").frames(4).directions(1)]);
        assert_eq!(
            batch.arguments()["items"],
            json!([{"prompt": "ghost", "animation": "death", "frames": 4, "directions": 1}])
        );
    }

    #[test]
    fn arg_reaches_arguments_the_client_does_not_know_yet() {
        let request = SpriteRequest::new("slime")
            .arg("animation", "walk")
            .arg("frames", 4)
            .arg("directions", json!(["down", "left", "right", "up"]))
            .arg("fps", 8.0)
            .size_wh(16, 24);
        let arguments = request.into_arguments();
        assert_eq!(arguments["animation"], "walk");
        assert_eq!(arguments["frames"], 4);
        assert_eq!(arguments["directions"][3], "up");
        assert_eq!(arguments["fps"], 8.0);
        assert_eq!(arguments["size"], "16x24");
    }

    #[test]
    fn a_batch_carries_items_with_their_own_options_and_shared_ones() {
        let batch = BatchRequest::items([BatchItem::new("gold coin").name("coin").seed(3), BatchItem::new("gem")])
            .size(16)
            .concurrency(2)
            .palette_colors(["#000000", "#ffffff"])
            .deploy_to("/games/mine");
        let arguments = batch.arguments();
        assert_eq!(arguments["items"], json!([{"prompt": "gold coin", "name": "coin", "seed": 3}, {"prompt": "gem"}]));
        assert_eq!(arguments["size"], 16);
        assert_eq!(arguments["concurrency"], 2);
        assert_eq!(arguments["palette"], json!(["#000000", "#ffffff"]));
        assert_eq!(batch.deploy_target(), Some("/games/mine"));
        assert_eq!(BatchRequest::prompts(["a", "b"]).arguments()["prompts"], json!(["a", "b"]));
    }

    #[test]
    fn a_deploy_with_a_sheet_and_clips() {
        let deploy = DeployRequest::new("/games/mine", ["20261123-203512-a1b2c3"])
            .name("blue-slime")
            .category("creature")
            .sheet(SheetRequest::columns(4).fps(8.0).clip("idle", 0, 3, None).clip("hop", 1, 2, Some(12.0)))
            .dry_run(true);
        assert_eq!(
            Value::Object(deploy.into_arguments()),
            json!({
                "project": "/games/mine", "sprites": ["20261123-203512-a1b2c3"], "name": "blue-slime",
                "category": "creature", "dry_run": true,
                "sheet": {"columns": 4, "fps": 8.0, "clips": [
                    {"name": "idle", "first": 0, "last": 3},
                    {"name": "hop", "first": 1, "last": 2, "fps": 12.0}
                ]}
            })
        );
    }
}
