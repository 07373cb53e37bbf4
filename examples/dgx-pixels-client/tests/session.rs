//! The client against the real `dgx-pixels serve` (path from DGX_PIXELS_BIN): handshake, sprites, batches,
//! deploys, errors, and jobs followed to the end.

mod support;

use std::path::Path;

use dgx_pixels_client::game::{Manifest, SheetDescriptor};
use dgx_pixels_client::{
    BatchItem, BatchRequest, ClientError, DeployRequest, JobStatus, Progress, ServerCommand, SheetRequest,
    SpriteRequest,
};
use serde_json::{json, Map, Value};
use support::Scratch;

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}

fn assert_monotonic(events: &[Progress]) {
    for pair in events.windows(2) {
        assert!(pair[1].progress >= pair[0].progress, "progress went back: {} then {}", pair[0], pair[1]);
    }
}

#[test]
fn completes_the_handshake_and_lists_the_tools() {
    let bin = require_server!("completes_the_handshake_and_lists_the_tools");
    let scratch = Scratch::new("handshake");
    let client = support::server(&bin, &scratch).spawn().expect("start the server");
    let server = client.server();
    assert_eq!(server.name, "dgx-pixels");
    assert_eq!(server.protocol_version, "2025-11-25");
    assert!(server.capabilities.get("tools").is_some(), "{:?}", server.capabilities);
    let tools = client.list_tools().expect("tools/list");
    let names: Vec<&str> = tools.iter().filter_map(|tool| tool["name"].as_str()).collect();
    for expected in ["generate_sprite", "generate_batch", "deploy_to_bevy", "get_job", "cancel_job", "validate_sprite"]
    {
        assert!(names.contains(&expected), "{expected} missing from {names:?}");
    }
    assert!(client.shutdown().contains("exit status: 0"), "stdin EOF is a clean exit");
}

#[test]
fn finds_the_server_through_dgx_pixels_bin() {
    let _bin = require_server!("finds_the_server_through_dgx_pixels_bin");
    let scratch = Scratch::new("env");
    // No .program(): the client must find the binary the way a game would, through $DGX_PIXELS_BIN.
    let client =
        support::isolate(ServerCommand::new(), &scratch).spawn().expect("start the server from DGX_PIXELS_BIN");
    assert_eq!(client.server().name, "dgx-pixels");
}

#[test]
fn generates_and_deploys_one_sprite_with_progress() {
    let bin = require_server!("generates_and_deploys_one_sprite_with_progress");
    let scratch = Scratch::new("sprite");
    let project = scratch.bevy_project("game");
    let client = support::server(&bin, &scratch).spawn().expect("start the server");
    let request = SpriteRequest::new("red knight")
        .size(32)
        .seed(7)
        .name("knight")
        .category("character")
        .return_image(false)
        .deploy_to(project.display().to_string());
    let mut events = Vec::new();
    let outcome = client.generate_sprite(&request, |progress| events.push(progress.clone())).expect("generate");
    assert!(!outcome.followed, "a 32 px sprite is done within the default 45 s wait");

    assert!(!events.is_empty(), "a generate call with a progress token reports progress");
    assert_monotonic(&events);
    let last = events.last().expect("progress");
    assert_eq!((last.progress, last.total), (100.0, Some(100.0)));
    assert!(last.message.as_deref().unwrap_or("").starts_with("saved "), "{last}");

    let sprite = &outcome.sprite;
    assert_eq!((sprite.width, sprite.height, sprite.seed, sprite.engine.as_str()), (32, 32, 7, "procedural"));
    assert!(!outcome.cached());
    assert!(outcome.sheet().is_none(), "a plain sprite has no sheet");
    assert_eq!(outcome.asset_path(), Some("sprites/character/knight.png"));
    let deployed = project.join("assets/sprites/character/knight.png");
    assert_eq!(Path::new(outcome.png_path()), deployed);
    assert_eq!(&std::fs::read(&deployed).expect("deployed PNG")[..8], b"\x89PNG\r\n\x1a\n");
    assert!(Path::new(&sprite.path).starts_with(scratch.path.join("out")), "{}", sprite.path);

    let again = client.generate_sprite(&request, |_| {}).expect("generate again");
    assert!(again.cached(), "the same request and seed come from the cache");
    assert_eq!(again.sprite.content_hash, sprite.content_hash);

    let manifest = Manifest::load(&project).expect("manifest");
    assert_eq!(
        manifest.entry("character/knight").map(|entry| entry.asset_path.as_str()),
        Some("sprites/character/knight.png")
    );
}

