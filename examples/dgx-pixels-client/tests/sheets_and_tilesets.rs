//! Animation sheets and tilesets against the real `dgx-pixels serve` (path from DGX_PIXELS_BIN): a knight's
//! 4-direction walk typed, deployed and played; a tileset made, deployed and autotiled (skipped, saying why, while
//! the server has no `generate_tileset`).

mod support;

use dgx_pixels_client::game::{ClipPlayer, Direction, Manifest, SheetDescriptor, TilesetDescriptor, VertexGrid};
use dgx_pixels_client::{BatchItem, BatchRequest, ClientError, SpriteRequest, TilesetRequest};
use support::Scratch;

const WALK_CLIPS: [&str; 4] = ["walk_down", "walk_left", "walk_right", "walk_up"];

#[test]
fn a_knights_walk_comes_back_as_a_typed_sheet_and_deploys_its_descriptors() {
    let bin = require_server!("a_knights_walk_comes_back_as_a_typed_sheet_and_deploys_its_descriptors");
    let scratch = Scratch::new("walk");
    let project = scratch.bevy_project("game");
    let client = support::server(&bin, &scratch).spawn().expect("start the server");
    let request = SpriteRequest::new("a knight")
        .category("character")
        .name("knight-walk")
        .size(32)
        .seed(21)
        .animation("walk")
        .frames(8)
        .directions(4)
        .return_image(false)
        .deploy_to(project.display().to_string());
    let outcome = client.generate_sprite(&request, |_| {}).expect("walk sheet");

    let sheet = outcome.sheet().expect("an animation result carries its sheet");
    assert_eq!((sheet.columns, sheet.rows, sheet.frame_width, sheet.frame_height), (8, 4, 32, 32));
    assert_eq!((outcome.sprite.width, outcome.sprite.height), (8 * 32, 4 * 32), "one PNG: frames x directions");
    let names: Vec<&str> = sheet.clips.iter().map(|clip| clip.name.as_str()).collect();
    assert_eq!(names, WALK_CLIPS);
    for (row, clip) in sheet.clips.iter().enumerate() {
        let row = row as u32;
        assert_eq!((clip.first, clip.last), (row * 8, row * 8 + 7), "{} is row {row}", clip.name);
        assert_eq!(clip.loops, Some(true), "a walk loops");
        assert!(clip.fps > 0.0);
    }
    assert_eq!(sheet.clip("walk_up").map(|clip| clip.first), Some(24));

    assert_eq!(outcome.asset_path(), Some("sprites/character/knight-walk.png"));
    let json_path = project.join("assets/sprites/character/knight-walk.sheet.json");
    let text = std::fs::read_to_string(&json_path).expect("deploy writes .sheet.json");
    assert!(text.contains("\"loops\""), "the deployed clips carry loops: {text}");
    assert!(project.join("assets/sprites/character/knight-walk.sheet.ron").is_file());
    let descriptor = SheetDescriptor::from_json(text.as_bytes(), "knight-walk.sheet.json").expect("descriptor");
    assert_eq!((descriptor.columns, descriptor.rows, descriptor.tile_size_x, descriptor.frames), (8, 4, 32, 32));
    assert_eq!(descriptor.image, "sprites/character/knight-walk.png");
    assert_eq!(descriptor.clips, sheet.clips, "the deployed clips are the ones the result named");
    for direction in Direction::ALL {
        let clip = descriptor.clip_for("walk", direction).expect("a clip per direction");
        assert_eq!(clip.name, format!("walk_{}", direction.name()));
    }

    // What the game does with it: face left and play, and the frames stay on the left row and loop.
    let mut player = ClipPlayer::new(descriptor.default_clip());
    player.play(descriptor.clip_for("walk", Direction::Left).cloned().expect("walk_left"));
    let shown: Vec<u32> = (0..20).map(|_| player.tick(1.0 / descriptor.fps)).collect();
    assert!(shown.iter().all(|index| (8..16).contains(index)), "{shown:?}");
    assert!(shown.windows(2).any(|pair| pair[1] < pair[0]), "it wraps around: {shown:?}");

    let manifest = Manifest::load(&project).expect("manifest");
    let entry = manifest.entry("character/knight-walk").expect("manifest entry");
    assert_eq!(entry.frames, 32);
    let listed = entry.sheet.as_ref().expect("the manifest records the sheet");
    assert_eq!(listed.json, "sprites/character/knight-walk.sheet.json");
    assert_eq!(listed.clips, WALK_CLIPS);

    let again = client.generate_sprite(&request, |_| {}).expect("the same walk again");
    assert!(again.cached(), "same request and seed: from the cache");
    assert_eq!(again.sheet(), Some(sheet));
}

