//! What a game needs around the client, kept out of the Bevy glue so it can be tested here.

pub mod sheet;

pub use sheet::{Clip, Direction, SheetDescriptor};
