//! What a game needs around the client, kept out of the Bevy glue so it can be tested here: sheet descriptors
//! and clips, the frame timer, the deploy manifest, the `sprites/reload` params, a progress display, and sprite
//! requests answered through a channel a game loop polls.

pub mod animation;
pub mod layout;
pub mod manifest;
pub mod progress_board;
pub mod remote;
pub mod sheet;
pub mod sprite_requests;
pub mod tileset;

pub use animation::{frame_at, ClipPlayer};
pub use layout::{slot_position, slot_scale, tile_position, ISLAND_MAP};
pub use manifest::{
    asset_file, manifest_key, manifest_path, Manifest, ManifestEntry, ManifestSheet, MANIFEST_ASSET_PATH,
};
pub use progress_board::ProgressBoard;
pub use remote::{reload_paths, RELOAD_METHOD};
pub use sheet::{Clip, Direction, SheetDescriptor};
pub use sprite_requests::{SpriteEvent, SpriteRequests, Ticket};
pub use tileset::{blob_mask, TilesetDescriptor, TilesetTile, VertexGrid};