#[test]
fn a_batch_item_can_be_a_sheet_and_bad_sheet_options_are_named() {
    let bin = require_server!("a_batch_item_can_be_a_sheet_and_bad_sheet_options_are_named");
    let scratch = Scratch::new("walk-batch");
    let project = scratch.bevy_project("game");
    let client = support::server(&bin, &scratch).spawn().expect("start the server");
    let batch = BatchRequest::items([
        BatchItem::new("green slime").name("slime-hop").category("creature").animation("idle").frames(4).directions(1),
        BatchItem::new("gold coin").name("coin").category("item"),
    ])
    .size(16)
    .seed(3)
    .return_image(false)
    .deploy_to(project.display().to_string());
    let outcome = client.generate_batch(&batch, |_| {}).expect("batch");
    let sheet = outcome.job.items[0].sprite.as_ref().and_then(|sprite| sprite.sheet.as_ref()).expect("item 0 sheet");
    assert_eq!((sheet.columns, sheet.rows), (4, 1));
    assert_eq!(sheet.clips.iter().map(|clip| clip.name.as_str()).collect::<Vec<_>>(), vec!["idle_down"]);
    assert!(outcome.job.items[1].sprite.as_ref().is_some_and(|sprite| sprite.sheet.is_none()));
    // The example game's start-up batch relies on this: a sheet item deploys with its descriptor beside it.
    assert_eq!(outcome.asset_path(0), Some("sprites/creature/slime-hop.png"));
    let json = project.join("assets/sprites/creature/slime-hop.sheet.json");
    let descriptor = SheetDescriptor::from_json(&std::fs::read(&json).expect("sheet.json"), "slime-hop.sheet.json")
        .expect("descriptor");
    assert_eq!(descriptor.clips, sheet.clips);
    assert!(!project.join("assets/sprites/item/coin.sheet.json").exists(), "a plain sprite has no descriptor");

    let error = client.generate_sprite(&SpriteRequest::new("knight").animation("walk").frames(40), |_| {}).unwrap_err();
    assert!(matches!(&error, ClientError::Tool { message, .. } if message.contains("frames")), "{error}");
    let error = client.generate_sprite(&SpriteRequest::new("knight").directions(3).animation("walk"), |_| {});
    assert!(matches!(&error, Err(ClientError::Tool { message, .. }) if message.contains("directions")), "{error:?}");
}

#[test]
fn a_tileset_is_made_deployed_and_autotiles_a_map() {
    let bin = require_server!("a_tileset_is_made_deployed_and_autotiles_a_map");
    let scratch = Scratch::new("tileset");
    let project = scratch.bevy_project("game");
    let client = support::server(&bin, &scratch).spawn().expect("start the server");
    if !client.has_tool("generate_tileset").expect("tools/list") {
        support::skip(
            "a_tileset_is_made_deployed_and_autotiles_a_map",
            "this dgx-pixels has no generate_tileset tool in tools/list yet; the test runs once the server has it",
        );
        return;
    }
    let request = TilesetRequest::new("grass")
        .edge("water")
        .tile_size(16)
        .layout("wang16")
        .seed(5)
        .name("grass-water")
        .return_image(false)
        .deploy_to(project.display().to_string());
    let mut progress = Vec::new();
    let outcome = client.generate_tileset(&request, |event| progress.push(event.clone())).expect("tileset");
    let tileset = &outcome.tileset;
    assert_eq!((tileset.layout.as_str(), tileset.tile_size), ("wang16", 16));
    assert_eq!(tileset.tiles.len(), 16);
    assert_eq!((outcome.sprite.width, outcome.sprite.height), (tileset.columns * 16, tileset.rows * 16));
    for combination in 0..16u8 {
        let corners = [combination & 1, (combination >> 1) & 1, (combination >> 2) & 1, (combination >> 3) & 1];
        assert!(tileset.tile_for(corners).is_some(), "no tile for {corners:?}");
    }
    assert!(progress.windows(2).all(|pair| pair[1].progress >= pair[0].progress), "progress went back");

    assert_eq!(outcome.asset_path().as_deref(), Some("tilesets/grass-water.png"));
    let png = project.join("assets/tilesets/grass-water.png");
    assert_eq!(&std::fs::read(&png).expect("deployed PNG")[..8], b"\x89PNG\r\n\x1a\n");
    assert!(project.join("assets/tilesets/grass-water.tileset.ron").is_file());
    let json = project.join("assets/tilesets/grass-water.tileset.json");
    let on_disk =
        TilesetDescriptor::from_json(&std::fs::read(&json).expect(".tileset.json"), &json.display().to_string())
            .expect("the deployed descriptor parses and checks");
    assert_eq!(&on_disk, tileset, "the deployed descriptor is the one the result carries");

    let lake = VertexGrid::from_fn(12, 8, |x, y| (3..=9).contains(&x) && (2..=6).contains(&y));
    let cells = on_disk.autotile(&lake).expect("every cell has a tile");
    assert_eq!(cells.len(), 96);
    for (cell, index) in cells.iter().enumerate() {
        let tile = on_disk.tiles.iter().find(|tile| tile.index == *index).expect("a listed tile");
        assert_eq!(tile.corners, lake.corners(cell % 12, cell / 12), "cell {cell}");
    }

    let again = client.generate_tileset(&request, |_| {}).expect("the same tileset again");
    assert_eq!(again.sprite.content_hash, outcome.sprite.content_hash, "same request and seed, same tiles");
}
