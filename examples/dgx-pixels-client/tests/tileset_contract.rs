//! `generate_tileset` through the client against a stand-in server that answers as the tool's contract describes
//! (tests/tileset_stand_in.py), so the client's side is exercised before the real server has the tool: an answer
//! with the descriptor, a running job followed, deployed and its descriptor read from the project, and the game
//! loop's `request_tileset`. Needs `python3`; without it the tests say so and pass.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::time::Duration;

use dgx_pixels_client::game::{SpriteEvent, SpriteRequests, VertexGrid, ISLAND_MAP};
use dgx_pixels_client::{Client, ServerCommand, TilesetRequest};
use support::Scratch;

/// A `dgx-pixels`-like executable in `scratch` that runs the stand-in, or `None` when python3 is missing.
fn stand_in(test: &str, scratch: &Scratch) -> Option<PathBuf> {
    let python = std::process::Command::new("python3").arg("--version").output();
    if !python.is_ok_and(|output| output.status.success()) {
        support::skip(test, "python3 is not installed; the stand-in server is a Python script");
        return None;
    }
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/tileset_stand_in.py");
    let program = scratch.path.join("stand-in-server");
    std::fs::write(&program, format!("#!/bin/sh\nexec python3 '{}' \"$@\"\n", script.display())).expect("write");
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    Some(program)
}

fn client(program: PathBuf) -> Client {
    ServerCommand::new().program(program).forward_stderr(false).spawn().expect("start the stand-in")
}

#[test]
fn an_answer_carries_the_descriptor_and_the_deployed_paths() {
    let scratch = Scratch::new("tileset-answer");
    let Some(program) = stand_in("an_answer_carries_the_descriptor_and_the_deployed_paths", &scratch) else { return };
    let project = scratch.bevy_project("game");
    let client = client(program);
    assert!(client.has_tool("generate_tileset").expect("tools/list"));
    assert!(!client.has_tool("generate_sprite").expect("tools/list"));
    let request = TilesetRequest::new("grass")
        .edge("water")
        .tile_size(16)
        .layout("wang16")
        .seed(5)
        .name("grass-water")
        .deploy_to(project.display().to_string());
    let mut progress = Vec::new();
    let outcome = client.generate_tileset(&request, |event| progress.push(event.progress)).expect("tileset");
    assert_eq!(progress, vec![30.0, 100.0]);
    assert!(!outcome.followed);
    assert_eq!((outcome.sprite.width, outcome.tileset.tile_size, outcome.tileset.tiles.len()), (64, 16, 16));
    assert_eq!(outcome.deployment, None, "a files-only report is kept raw");
    assert!(outcome.deployment_raw.is_some());
    assert_eq!(outcome.asset_path().as_deref(), Some("tilesets/grass-water.png"));
    assert_eq!(outcome.descriptor_asset_path().as_deref(), Some("tilesets/grass-water.tileset.json"));
    let island = VertexGrid::from_rows(&ISLAND_MAP).expect("map");
    assert_eq!(outcome.tileset.autotile(&island).expect("autotile").len(), 96);
}

#[test]
fn a_running_job_is_followed_deployed_and_its_descriptor_read_from_the_project() {
    let test = "a_running_job_is_followed_deployed_and_its_descriptor_read_from_the_project";
    let scratch = Scratch::new("tileset-followed");
    let Some(program) = stand_in(test, &scratch) else { return };
    let project = scratch.bevy_project("game");
    let client = client(program);
    let request = TilesetRequest::new("sand")
        .edge("lava")
        .tile_size(8)
        .name("sand-lava")
        .wait_seconds(0.0)
        .deploy_to(project.display().to_string());
    let outcome = client.generate_tileset(&request, |_| {}).expect("tileset");
    assert!(outcome.followed);
    assert_eq!(outcome.tileset.tile_size, 8, "read from assets/tilesets/sand-lava.tileset.json");
    assert_eq!(outcome.asset_path().as_deref(), Some("tilesets/sand-lava.png"));
    assert!(project.join("assets/tilesets/sand-lava.tileset.json").is_file());

    // Not deployed, a followed job has no descriptor to read: that is an error, not an empty tileset.
    let error = client.generate_tileset(&TilesetRequest::new("sand").wait_seconds(0.0), |_| {}).unwrap_err();
    assert!(error.to_string().contains("no tileset descriptor"), "{error}");
}

#[test]
fn a_game_loop_gets_the_tileset_as_an_event() {
    let scratch = Scratch::new("tileset-requests");
    let Some(program) = stand_in("a_game_loop_gets_the_tileset_as_an_event", &scratch) else { return };
    let project = scratch.bevy_project("game");
    let requests = SpriteRequests::start(ServerCommand::new().program(program).forward_stderr(false));
    let ticket = requests.request_tileset(
        TilesetRequest::new("grass").edge("water").name("grass-water").deploy_to(project.display().to_string()),
    );
    let mut board = dgx_pixels_client::game::ProgressBoard::new();
    board.started(ticket, "grass-water tileset");
    loop {
        let event = requests.next_event(Duration::from_secs(20)).expect("an event within 20 s");
        board.apply(&event);
        match event {
            SpriteEvent::Tileset { ticket: t, outcome } if t == ticket => {
                assert_eq!(outcome.tileset.layout, "wang16");
                break;
            }
            SpriteEvent::Failed { error, .. } => panic!("{error}"),
            _ => {}
        }
    }
    assert_eq!(
        board.lines().last().map(String::as_str),
        Some("last: grass-water tileset: made tilesets/grass-water.png (16 wang16 tiles)")
    );
}
