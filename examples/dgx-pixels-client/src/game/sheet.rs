//! Sprite-sheet descriptors (`<name>.sheet.json`) and their animation clips.

use serde::{Deserialize, Serialize};

use crate::error::ClientError;

/// One named animation: atlas indices `first..=last` (left to right, then top to bottom) at `fps`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clip {
    pub name: String,
    pub first: u32,
    pub last: u32,
    pub fps: f32,
    /// Whether the clip starts over after its last frame. Animation sheets say so per clip (`death` does not);
    /// packed sheets leave it out, and a clip without it loops.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loops: Option<bool>,
}

impl Clip {
    /// A clip of frames `first..=last` at `fps` that loops as clips without a `loops` field do.
    pub fn new(name: impl Into<String>, first: u32, last: u32, fps: f32) -> Clip {
        Clip { name: name.into(), first, last, fps, loops: None }
    }

    /// Frames in the clip (at least 1, even for a malformed `last < first`).
    pub fn frame_count(&self) -> u32 {
        self.last.saturating_sub(self.first) + 1
    }

    /// False only for a clip that says `loops: false`: it stops on its last frame.
    pub fn is_looping(&self) -> bool {
        self.loops != Some(false)
    }

    /// The clip's animation and facing, for names of the form `<animation>_<direction>` (`walk_down`,
    /// `run_up_left`).
    pub fn direction(&self) -> Option<(&str, Direction)> {
        // The two-word facings first, so `run_down_left` is not read as `run_down` facing left.
        Direction::ALL_EIGHT.into_iter().rev().find_map(|direction| {
            let animation = self.name.strip_suffix(direction.name())?.strip_suffix('_')?;
            (!animation.is_empty()).then_some((animation, direction))
        })
    }
}

/// A facing of a directional animation. Animation sheets put one row per direction in the order of `ALL` (4
/// directions) or `ALL_EIGHT` (8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Down,
    Left,
    Right,
    Up,
    DownLeft,
    DownRight,
    UpLeft,
    UpRight,
}

impl Direction {
    /// The four facings, in the row order of a 4-direction animation sheet.
    pub const ALL: [Direction; 4] = [Direction::Down, Direction::Left, Direction::Right, Direction::Up];

    /// The eight facings, in the row order of an 8-direction animation sheet.
    pub const ALL_EIGHT: [Direction; 8] = [
        Direction::Down,
        Direction::Left,
        Direction::Right,
        Direction::Up,
        Direction::DownLeft,
        Direction::DownRight,
        Direction::UpLeft,
        Direction::UpRight,
    ];

    /// The lowercase name used in clip names.
    pub fn name(self) -> &'static str {
        match self {
            Direction::Down => "down",
            Direction::Left => "left",
            Direction::Right => "right",
            Direction::Up => "up",
            Direction::DownLeft => "down_left",
            Direction::DownRight => "down_right",
            Direction::UpLeft => "up_left",
            Direction::UpRight => "up_right",
        }
    }

    /// The direction named `name` (lowercase), if any.
    pub fn from_name(name: &str) -> Option<Direction> {
        Direction::ALL_EIGHT.into_iter().find(|direction| direction.name() == name)
    }
}

/// The `<name>.sheet.json` DGX-Pixels writes beside a sprite sheet: exactly the numbers
/// `TextureAtlasLayout::from_grid` takes, the image it cuts, and the named clips.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetDescriptor {
    /// The asset path of the sheet's PNG.
    pub image: String,
    pub tile_size_x: u32,
    pub tile_size_y: u32,
    pub columns: u32,
    pub rows: u32,
    /// Gap between cells.
    #[serde(default)]
    pub padding_x: u32,
    #[serde(default)]
    pub padding_y: u32,
    /// Margin before the first cell.
    #[serde(default)]
    pub offset_x: u32,
    #[serde(default)]
    pub offset_y: u32,
    /// Cells holding a frame (the rest of the grid is empty).
    pub frames: u32,
    /// Frames per second of the sheet as a whole.
    pub fps: f32,
    #[serde(default)]
    pub clips: Vec<Clip>,
}

impl SheetDescriptor {
    /// Reads and checks a `.sheet.json`; `source` names it in errors.
    pub fn from_json(bytes: &[u8], source: &str) -> Result<SheetDescriptor, ClientError> {
        let descriptor: SheetDescriptor = serde_json::from_slice(bytes)
            .map_err(|error| ClientError::InvalidData { file: source.to_owned(), reason: error.to_string() })?;
        descriptor.check().map_err(|reason| ClientError::InvalidData { file: source.to_owned(), reason })?;
        Ok(descriptor)
    }

