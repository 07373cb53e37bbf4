//! Asking DGX-Pixels for sprites, animation sheets and the tileset while the game runs. The client lives on its own
//! threads (`SpriteRequests`); this module only submits requests, polls the events once a frame, and draws the
//! progress.

use std::path::PathBuf;

use bevy::prelude::*;
use dgx_pixels_client::game::{
    asset_file, manifest_key, Manifest, ProgressBoard, SheetDescriptor, SpriteEvent, SpriteRequests, Ticket,
    TilesetDescriptor, MANIFEST_ASSET_PATH,
};
use dgx_pixels_client::{BatchItem, BatchRequest, ServerCommand, SpriteRequest, TilesetRequest};

use crate::scene::{Landed, LandedSprite};

/// A sprite the game wants: category, name, prompt, size, seed, and for an animation sheet the animation and
/// directions (the set `make run` makes, so after it nothing is missing).
struct Wanted {
    category: &'static str,
    name: &'static str,
    prompt: &'static str,
    size: u32,
    seed: u64,
    animation: Option<(&'static str, u32)>,
}

const WANTED: [Wanted; 4] = [
    Wanted {
        category: "character",
        name: "knight",
        prompt: "red knight with a sword",
        size: 32,
        seed: 7,
        animation: None,
    },
    Wanted { category: "creature", name: "slime", prompt: "green slime", size: 32, seed: 3, animation: None },
    Wanted { category: "item", name: "coin", prompt: "gold coin", size: 16, seed: 5, animation: None },
    Wanted {
        category: "character",
        name: "hero-walk",
        prompt: "hero in blue tunic",
        size: 32,
        seed: 21,
        animation: Some(("walk", 4)),
    },
];

/// The tileset the game wants: `tilesets/grass-water.png` and its `.tileset.json` (also made by `make run`).
pub const TILESET_NAME: &str = "grass-water";

/// The asset path of the wanted tileset's descriptor.
pub fn tileset_descriptor_path() -> String {
    format!("tilesets/{TILESET_NAME}.tileset.json")
}

fn wanted_tileset() -> TilesetRequest {
    TilesetRequest::new("grass").edge("water").seed(5).tile_size(16).layout("wang16").name(TILESET_NAME)
}

/// What `G` asks for, in turn.
const EXTRA: [(&str, &str); 6] = [
    ("orange fox", "creature"),
    ("silver sword", "item"),
    ("treasure chest", "item"),
    ("ice golem", "creature"),
    ("red mushroom", "item"),
    ("stone tower", "tile"),
];

/// Who `S` asks to walk, in turn.
const WALKERS: [&str; 4] = ["orc warrior", "skeleton archer", "purple wizard", "green goblin"];

/// The folder DGX-Pixels deploys into.
#[derive(Resource)]
pub struct Project(pub PathBuf);

/// The client, the progress board, and how many extra sprites and walk sheets were asked for.
#[derive(Resource)]
struct Requests {
    queue: SpriteRequests,
    board: ProgressBoard,
    extras: u64,
    walkers: u64,
}

/// The progress text.
#[derive(Component)]
struct Hud;

/// Starts the client and wires the request systems.
pub struct RequestsPlugin {
    pub project: PathBuf,
}

impl Plugin for RequestsPlugin {
    fn build(&self, app: &mut App) {
        let queue = SpriteRequests::start(ServerCommand::new().client_name("bevy-game"));
        app.insert_resource(Project(self.project.clone()))
            .insert_resource(Requests { queue, board: ProgressBoard::new(), extras: 0, walkers: 0 })
            .add_systems(Startup, (spawn_hud, request_missing))
            .add_systems(Update, (request_on_keys, receive_events, show_progress).chain());
    }
}

fn spawn_hud(mut commands: Commands) {
    commands.spawn((
        Text::new(""),
        TextFont { font_size: 14.0, ..default() },
        Node { position_type: PositionType::Absolute, top: Val::Px(8.0), left: Val::Px(8.0), ..default() },
        Hud,
    ));
}

/// Requests the wanted sprites (the walk sheet among them, made and deployed by the server in one go) and the
/// tileset, when the project does not have them yet.
fn request_missing(mut requests: ResMut<Requests>, project: Res<Project>) {
    let manifest = Manifest::load(&project.0).unwrap_or_else(|error| {
        warn!("{error}; treating every sprite as missing");
        Manifest { version: 1, generator: None, sprites: Default::default() }
    });
    let keys: Vec<String> = WANTED.iter().map(|wanted| manifest_key(wanted.category, wanted.name)).collect();
    let missing = manifest.missing(keys.iter().map(String::as_str));
    if !missing.is_empty() {
        let items =
            WANTED.iter().filter(|wanted| missing.contains(&manifest_key(wanted.category, wanted.name).as_str()));
        let items = items.map(|wanted| {
            let item = BatchItem::new(wanted.prompt)
                .name(wanted.name)
                .category(wanted.category)
                .size(wanted.size)
                .seed(wanted.seed);
            match wanted.animation {
                Some((animation, directions)) => item.animation(animation).directions(directions),
                None => item,
            }
        });
        let batch = BatchRequest::items(items).return_image(false).deploy_to(project.0.display().to_string());
        let ticket = requests.queue.request_batch(batch);
        requests.board.started(ticket, format!("{} missing sprites", missing.len()));
    }
    if !asset_file(&project.0, &tileset_descriptor_path()).is_file() {
        let request = wanted_tileset().return_image(false).deploy_to(project.0.display().to_string());
        let ticket = requests.queue.request_tileset(request);
        requests.board.started(ticket, format!("{TILESET_NAME} tileset"));
    }
}

/// `G`: one more sprite. `S`: a four-direction walk sheet, made and deployed by the server in one call (one row
/// per direction, clips `walk_down`, `walk_left`, `walk_right`, `walk_up`). `X`: cancel everything in flight.
fn request_on_keys(keys: Res<ButtonInput<KeyCode>>, mut requests: ResMut<Requests>, project: Res<Project>) {
    if keys.just_pressed(KeyCode::KeyG) {
        let (prompt, category) = EXTRA[(requests.extras % EXTRA.len() as u64) as usize];
        let name = format!("extra-{}", requests.extras);
        let request = SpriteRequest::new(prompt)
            .name(name.clone())
            .category(category)
            .seed(1000 + requests.extras)
            .return_image(false)
            .deploy_to(project.0.display().to_string());
        requests.extras += 1;
        let ticket = requests.queue.request_sprite(request);
        requests.board.started(ticket, name);
    }
    if keys.just_pressed(KeyCode::KeyS) {
        let prompt = WALKERS[(requests.walkers % WALKERS.len() as u64) as usize];
        let name = format!("walker-{}", requests.walkers);
        let request = SpriteRequest::new(prompt)
            .name(name.clone())
            .category("character")
            .size(32)
            .seed(300 + requests.walkers)
            .animation("walk")
            .directions(4)
            .return_image(false)
            .deploy_to(project.0.display().to_string());
        requests.walkers += 1;
        let ticket = requests.queue.request_sprite(request);
        requests.board.started(ticket, format!("{name} walk sheet"));
    }
    if keys.just_pressed(KeyCode::KeyX) {
        let tickets: Vec<Ticket> = requests.board.in_flight().collect();
        for ticket in tickets {
            requests.queue.cancel(ticket);
        }
    }
}

/// Polls the client once a frame: updates the board, and hands every sprite whose file is in place to the scene
/// at once (the manifest asset catches up a moment later); a deployed tileset is reloaded by path, which rebuilds
/// the map.
fn receive_events(
    mut requests: ResMut<Requests>,
    mut landed: ResMut<Landed>,
    asset_server: Res<AssetServer>,
    project: Res<Project>,
) {
    let requests = &mut *requests;
    for event in requests.queue.poll() {
        requests.board.apply(&event);
        let deployment = match event {
            SpriteEvent::Sprite { outcome, .. } => outcome.deployment,
            SpriteEvent::Batch { outcome, .. } => outcome.deployment,
            SpriteEvent::Deployed { deployment, .. } => Some(*deployment),
            SpriteEvent::Tileset { outcome, .. } => {
                // Reloading by path refreshes handles already loaded (or that failed before the file existed).
                if let Some(image) = outcome.asset_path() {
                    asset_server.reload(TilesetDescriptor::json_path_for(&image));
                    asset_server.reload(image);
                }
                None
            }
            SpriteEvent::Ready { .. } | SpriteEvent::Progress { .. } | SpriteEvent::Failed { .. } => None,
        };
        let Some(deployment) = deployment else { continue };
        for sprite in &deployment.sprites {
            asset_server.reload(sprite.asset_path.clone());
            // Animation sheets and packed sheets alike have a .sheet.json beside the PNG.
            let descriptor = SheetDescriptor::json_path_for(&sprite.asset_path);
            let sheet = asset_file(&project.0, &descriptor).is_file().then_some(descriptor);
            if let Some(sheet) = &sheet {
                asset_server.reload(sheet.clone());
            }
            landed.0.push(LandedSprite {
                key: manifest_key(&sprite.category, &sprite.name),
                asset_path: sprite.asset_path.clone(),
                sheet,
            });
        }
        asset_server.reload(MANIFEST_ASSET_PATH);
    }
}

fn show_progress(requests: Res<Requests>, mut hud: Query<&mut Text, With<Hud>>) {
    let mut lines = requests.board.lines();
    lines.push("G: new sprite  S: walk sheet  C: next clip  arrows: face  X: cancel".into());
    let text = lines.join("\n");
    for mut hud in &mut hud {
        if hud.0 != text {
            hud.0 = text.clone();
        }
    }
}