#[test]
fn generates_a_batch_with_per_item_results() {
    let bin = require_server!("generates_a_batch_with_per_item_results");
    let scratch = Scratch::new("batch");
    let project = scratch.bevy_project("game");
    let client = support::server(&bin, &scratch).spawn().expect("start the server");
    let request = BatchRequest::items([
        BatchItem::new("green slime").name("slime").category("creature"),
        BatchItem::new("gold coin").name("coin").category("item"),
        BatchItem::new("blue ship").name("ship").category("vehicle"),
    ])
    .size(16)
    .seed(1)
    .return_image(false)
    .deploy_to(project.display().to_string());
    let mut events = Vec::new();
    let outcome = client.generate_batch(&request, |progress| events.push(progress.clone())).expect("batch");

    assert_monotonic(&events);
    let last = events.last().expect("progress");
    assert_eq!((last.progress, last.total), (3.0, Some(3.0)));
    let job = &outcome.job;
    assert_eq!((job.status, job.total, job.succeeded, job.failed), (JobStatus::Succeeded, 3, 3, 0));
    let indices: Vec<u32> = job.items.iter().map(|item| item.index).collect();
    assert_eq!(indices, vec![0, 1, 2]);
    let names: Vec<&str> = job.items.iter().filter_map(|item| item.sprite.as_ref()).map(|s| s.name.as_str()).collect();
    assert_eq!(names, vec!["slime", "coin", "ship"]);
    for (index, expected) in
        ["sprites/creature/slime.png", "sprites/item/coin.png", "sprites/vehicle/ship.png"].iter().enumerate()
    {
        assert_eq!(outcome.asset_path(index), Some(*expected));
        assert!(project.join("assets").join(expected).is_file(), "{expected} was not deployed");
    }
    assert!(outcome.deploy_error.is_none());

    let again = client.get_job(&job.job_id, None).expect("get_job");
    assert_eq!(again.items, job.items);
}

#[test]
fn a_bad_argument_is_a_tool_error_with_the_servers_text() {
    let bin = require_server!("a_bad_argument_is_a_tool_error_with_the_servers_text");
    let scratch = Scratch::new("bad-argument");
    let client = support::server(&bin, &scratch).spawn().expect("start the server");
    let error = client.generate_sprite(&SpriteRequest::new("knight").size(10000), |_| {}).unwrap_err();
    match &error {
        ClientError::Tool { tool, message, .. } => {
            assert_eq!(tool, "generate_sprite");
            assert!(message.contains("Invalid argument 'size'"), "{message}");
        }
        other => panic!("expected a tool error, got {other:?}"),
    }
    assert!(!error.is_fatal());

    let error = client.generate_sprite(&SpriteRequest::new("knight").arg("style", "watercolour"), |_| {}).unwrap_err();
    assert!(matches!(&error, ClientError::Tool { message, .. } if message.contains("style")), "{error}");

    let error = client.call_tool("make_coffee", Map::new()).unwrap_err();
    assert!(
        matches!(&error, ClientError::Rpc { code: -32602, message, .. } if message.contains("make_coffee")),
        "{error:?}"
    );

    let error = client.get_job("20990101-000000-000000", None).unwrap_err();
    assert!(matches!(&error, ClientError::Tool { tool, .. } if tool == "get_job"), "{error:?}");

    // The session is still fine after errors.
    let outcome = client.generate_sprite(&SpriteRequest::new("gold coin").size(16).return_image(false), |_| {});
    assert!(outcome.is_ok(), "{outcome:?}");
}

#[test]
fn follows_a_running_batch_to_the_end() {
    let bin = require_server!("follows_a_running_batch_to_the_end");
    let scratch = Scratch::new("follow");
    let client = support::server(&bin, &scratch).spawn().expect("start the server");
    let prompts: Vec<String> = (0..24).map(|index| format!("slime number {index}")).collect();
    let arguments = object(json!({"prompts": prompts, "size": 96, "wait_seconds": 0, "return_image": false}));

    let first = client.start_tool("generate_batch", arguments).expect("start").wait(|_| {}).expect("first answer");
    let job = &first.structured.as_ref().expect("structuredContent")["job"];
    assert_eq!(job["status"], "running", "wait_seconds: 0 answers before the batch is done");
    let job_id = job["job_id"].as_str().expect("job_id").to_owned();

    let mut events = Vec::new();
    let finished = client.follow_job(&job_id, |progress| events.push(progress.clone())).expect("follow");
    assert_eq!((finished.status, finished.total, finished.succeeded), (JobStatus::Succeeded, 24, 24));
    assert!(finished.items.iter().all(|item| item.sprite.is_some()));
    assert_monotonic(&events);
}