    /// Whether the numbers make a usable atlas: a non-empty grid, frames that fit it, and clips whose frames
    /// are on it (an atlas index past the grid would show nothing).
    pub fn check(&self) -> Result<(), String> {
        if self.tile_size_x == 0 || self.tile_size_y == 0 {
            return Err(format!("tile size {}x{} is empty", self.tile_size_x, self.tile_size_y));
        }
        if self.columns == 0 || self.rows == 0 {
            return Err(format!("a {}x{} grid has no cells", self.columns, self.rows));
        }
        if self.frames > self.cells() {
            return Err(format!("{} frames do not fit {} cells", self.frames, self.cells()));
        }
        for clip in &self.clips {
            if clip.first > clip.last || clip.last >= self.cells() {
                return Err(format!(
                    "clip '{}' runs {}..={}, outside cells 0..{}",
                    clip.name,
                    clip.first,
                    clip.last,
                    self.cells()
                ));
            }
        }
        Ok(())
    }

    /// Cells in the grid.
    pub fn cells(&self) -> u32 {
        self.columns.saturating_mul(self.rows)
    }

    /// The clip named `name`.
    pub fn clip(&self, name: &str) -> Option<&Clip> {
        self.clips.iter().find(|clip| clip.name == name)
    }

    /// What to play when nothing else is asked for: the first clip, or every frame at the sheet's fps.
    pub fn default_clip(&self) -> Clip {
        self.clips.first().cloned().unwrap_or_else(|| Clip::new("all", 0, self.frames.max(1) - 1, self.fps))
    }

    /// The clip after `current` in the descriptor's order, wrapping around; the first clip when `current` is not
    /// one of them; `None` for a sheet without clips.
    pub fn next_clip(&self, current: &str) -> Option<&Clip> {
        let position = self.clips.iter().position(|clip| clip.name == current);
        match position {
            Some(index) => self.clips.get((index + 1) % self.clips.len()),
            None => self.clips.first(),
        }
    }

    /// The clip `<animation>_<direction>`, e.g. `walk_left`.
    pub fn clip_for(&self, animation: &str, direction: Direction) -> Option<&Clip> {
        self.clips.iter().find(|clip| clip.direction() == Some((animation, direction)))
    }

