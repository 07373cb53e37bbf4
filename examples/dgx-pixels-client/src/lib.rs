//! A client for the DGX-Pixels MCP server, small enough to embed in a game.

mod error;
pub mod jsonrpc;
mod progress;

pub use error::ClientError;
pub use progress::Progress;
