//! A client for the DGX-Pixels MCP server, small enough to embed in a game.
//!
//! It starts `dgx-pixels serve` as a child process and speaks MCP (revision 2025-11-25, JSON-RPC 2.0, one message
//! per line over stdio) with it on its own threads: no async runtime, so it fits Bevy, which does not run tokio.
//! Any number of threads can call one [`Client`] at once.
//!
//! ```no_run
//! use dgx_pixels_client::{Client, SpriteRequest};
//!
//! let client = Client::start()?; // $DGX_PIXELS_BIN, else dgx-pixels on PATH
//! let outcome = client.generate_sprite(
//!     &SpriteRequest::new("red knight").size(32).category("character").deploy_to("/home/me/my-game"),
//!     |progress| println!("{progress}"),
//! )?;
//! println!("{}", outcome.asset_path().unwrap_or(outcome.png_path()));
//! # Ok::<(), dgx_pixels_client::ClientError>(())
//! ```
//!
//! - [`Client`]: typed calls (`generate_sprite`, `generate_batch`, `generate_tileset`, `deploy_to_bevy`, `get_job`,
//!   `cancel_job`) and
//!   `call_tool` / `start_tool` for any tool; a `status: "running"` answer is followed through `get_job`.
//! - [`Call`], [`Canceller`]: a request in flight, to poll from a game loop or cancel from another thread
//!   (`notifications/cancelled`).
//! - [`ClientError`]: every failure, with the server's text where it sent one; a server that dies fails the
//!   requests waiting on it at once.
//! - [`game`]: sheet and tileset descriptors, clip timing, the autotiler, the deploy manifest, and
//!   [`game::SpriteRequests`] for a game loop.

mod call;
mod client;
mod connection;
mod error;
pub mod game;
mod jsonrpc;
mod operations;
mod progress;
mod requests;
mod results;
mod server_command;
mod tileset_outcome;
mod tileset_request;

pub use call::{Call, CallEvent, Canceller};
pub use client::{Client, ServerInfo};
pub use error::ClientError;
pub use jsonrpc::{PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS};
pub use operations::{BatchCall, SpriteCall, TilesetCall};
pub use progress::Progress;
pub use requests::{BatchItem, BatchRequest, DeployRequest, SheetRequest, SpriteRequest};
pub use results::{
    AnimationSheet, BatchOutcome, DeployedFile, DeployedSprite, Deployment, Job, JobItem, JobStatus, SheetInfo, Sprite,
    SpriteOutcome, ToolOutput,
};
pub use server_command::{ServerCommand, BIN_ENV, DEFAULT_PROGRAM};
pub use tileset_outcome::TilesetOutcome;
pub use tileset_request::TilesetRequest;

#[cfg(test)]
mod tests {
    /// What a game keeps in a Bevy resource or hands to other threads must be `Send + Sync`.
    #[test]
    fn shared_types_are_send_and_sync() {
        fn send_sync<T: Send + Sync + 'static>() {}
        send_sync::<crate::Client>();
        send_sync::<crate::Canceller>();
        send_sync::<crate::ClientError>();
        send_sync::<crate::game::SpriteRequests>();
        send_sync::<crate::game::ProgressBoard>();
        send_sync::<crate::game::Manifest>();
        send_sync::<crate::game::SheetDescriptor>();
        send_sync::<crate::game::ClipPlayer>();
        send_sync::<crate::game::TilesetDescriptor>();
        send_sync::<crate::TilesetOutcome>();
    }
}