    /// The asset path of the `.sheet.json` describing the sheet PNG at `image` (`sprites/c/x.png` →
    /// `sprites/c/x.sheet.json`).
    pub fn json_path_for(image: &str) -> String {
        let stem = image.strip_suffix(".png").unwrap_or(image);
        format!("{stem}.sheet.json")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the server writes for a 4-frame sheet (Sources/BevyAssets/Sheets/SheetLayout.swift, JSONEncoder with
    /// sorted keys: whole-number floats come out as integers).
    const SLIME: &str = r#"{
      "clips" : [ { "first" : 0, "fps" : 8, "last" : 3, "name" : "idle" } ],
      "columns" : 4, "fps" : 8, "frames" : 4, "image" : "sprites/creature/blue-slime.png",
      "offset_x" : 0, "offset_y" : 0, "padding_x" : 0, "padding_y" : 0, "rows" : 1,
      "tile_size_x" : 16, "tile_size_y" : 16
    }"#;

    fn walker() -> SheetDescriptor {
        let clips = Direction::ALL
            .iter()
            .enumerate()
            .map(|(row, direction)| Clip {
                name: format!("walk_{}", direction.name()),
                first: row as u32 * 4,
                last: row as u32 * 4 + 3,
                fps: 10.0,
                loops: Some(true),
            })
            .collect();
        SheetDescriptor {
            image: "sprites/character/hero.png".into(),
            tile_size_x: 32,
            tile_size_y: 32,
            columns: 4,
            rows: 4,
            padding_x: 0,
            padding_y: 0,
            offset_x: 0,
            offset_y: 0,
            frames: 16,
            fps: 10.0,
            clips,
        }
    }

    #[test]
    fn reads_the_descriptor_the_server_writes() {
        let sheet = SheetDescriptor::from_json(SLIME.as_bytes(), "blue-slime.sheet.json").unwrap();
        assert_eq!((sheet.tile_size_x, sheet.columns, sheet.rows, sheet.frames), (16, 4, 1, 4));
        assert_eq!(sheet.clips, vec![Clip::new("idle", 0, 3, 8.0)]);
        assert_eq!(sheet.default_clip().name, "idle");
    }

    #[test]
    fn padding_and_offset_default_to_zero_and_clips_to_none() {
        let text = r#"{"image":"a.png","tile_size_x":8,"tile_size_y":8,"columns":2,"rows":1,"frames":2,"fps":4}"#;
        let sheet = SheetDescriptor::from_json(text.as_bytes(), "a.sheet.json").unwrap();
        assert_eq!((sheet.padding_x, sheet.offset_y), (0, 0));
        assert_eq!(sheet.default_clip(), Clip::new("all", 0, 1, 4.0));
        assert_eq!(sheet.next_clip("all"), None);
    }

    #[test]
    fn refuses_descriptors_that_would_index_past_the_grid() {
        let mut sheet = walker();
        sheet.clips[1].last = 16;
        assert_eq!(sheet.check(), Err("clip 'walk_left' runs 4..=16, outside cells 0..16".to_owned()));
        let mut sheet = walker();
        sheet.frames = 17;
        assert!(sheet.check().is_err());
        let mut sheet = walker();
        sheet.columns = 0;
        assert!(sheet.check().is_err());
        let text = SLIME.replace("\"first\" : 0", "\"first\" : 3").replace("\"last\" : 3", "\"last\" : 1");
        let error = SheetDescriptor::from_json(text.as_bytes(), "x.sheet.json").unwrap_err();
        assert!(error.to_string().contains("x.sheet.json"), "{error}");
    }

    #[test]
    fn a_missing_field_is_named() {
        let error = SheetDescriptor::from_json(br#"{"image":"a.png"}"#, "a.sheet.json").unwrap_err();
        assert!(error.to_string().contains("tile_size_x"), "{error}");
    }

    #[test]
    fn finds_directional_clips_and_cycles_through_all_clips() {
        let sheet = walker();
        assert_eq!(sheet.clip_for("walk", Direction::Right).map(|clip| clip.first), Some(8));
        assert_eq!(sheet.clip_for("run", Direction::Right), None);
        assert_eq!(sheet.next_clip("walk_down").map(|clip| clip.name.as_str()), Some("walk_left"));
        assert_eq!(sheet.next_clip("walk_up").map(|clip| clip.name.as_str()), Some("walk_down"));
        assert_eq!(sheet.next_clip("nonexistent").map(|clip| clip.name.as_str()), Some("walk_down"));
        assert_eq!(sheet.clips[3].direction(), Some(("walk", Direction::Up)));
        assert_eq!(Clip::new("idle", 0, 0, 1.0).direction(), None);
    }

    /// What the server writes for an animation sheet: clips carry `loops` (Sources/BevyAssets/Sheets).
    const DEATH: &str = r#"{
      "clips" : [ { "first" : 0, "fps" : 8, "last" : 3, "loops" : false, "name" : "death_down" },
                  { "first" : 4, "fps" : 8, "last" : 7, "loops" : true, "name" : "idle_up_left" } ],
      "columns" : 4, "fps" : 8, "frames" : 8, "image" : "sprites/creature/ghost.png",
      "offset_x" : 0, "offset_y" : 0, "padding_x" : 0, "padding_y" : 0, "rows" : 2,
      "tile_size_x" : 16, "tile_size_y" : 16
    }"#;

    #[test]
    fn reads_the_loops_flag_of_animation_clips_and_writes_it_back_only_when_set() {
        let sheet = SheetDescriptor::from_json(DEATH.as_bytes(), "ghost.sheet.json").unwrap();
        assert_eq!(sheet.clips[0].loops, Some(false));
        assert!(!sheet.clips[0].is_looping());
        assert!(sheet.clips[1].is_looping());
        let packed = SheetDescriptor::from_json(SLIME.as_bytes(), "blue-slime.sheet.json").unwrap();
        assert_eq!(packed.clips[0].loops, None, "packed sheets have no loops field");
        assert!(packed.clips[0].is_looping(), "and their clips loop");
        let written = serde_json::to_value(&packed.clips[0]).unwrap();
        assert!(written.get("loops").is_none(), "{written}");
        assert_eq!(serde_json::to_value(&sheet.clips[0]).unwrap()["loops"], false);
    }

    #[test]
    fn eight_direction_clip_names_split_on_the_whole_direction() {
        let sheet = SheetDescriptor::from_json(DEATH.as_bytes(), "ghost.sheet.json").unwrap();
        assert_eq!(sheet.clips[1].direction(), Some(("idle", Direction::UpLeft)));
        assert_eq!(sheet.clip_for("idle", Direction::UpLeft).map(|clip| clip.first), Some(4));
        assert_eq!(sheet.clip_for("idle", Direction::Left), None);
        assert_eq!(Clip::new("run_down_right", 0, 1, 8.0).direction(), Some(("run", Direction::DownRight)));
        assert_eq!(Clip::new("_left", 0, 1, 8.0).direction(), None);
        for direction in Direction::ALL_EIGHT {
            assert_eq!(Direction::from_name(direction.name()), Some(direction));
        }
    }

    #[test]
    fn the_json_descriptor_sits_beside_the_png() {
        assert_eq!(
            SheetDescriptor::json_path_for("sprites/creature/blue-slime.png"),
            "sprites/creature/blue-slime.sheet.json"
        );
    }
}
