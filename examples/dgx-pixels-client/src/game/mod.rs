//! What a game needs around the client, kept out of the Bevy glue so it can be tested here: sheet descriptors
//! and clips, the frame timer, the deploy manifest, and sprite requests answered through a channel.

pub mod animation;
pub mod manifest;
pub mod sheet;
pub mod sprite_requests;

pub use animation::{frame_at, ClipPlayer};
pub use manifest::{
    asset_file, manifest_key, manifest_path, Manifest, ManifestEntry, ManifestSheet, MANIFEST_ASSET_PATH,
};
pub use sheet::{Clip, Direction, SheetDescriptor};
pub use sprite_requests::{SpriteEvent, SpriteRequests, Ticket};
