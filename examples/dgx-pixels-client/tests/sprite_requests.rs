//! `game::SpriteRequests`, the way the example game uses it: requests from the game thread, events polled back.

mod support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use dgx_pixels_client::game::{ProgressBoard, SheetDescriptor, SpriteEvent, SpriteRequests, Ticket};
use dgx_pixels_client::{
    BatchItem, BatchRequest, ClientError, DeployRequest, ServerCommand, SheetRequest, SpriteRequest,
};
use support::Scratch;

/// Collects events until `done` says stop, or panics after a minute.
fn events_until(requests: &SpriteRequests, mut done: impl FnMut(&SpriteEvent) -> bool) -> Vec<SpriteEvent> {
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut events = Vec::new();
    while Instant::now() < deadline {
        if let Some(event) = requests.next_event(Duration::from_millis(200)) {
            let stop = done(&event);
            events.push(event);
            if stop {
                return events;
            }
        }
    }
    panic!("gave up waiting; events so far: {events:?}");
}

fn finished(ticket: Ticket) -> impl FnMut(&SpriteEvent) -> bool {
    move |event| match event {
        SpriteEvent::Sprite { ticket: t, .. }
        | SpriteEvent::Batch { ticket: t, .. }
        | SpriteEvent::Deployed { ticket: t, .. } => *t == ticket,
        SpriteEvent::Failed { ticket: t, .. } => *t == Some(ticket) || t.is_none(),
        _ => false,
    }
}

#[test]
fn a_game_loop_gets_progress_and_the_deployed_sprite() {
    let bin = require_server!("a_game_loop_gets_progress_and_the_deployed_sprite");
    let scratch = Scratch::new("requests");
    let project = scratch.bevy_project("game");
    let requests = SpriteRequests::start(support::server(&bin, &scratch));
    // Requests made before the server is up wait for it.
    let ticket = requests.request_sprite(
        SpriteRequest::new("green slime")
            .name("slime")
            .category("creature")
            .size(16)
            .return_image(false)
            .deploy_to(project.display().to_string()),
    );
    let events = events_until(&requests, finished(ticket));

    assert!(
        matches!(events.first(), Some(SpriteEvent::Ready { server }) if server.starts_with("dgx-pixels")),
        "{events:?}"
    );
    let progress: Vec<f64> = events
        .iter()
        .filter_map(|event| match event {
            SpriteEvent::Progress { ticket: t, progress } if *t == ticket => Some(progress.progress),
            _ => None,
        })
        .collect();
    assert!(!progress.is_empty() && progress.windows(2).all(|pair| pair[1] >= pair[0]), "{progress:?}");
    match events.last() {
        Some(SpriteEvent::Sprite { outcome, .. }) => {
            assert_eq!(outcome.asset_path(), Some("sprites/creature/slime.png"));
            assert!(PathBuf::from(outcome.png_path()).is_file(), "the file is in place when the event arrives");
        }
        other => panic!("expected the sprite, got {other:?}"),
    }
    assert!(requests.poll().is_empty());
}

#[test]
fn a_game_can_cancel_a_request_by_ticket() {
    let bin = require_server!("a_game_can_cancel_a_request_by_ticket");
    let scratch = Scratch::new("requests-cancel");
    let requests = SpriteRequests::start(support::server(&bin, &scratch));
    let prompts: Vec<String> = (0..200).map(|index| format!("castle tower {index}")).collect();
    let ticket = requests.request_batch(BatchRequest::prompts(prompts).size(256).return_image(false));
    // Wait for proof that it runs, then cancel from this (the game's) thread.
    events_until(&requests, |event| matches!(event, SpriteEvent::Progress { ticket: t, .. } if *t == ticket));
    requests.cancel(ticket);
    let events = events_until(&requests, finished(ticket));
    match events.last() {
        Some(SpriteEvent::Failed { error: ClientError::Cancelled { .. }, .. }) => {}
        other => panic!("expected the batch to be cancelled, got {other:?}"),
    }
}

