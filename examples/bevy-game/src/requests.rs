//! Asking DGX-Pixels for sprites while the game runs. The client lives on its own threads
//! (`SpriteRequests`); this module only submits requests, polls the events once a frame, and draws the progress.

use std::collections::HashMap;
use std::path::PathBuf;

use bevy::prelude::*;
use dgx_pixels_client::game::{
    manifest_key, Direction, Manifest, ProgressBoard, SheetDescriptor, SpriteEvent, SpriteRequests, Ticket,
    MANIFEST_ASSET_PATH,
};
use dgx_pixels_client::{BatchItem, BatchRequest, DeployRequest, ServerCommand, SheetRequest, SpriteRequest};

use crate::scene::{Landed, LandedSprite};

/// A sprite the game wants: category, name, prompt, size, seed (the set `make run` makes, so after it nothing is
/// missing).
struct Wanted {
    category: &'static str,
    name: &'static str,
    prompt: &'static str,
    size: u32,
    seed: u64,
}

const WANTED: [Wanted; 3] = [
    Wanted { category: "character", name: "knight", prompt: "red knight with a sword", size: 32, seed: 7 },
    Wanted { category: "creature", name: "slime", prompt: "green slime", size: 32, seed: 3 },
    Wanted { category: "item", name: "coin", prompt: "gold coin", size: 16, seed: 5 },
];

/// What `G` asks for, in turn.
const EXTRA: [(&str, &str); 6] = [
    ("orange fox", "creature"),
    ("silver sword", "item"),
    ("treasure chest", "item"),
    ("ice golem", "creature"),
    ("red mushroom", "item"),
    ("stone tower", "tile"),
];

/// The folder DGX-Pixels deploys into.
#[derive(Resource)]
pub struct Project(pub PathBuf);

/// A sheet to deploy once its frames are made.
struct SheetPlan {
    name: String,
    category: String,
    sheet: SheetRequest,
}

/// The client, the progress board, and the sheets waiting for their frames.
#[derive(Resource)]
struct Requests {
    queue: SpriteRequests,
    board: ProgressBoard,
    sheets: HashMap<Ticket, SheetPlan>,
    extras: u64,
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
            .insert_resource(Requests { queue, board: ProgressBoard::new(), sheets: HashMap::new(), extras: 0 })
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

/// Requests the wanted sprites (and the demo sheet) the project does not have yet.
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
            BatchItem::new(wanted.prompt)
                .name(wanted.name)
                .category(wanted.category)
                .size(wanted.size)
                .seed(wanted.seed)
        });
        let batch = BatchRequest::items(items).return_image(false).deploy_to(project.0.display().to_string());
        let ticket = requests.queue.request_batch(batch);
        requests.board.started(ticket, format!("{} missing sprites", missing.len()));
    }
    if manifest.entry("creature/blue-slime").is_none() {
        let frames = (1..=4).map(|seed| BatchItem::new("blue slime").name(format!("blue-slime-{seed}")).seed(seed));
        let sheet = SheetRequest::columns(4).fps(8.0).clip("idle", 0, 3, None);
        request_sheet(
            &mut requests,
            BatchRequest::items(frames).size(16).category("creature"),
            "blue-slime",
            "creature",
            sheet,
        );
    }
}

/// Asks for a sheet's frames; `receive_events` deploys them as one sheet when they are made.
fn request_sheet(requests: &mut Requests, frames: BatchRequest, name: &str, category: &str, sheet: SheetRequest) {
    let ticket = requests.queue.request_batch(frames.return_image(false));
    requests.board.started(ticket, format!("{name} frames"));
    requests.sheets.insert(ticket, SheetPlan { name: name.into(), category: category.into(), sheet });
}

/// `G`: one more sprite. `S`: a four-direction walk sheet (clips `walk_down`, `walk_left`, `walk_right`,
/// `walk_up`, one row each). `X`: cancel everything in flight.
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
        let mut frames = Vec::new();
        let mut sheet = SheetRequest::columns(4).fps(8.0);
        for (row, direction) in Direction::ALL.iter().enumerate() {
            let row = row as u32;
            for step in 0..4 {
                let prompt = format!("hero walking {}, step {}", direction.name(), step + 1);
                let name = format!("hero-{}-{step}", direction.name());
                frames.push(BatchItem::new(prompt).name(name).seed(200 + u64::from(row * 4 + step)));
            }
            sheet = sheet.clip(format!("walk_{}", direction.name()), row * 4, row * 4 + 3, None);
        }
        request_sheet(
            &mut requests,
            BatchRequest::items(frames).size(24).category("character"),
            "hero-walk",
            "character",
            sheet,
        );
    }
    if keys.just_pressed(KeyCode::KeyX) {
        let tickets: Vec<Ticket> = requests.board.in_flight().collect();
        for ticket in tickets {
            requests.queue.cancel(ticket);
        }
    }
}

/// Polls the client once a frame: updates the board, deploys finished sheet frames, and hands every sprite whose
/// file is in place to the scene at once (the manifest asset catches up a moment later).
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
            SpriteEvent::Batch { ticket, outcome } => match requests.sheets.remove(&ticket) {
                Some(plan) => {
                    let deploy = DeployRequest::new(project.0.display().to_string(), [outcome.job.job_id.clone()])
                        .name(plan.name.clone())
                        .category(plan.category)
                        .sheet(plan.sheet);
                    let ticket = requests.queue.request_deploy(deploy);
                    requests.board.started(ticket, format!("{} sheet", plan.name));
                    None
                }
                None => outcome.deployment,
            },
            SpriteEvent::Deployed { deployment, .. } => Some(*deployment),
            SpriteEvent::Failed { ticket: Some(ticket), .. } => {
                requests.sheets.remove(&ticket);
                None
            }
            SpriteEvent::Ready { .. } | SpriteEvent::Progress { .. } | SpriteEvent::Failed { ticket: None, .. } => None,
        };
        let Some(deployment) = deployment else { continue };
        for sprite in &deployment.sprites {
            // Reloading by path refreshes handles already loaded, with or without the file watcher.
            asset_server.reload(sprite.asset_path.clone());
            let sheet = deployment.sheet.as_ref().map(|_| SheetDescriptor::json_path_for(&sprite.asset_path));
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
    lines.push("G: new sprite  S: walk sheet  C: next clip  arrows: direction  X: cancel".into());
    let text = lines.join("\n");
    for mut hud in &mut hud {
        if hud.0 != text {
            hud.0 = text.clone();
        }
    }
}