#[test]
fn generate_calls_follow_running_answers_and_still_deploy() {
    let bin = require_server!("generate_calls_follow_running_answers_and_still_deploy");
    let scratch = Scratch::new("follow-deploy");
    let project = scratch.bevy_project("game");
    let client = support::server(&bin, &scratch).spawn().expect("start the server");

    let sprite = SpriteRequest::new("big red dragon")
        .size(256)
        .name("dragon")
        .category("creature")
        .wait_seconds(0.0)
        .return_image(false)
        .deploy_to(project.display().to_string());
    let outcome = client.generate_sprite(&sprite, |_| {}).expect("sprite");
    assert!(outcome.followed, "a 256 px sprite is not done at wait_seconds: 0");
    assert_eq!(outcome.asset_path(), Some("sprites/creature/dragon.png"));
    assert!(project.join("assets/sprites/creature/dragon.png").is_file());

    let prompts: Vec<String> = (0..12).map(|index| format!("gem {index}")).collect();
    let batch = BatchRequest::prompts(prompts)
        .size(64)
        .category("item")
        .wait_seconds(0.0)
        .return_image(false)
        .deploy_to(project.display().to_string());
    let mut events = Vec::new();
    let outcome = client.generate_batch(&batch, |progress| events.push(progress.clone())).expect("batch");
    assert!(outcome.followed, "12 sprites are not done at wait_seconds: 0");
    assert_eq!((outcome.job.status, outcome.job.succeeded), (JobStatus::Succeeded, 12));
    assert_monotonic(&events);
    let deployment = outcome.deployment.as_ref().expect("deployment");
    assert_eq!(deployment.sprites.len(), 12);
    for index in 0..12 {
        let asset = outcome.asset_path(index).expect("asset path");
        assert!(project.join("assets").join(asset).is_file(), "{asset}");
    }
}

#[test]
fn deploys_a_sheet_the_game_module_can_read() {
    let bin = require_server!("deploys_a_sheet_the_game_module_can_read");
    let scratch = Scratch::new("sheet");
    let project = scratch.bevy_project("game");
    let client = support::server(&bin, &scratch).spawn().expect("start the server");
    let frames = (1..=4).map(|seed| BatchItem::new("blue slime").name(format!("blue-slime-{seed}")).seed(seed));
    let made = client
        .generate_batch(&BatchRequest::items(frames).size(16).category("creature").return_image(false), |_| {})
        .expect("frames");
    let deploy = DeployRequest::new(project.display().to_string(), [made.job.job_id.clone()])
        .name("blue-slime")
        .category("creature")
        .sheet(SheetRequest::columns(2).fps(8.0).clip("idle", 0, 3, None).clip("blink", 2, 3, Some(4.0)));
    let deployment = client.deploy_to_bevy(&deploy).expect("deploy");
    let reported = deployment.sheet.as_ref().expect("the report carries the sheet");
    assert_eq!((reported.columns, reported.rows, reported.tile_size_x, reported.frames), (2, 2, 16, 4));

    let path = project.join("assets/sprites/creature/blue-slime.sheet.json");
    let on_disk = SheetDescriptor::from_json(&std::fs::read(&path).expect("sheet.json"), &path.display().to_string())
        .expect("the descriptor parses and checks");
    assert_eq!(&on_disk, reported);
    assert_eq!(on_disk.image, "sprites/creature/blue-slime.png");
    assert_eq!(on_disk.clip("blink").map(|clip| (clip.first, clip.last, clip.fps)), Some((2, 3, 4.0)));
    assert_eq!(on_disk.next_clip("blink").map(|clip| clip.name.as_str()), Some("idle"));

    let manifest = Manifest::load(&project).expect("manifest");
    let entry = manifest.entry("creature/blue-slime").expect("sheet entry");
    let sheet = entry.sheet.as_ref().expect("manifest sheet");
    assert_eq!(sheet.json, SheetDescriptor::json_path_for(&entry.asset_path));
    assert_eq!(sheet.clips, vec!["idle".to_owned(), "blink".to_owned()]);
}