#[test]
fn a_server_that_cannot_start_fails_every_request() {
    let _bin = require_server!("a_server_that_cannot_start_fails_every_request");
    let scratch = Scratch::new("requests-missing");
    let requests = SpriteRequests::start(ServerCommand::new().program(scratch.path.join("no-such-server")));
    let ticket = requests.request_sprite(SpriteRequest::new("coin"));
    let mut failures = Vec::new();
    events_until(&requests, |event| {
        if let SpriteEvent::Failed { ticket, error } = event {
            failures.push((*ticket, error.clone()));
        }
        failures.len() == 2
    });
    assert!(matches!(&failures[0], (None, ClientError::Spawn { .. })), "{failures:?}");
    assert!(matches!(&failures[1], (Some(t), ClientError::Spawn { .. }) if *t == ticket), "{failures:?}");
}

#[test]
fn frames_then_a_sheet_deploy_the_way_the_example_game_makes_sheets() {
    let bin = require_server!("frames_then_a_sheet_deploy_the_way_the_example_game_makes_sheets");
    let scratch = Scratch::new("requests-sheet");
    let project = scratch.bevy_project("game");
    let requests = SpriteRequests::start(support::server(&bin, &scratch));
    let mut board = ProgressBoard::new();
    let frames = (1..=8).map(|seed| BatchItem::new("blue slime").name(format!("slime-frame-{seed}")).seed(seed));
    let ticket = requests.request_batch(BatchRequest::items(frames).size(16).category("creature").return_image(false));
    board.started(ticket, "slime frames");
    let events = events_until(&requests, finished(ticket));
    events.iter().for_each(|event| board.apply(event));
    let job_id = match events.last() {
        Some(SpriteEvent::Batch { outcome, .. }) => outcome.job.job_id.clone(),
        other => panic!("expected the frames, got {other:?}"),
    };
    assert_eq!(board.lines().last().map(String::as_str), Some("last: slime frames: made 8 of 8 sprites"));

    let sheet = SheetRequest::columns(4).fps(8.0).clip("bounce_down", 0, 3, None).clip("bounce_up", 4, 7, None);
    let deploy =
        DeployRequest::new(project.display().to_string(), [job_id]).name("slime").category("creature").sheet(sheet);
    let ticket = requests.request_deploy(deploy);
    board.started(ticket, "slime sheet");
    let events = events_until(&requests, finished(ticket));
    events.iter().for_each(|event| board.apply(event));
    match events.last() {
        Some(SpriteEvent::Deployed { deployment, .. }) => {
            assert_eq!(deployment.sprites[0].asset_path, "sprites/creature/slime.png");
            assert_eq!(deployment.sheet.as_ref().map(|sheet| (sheet.columns, sheet.rows)), Some((4, 2)));
        }
        other => panic!("expected the deploy, got {other:?}"),
    }
    let path = project.join("assets/sprites/creature/slime.sheet.json");
    let sheet =
        SheetDescriptor::from_json(&std::fs::read(&path).expect("sheet.json"), "slime.sheet.json").expect("parse");
    assert_eq!(sheet.default_clip().name, "bounce_down");
    assert_eq!(sheet.next_clip("bounce_down").map(|clip| clip.first), Some(4));
    assert_eq!(
        board.lines().last().map(String::as_str),
        Some("last: slime sheet: deployed sprites/creature/slime.png")
    );
}

#[test]
fn dropping_the_requests_cancels_what_is_in_flight_instead_of_waiting() {
    let bin = require_server!("dropping_the_requests_cancels_what_is_in_flight_instead_of_waiting");
    let scratch = Scratch::new("requests-drop");
    let requests = SpriteRequests::start(support::server(&bin, &scratch));
    let prompts: Vec<String> = (0..200).map(|index| format!("castle tower {index}")).collect();
    let ticket = requests.request_batch(BatchRequest::prompts(prompts).size(256).return_image(false));
    events_until(&requests, |event| matches!(event, SpriteEvent::Progress { ticket: t, .. } if *t == ticket));
    let started = std::time::Instant::now();
    drop(requests);
    // The batch alone takes about 20 s; a closing game must not wait for it.
    assert!(started.elapsed() < Duration::from_secs(8), "drop took {:?}", started.elapsed());
}
