//! `sprites/reload`: the Bevy Remote Protocol method DGX-Pixels calls after a deploy with `reload: true`.

use bevy::prelude::*;
use bevy::remote::{error_codes, BrpError, BrpResult};
use dgx_pixels_client::game::reload_paths;
use serde_json::{json, Value};

/// Reloads each asset path in `params.paths` (`AssetServer::reload`), so loaded handles pick up the new files at
/// once, with or without the file watcher.
pub fn reload_sprites(In(params): In<Option<Value>>, asset_server: Res<AssetServer>) -> BrpResult {
    let paths = reload_paths(params.as_ref()).map_err(|message| BrpError {
        code: error_codes::INVALID_PARAMS,
        message,
        data: None,
    })?;
    for path in &paths {
        asset_server.reload(path.clone());
    }
    info!("sprites/reload: reloading {}", paths.join(", "));
    Ok(json!({ "reloaded": paths }))
}
