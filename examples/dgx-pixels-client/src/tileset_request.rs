//! Arguments of `generate_tileset`: an autotile set joining one terrain to another.

use serde_json::{Map, Value};

use crate::requests::arguments_object;

/// Arguments of `generate_tileset`: the tiles where `terrain` meets `edge`, laid out as `wang16` (the 16 corner
/// combinations) or `blob47`. Deployed to `assets/tilesets/<name>.png` with `<name>.tileset.json` beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct TilesetRequest {
    arguments: Map<String, Value>,
}

arguments_object!(TilesetRequest);

impl TilesetRequest {
    /// A tileset of `terrain` (a prompt: `"grass"`), every other option at the server's default.
    pub fn new(terrain: impl Into<String>) -> Self {
        let mut arguments = Map::new();
        arguments.insert("terrain".into(), Value::String(terrain.into()));
        TilesetRequest { arguments }
    }

    /// The second terrain the first one meets (corner value 1 in the descriptor): `"water"`.
    pub fn edge(self, edge: impl Into<String>) -> Self {
        self.arg("edge", edge.into())
    }

    /// Edge of a square tile in pixels (8–64, server default 16).
    pub fn tile_size(self, pixels: u32) -> Self {
        self.arg("tile_size", pixels)
    }

    /// `wang16` (server default) or `blob47`.
    pub fn layout(self, layout: impl Into<String>) -> Self {
        self.arg("layout", layout.into())
    }

    /// Style preset, as for sprites.
    pub fn style(self, style: impl Into<String>) -> Self {
        self.arg("style", style.into())
    }

    /// Palette by name (`pico-8`, `nes`, …).
    pub fn palette(self, name: impl Into<String>) -> Self {
        self.arg("palette", name.into())
    }

    /// Seed: the same request and seed give the same tiles.
    pub fn seed(self, seed: u64) -> Self {
        self.arg("seed", seed)
    }

    /// File name without extension (`[a-z0-9_-]{1,64}`).
    pub fn name(self, name: impl Into<String>) -> Self {
        self.arg("name", name.into())
    }

    /// Also deploy the tileset into this Bevy project (`assets/tilesets/<name>.png` and its descriptors).
    pub fn deploy_to(self, project: impl Into<String>) -> Self {
        self.arg("deploy_to", project.into())
    }

    /// How long the server waits before answering `status: "running"` (the client then follows the job).
    pub fn wait_seconds(self, seconds: f64) -> Self {
        self.arg("wait_seconds", seconds)
    }

    /// Whether the result carries an inline preview image.
    pub fn return_image(self, include: bool) -> Self {
        self.arg("return_image", include)
    }

    /// The Bevy project given to `deploy_to`, if any.
    pub fn deploy_target(&self) -> Option<&str> {
        self.arguments.get("deploy_to").and_then(Value::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_tileset_request_spells_the_tools_argument_names() {
        let request = TilesetRequest::new("grass")
            .edge("water")
            .tile_size(16)
            .layout("wang16")
            .seed(5)
            .name("grass-water")
            .style("16bit")
            .palette("pico-8")
            .deploy_to("/games/mine")
            .wait_seconds(30.0)
            .return_image(false);
        assert_eq!(
            Value::Object(request.arguments().clone()),
            json!({
                "terrain": "grass", "edge": "water", "tile_size": 16, "layout": "wang16", "seed": 5,
                "name": "grass-water", "style": "16bit", "palette": "pico-8", "deploy_to": "/games/mine",
                "wait_seconds": 30.0, "return_image": false
            })
        );
        assert_eq!(request.deploy_target(), Some("/games/mine"));
        assert_eq!(TilesetRequest::new("sand").deploy_target(), None);
    }
}
