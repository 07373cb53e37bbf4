//! The `sprites/reload` method a game serves over the Bevy Remote Protocol, without the Bevy part: reading its
//! params. DGX-Pixels sends `{"paths": ["sprites/character/knight.png", …]}` after a deploy with `reload: true`.

use serde_json::Value;

/// The JSON-RPC method name DGX-Pixels calls.
pub const RELOAD_METHOD: &str = "sprites/reload";

/// The asset paths to reload from `sprites/reload` params: `{"paths": [..]}` or `{"path": ".."}`. Each must be
/// a relative asset path (no leading `/`, no `..`, no `\`), so a caller cannot point the asset server outside the
/// asset folder. The error text is meant for the JSON-RPC error message.
pub fn reload_paths(params: Option<&Value>) -> Result<Vec<String>, String> {
    let params = params.ok_or("expected params {\"paths\": [asset paths]}")?;
    let paths: Vec<&Value> = match (params.get("paths"), params.get("path")) {
        (Some(Value::Array(paths)), _) => paths.iter().collect(),
        (None, Some(path)) => vec![path],
        _ => return Err("expected params.paths, an array of asset paths".into()),
    };
    if paths.is_empty() {
        return Err("params.paths is empty".into());
    }
    paths
        .into_iter()
        .map(|path| {
            let path = path.as_str().ok_or("every path must be a string")?;
            if is_relative_asset_path(path) {
                Ok(path.to_owned())
            } else {
                Err(format!("'{path}' is not a relative asset path such as sprites/character/knight.png"))
            }
        })
        .collect()
}

fn is_relative_asset_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains("://")
        && path.split('/').all(|segment| !segment.is_empty() && segment != "..")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_the_paths_dgx_pixels_sends() {
        let params = json!({"paths": ["sprites/character/knight.png", "sprites/creature/blue-slime.sheet.json"]});
        assert_eq!(
            reload_paths(Some(&params)),
            Ok(vec!["sprites/character/knight.png".to_owned(), "sprites/creature/blue-slime.sheet.json".to_owned()])
        );
        assert_eq!(
            reload_paths(Some(&json!({"path": "sprites/item/coin.png"}))),
            Ok(vec!["sprites/item/coin.png".into()])
        );
    }

    #[test]
    fn refuses_missing_params_and_paths_outside_the_assets() {
        assert!(reload_paths(None).is_err());
        assert!(reload_paths(Some(&json!({}))).is_err());
        assert!(reload_paths(Some(&json!({"paths": []}))).is_err());
        assert!(reload_paths(Some(&json!({"paths": [3]}))).is_err());
        for bad in
            ["/etc/passwd", "../secret.png", "sprites/../../x.png", "sprites//x.png", "C:\\x.png", "http://x/y.png"]
        {
            let error = reload_paths(Some(&json!({"paths": [bad]}))).unwrap_err();
            assert!(error.contains(bad), "{error}");
        }
    }
}
