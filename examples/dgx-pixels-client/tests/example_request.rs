//! The `request` example, run two ways against a scratch Bevy project: its logic in-process, and the binary
//! `cargo test` builds (`target/<profile>/examples/request`), as a user runs it.

mod support;

#[allow(dead_code)]
#[path = "../examples/request.rs"]
mod request;

use std::path::PathBuf;
use std::process::Command;

use support::Scratch;

fn strings(arguments: &[&str]) -> Vec<String> {
    arguments.iter().map(|argument| argument.to_string()).collect()
}

#[test]
fn the_example_deploys_a_sprite_and_prints_its_asset_path_last() {
    let bin = require_server!("the_example_deploys_a_sprite_and_prints_its_asset_path_last");
    let scratch = Scratch::new("example");
    let project = scratch.bevy_project("game");
    let arguments = strings(&[&project.display().to_string(), "gold coin", "--size", "16", "--category", "item"]);
    let mut out = Vec::new();
    let outcome = request::run(&arguments, support::server(&bin, &scratch), &mut out);
    assert!(outcome.is_ok(), "{outcome:?}");

    let text = String::from_utf8(out).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.last(), Some(&"sprites/item/gold-coin.png"), "{text}");
    assert!(lines.iter().any(|line| line.starts_with("[100%] saved ")), "progress lines: {text}");
    assert!(project.join("assets/sprites/item/gold-coin.png").is_file());
    assert!(project.join("assets/sprites/item/gold-coin.png.meta").is_file());
}

#[test]
fn the_example_reads_its_command_line() {
    let parsed = request::parse(&strings(&["game", "red knight", "--category", "character", "--size", "32"]));
    match parsed {
        Ok(arguments) => assert_eq!(
            arguments,
            request::Arguments {
                project: "game".into(),
                prompt: "red knight".into(),
                size: Some(32),
                category: Some("character".into())
            }
        ),
        Err(failure) => panic!("{failure:?}"),
    }
    for bad in [
        &["game"][..],
        &["game", "knight", "extra"],
        &["game", "knight", "--size", "big"],
        &["game", "knight", "--size"],
        &["game", "knight", "--colour", "red"],
    ] {
        assert!(matches!(request::parse(&strings(bad)), Err(request::Failure::Usage(_))), "{bad:?}");
    }
}

/// The example binary beside this test's own executable (`target/<profile>/deps/` → `target/<profile>/examples/`).
fn example_binary(test: &str) -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let binary = exe.parent()?.parent()?.join("examples").join("request");
    if binary.is_file() {
        Some(binary)
    } else {
        support::skip(test, &format!("{} is not built (plain `cargo test --offline` builds it)", binary.display()));
        None
    }
}

/// The example binary with the test server's isolated environment (it finds the server through DGX_PIXELS_BIN).
fn example_command(binary: &PathBuf, scratch: &Scratch) -> Command {
    let mut command = Command::new(binary);
    command
        .env("HOME", &scratch.path)
        .env("XDG_CONFIG_HOME", scratch.path.join("config"))
        .env("XDG_DATA_HOME", scratch.path.join("data"))
        .env("DGX_PIXELS_OUTPUT_DIR", scratch.path.join("out"))
        .env("DGX_PIXELS_ENGINE", "procedural")
        .env("DGX_PIXELS_LOG_LEVEL", "warning")
        .env_remove("DGX_PIXELS_CONFIG")
        .env_remove("DGX_PIXELS_COMFYUI_URL")
        .current_dir(&scratch.path);
    command
}

#[test]
fn the_built_example_prints_the_asset_path_or_the_servers_error() {
    let _bin = require_server!("the_built_example_prints_the_asset_path_or_the_servers_error");
    let Some(binary) = example_binary("the_built_example_prints_the_asset_path_or_the_servers_error") else {
        return;
    };
    let scratch = Scratch::new("example-binary");
    let project = scratch.bevy_project("game");

    let made = example_command(&binary, &scratch)
        .args([project.to_str().expect("UTF-8 path"), "blue ship", "--category", "vehicle", "--size", "24"])
        .output()
        .expect("run the example");
    let stdout = String::from_utf8_lossy(&made.stdout);
    assert!(made.status.success(), "{}\n{stdout}", String::from_utf8_lossy(&made.stderr));
    assert_eq!(stdout.lines().last(), Some("sprites/vehicle/blue-ship.png"), "{stdout}");
    assert!(project.join("assets/sprites/vehicle/blue-ship.png").is_file());

    let refused = example_command(&binary, &scratch)
        .args([project.to_str().expect("UTF-8 path"), "blue ship", "--size", "10000"])
        .output()
        .expect("run the example");
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("Invalid argument 'size'"), "{stderr}");

    let usage = example_command(&binary, &scratch).output().expect("run the example");
    assert_eq!(usage.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&usage.stderr).contains("usage: request"));
}
