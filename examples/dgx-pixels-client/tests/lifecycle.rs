//! Cancelling, concurrency, and the server's life and death, against the real `dgx-pixels serve`.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use dgx_pixels_client::{BatchRequest, CallEvent, ClientError, JobStatus, Progress, SpriteRequest};
use serde_json::{json, Map, Value};
use support::Scratch;

/// A batch long enough to still be running when the test acts on it (about 20 s of work on a 2-core machine).
fn long_batch() -> Map<String, Value> {
    let prompts: Vec<String> = (0..200).map(|index| format!("castle tower {index}")).collect();
    match json!({"prompts": prompts, "size": 256, "return_image": false}) {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// Waits for the call's first progress notification: proof that it is running on the server.
fn first_progress(call: &mut dgx_pixels_client::Call) -> Progress {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        match call.next_event(Duration::from_secs(1)) {
            Some(CallEvent::Progress(progress)) => return progress,
            Some(CallEvent::Finished(outcome)) => panic!("finished before any progress: {outcome:?}"),
            None => {}
        }
    }
    panic!("no progress within 60 s");
}

/// Waits for the call to finish, ignoring progress; `None` if it does not within `limit`.
fn finish_within(
    call: &mut dgx_pixels_client::Call,
    limit: Duration,
) -> Option<Result<dgx_pixels_client::ToolOutput, ClientError>> {
    let deadline = Instant::now() + limit;
    loop {
        let left = deadline.checked_duration_since(Instant::now())?;
        if let Some(CallEvent::Finished(outcome)) = call.next_event(left) {
            return Some(outcome);
        }
    }
}

#[test]
fn cancelling_a_request_sends_notifications_cancelled_and_ends_the_call() {
    let bin = require_server!("cancelling_a_request_sends_notifications_cancelled_and_ends_the_call");
    let scratch = Scratch::new("cancel");
    let client = support::server(&bin, &scratch).spawn().expect("start the server");
    let mut call = client.start_tool("generate_batch", long_batch()).expect("start");
    let progress = first_progress(&mut call);
    assert_eq!(progress.request_id, call.request_id());

    let started = Instant::now();
    call.cancel(Some("the player walked away"));
    let outcome = finish_within(&mut call, Duration::from_secs(1)).expect("the cancelled call ends at once");
    assert_eq!(outcome, Err(ClientError::Cancelled { request_id: call.request_id() }));
    assert!(started.elapsed() < Duration::from_secs(1));
    assert!(call.poll().is_none(), "nothing after the end");

    // The server took the notification in its stride: the session carries on.
    let next = client.generate_sprite(&SpriteRequest::new("gold coin").size(16).return_image(false), |_| {});
    assert!(next.is_ok(), "{next:?}");
}

#[test]
fn cancel_job_stops_a_running_job_and_keeps_what_was_made() {
    let bin = require_server!("cancel_job_stops_a_running_job_and_keeps_what_was_made");
    let scratch = Scratch::new("cancel-job");
    let client = support::server(&bin, &scratch).spawn().expect("start the server");
    let mut arguments = long_batch();
    arguments.insert("wait_seconds".into(), json!(0));
    let first = client.call_tool("generate_batch", arguments).expect("first answer");
    let job_id = first.structured.as_ref().and_then(|s| s["job"]["job_id"].as_str()).expect("job id").to_owned();

    let job = client.cancel_job(&job_id).expect("cancel_job");
    assert_eq!(job.status, JobStatus::Cancelled);
    assert!(job.items.iter().any(|item| item.status == JobStatus::Cancelled), "some items never ran");
    assert!(job.items.iter().all(|item| item.status != JobStatus::Succeeded || item.sprite.is_some()));
    assert_eq!(client.get_job(&job_id, None).expect("get_job").status, JobStatus::Cancelled);
}

#[test]
fn a_canceller_stops_a_job_being_followed() {
    let bin = require_server!("a_canceller_stops_a_job_being_followed");
    let scratch = Scratch::new("cancel-follow");
    let client = support::server(&bin, &scratch).follow_poll(Duration::from_millis(200)).spawn().expect("start");
    let prompts: Vec<String> = (0..200).map(|index| format!("castle tower {index}")).collect();
    let request = BatchRequest::prompts(prompts).size(256).wait_seconds(0.0).return_image(false);
    let call = client.batch_call(&request).expect("start");
    let (batch_id, canceller) = (call.request_id(), call.canceller());
    let outcome = call.wait(|progress| {
        // Progress from a get_job poll: the first answer was `running` and the job is being followed.
        if progress.request_id != batch_id {
            canceller.cancel(Some("enough"));
        }
    });
    match outcome {
        Err(ClientError::Job { status, message, .. }) => {
            assert_eq!(status, "cancelled");
            assert_eq!(message, "cancelled by the client");
        }
        other => panic!("expected the followed job to be cancelled, got {other:?}"),
    }
}

#[test]
fn a_server_killed_mid_call_fails_every_waiting_call_within_a_second() {
    let bin = require_server!("a_server_killed_mid_call_fails_every_waiting_call_within_a_second");
    let scratch = Scratch::new("kill");
    let client = support::server(&bin, &scratch).spawn().expect("start the server");
    let mut batch = client.start_tool("generate_batch", long_batch()).expect("start batch");
    let mut other = client.start_tool("generate_batch", long_batch()).expect("start a second batch");
    first_progress(&mut batch);

    support::kill_hard(client.server_pid());
    let killed = Instant::now();
    let outcome = finish_within(&mut batch, Duration::from_secs(5)).expect("the call ends");
    let elapsed = killed.elapsed();
    assert!(elapsed < Duration::from_secs(1), "took {elapsed:?}");
    match outcome {
        Err(ClientError::ServerExited { status, .. }) => assert!(status.contains("signal: 9"), "{status}"),
        other => panic!("expected ServerExited, got {other:?}"),
    }
    let other = finish_within(&mut other, Duration::from_secs(1)).expect("the other call ends too");
    assert!(matches!(other, Err(ClientError::ServerExited { .. })), "{other:?}");

    let started = Instant::now();
    let later = client.generate_sprite(&SpriteRequest::new("coin"), |_| {});
    assert!(matches!(&later, Err(error) if error.is_fatal()), "{later:?}");
    assert!(started.elapsed() < Duration::from_millis(100), "a dead server fails new calls at once");
}

#[test]
fn eight_threads_share_one_client() {
    let bin = require_server!("eight_threads_share_one_client");
    let scratch = Scratch::new("threads");
    let client = support::server(&bin, &scratch).spawn().expect("start the server");
    let results: Vec<(usize, String, Vec<u64>, u64)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|index| {
                let client = &client;
                scope.spawn(move || {
                    let request = SpriteRequest::new(format!("potion number {index}"))
                        .name(format!("potion-{index}"))
                        .seed(index as u64)
                        .size(24)
                        .return_image(false);
                    let call = client.sprite_call(&request).expect("start");
                    let id = call.request_id();
                    let mut seen = Vec::new();
                    let outcome = call.wait(|progress| seen.push(progress.request_id)).expect("sprite");
                    (index, outcome.sprite.name, seen, id)
                })
            })
            .collect();
        handles.into_iter().map(|handle| handle.join().expect("thread")).collect()
    });
    let mut ids: Vec<u64> = results.iter().map(|(_, _, _, id)| *id).collect();
    for (index, name, seen, id) in &results {
        assert_eq!(name, &format!("potion-{index}"), "each thread gets its own answer");
        assert!(!seen.is_empty(), "thread {index} saw no progress");
        assert!(seen.iter().all(|seen| seen == id), "thread {index} saw progress of another request: {seen:?}");
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 8, "every request has its own id");
}

#[test]
fn shutting_down_answers_calls_in_flight_and_exits_cleanly() {
    let bin = require_server!("shutting_down_answers_calls_in_flight_and_exits_cleanly");
    let scratch = Scratch::new("shutdown");
    let client = support::server(&bin, &scratch).spawn().expect("start the server");
    let pid = client.server_pid();
    let mut call = client.start_tool("generate_batch", long_batch()).expect("start");
    first_progress(&mut call);

    let started = Instant::now();
    let status = client.shutdown();
    assert_eq!(status, "exit status: 0", "stdin EOF is the server's cue to answer what is open and exit");
    assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
    assert!(!support::process_exists(pid));
    // The server answered the open batch before exiting: `running`, the job left for the next start to finish.
    let outcome = finish_within(&mut call, Duration::from_secs(1)).expect("the call ends");
    let output = outcome.expect("answered, not dropped");
    assert_eq!(output.structured.as_ref().map(|s| s["job"]["status"].clone()), Some(json!("running")));
}

#[test]
fn dropping_the_client_stops_the_server() {
    let bin = require_server!("dropping_the_client_stops_the_server");
    let scratch = Scratch::new("drop");
    let client = support::server(&bin, &scratch).spawn().expect("start the server");
    let pid = client.server_pid();
    assert!(support::process_exists(pid));
    drop(client);
    assert!(!support::process_exists(pid), "the server is gone once drop returns");
}

#[test]
fn a_server_that_cannot_start_is_an_error_with_its_stderr() {
    let bin = require_server!("a_server_that_cannot_start_is_an_error_with_its_stderr");
    let scratch = Scratch::new("bad-config");
    let config = scratch.path.join("dgx-pixels.yaml");
    std::fs::write(&config, "generation:\n  max_sise: 3\n").expect("write config");
    let started = Instant::now();
    let error = support::server(&bin, &scratch).config(&config).spawn().err().expect("a bad config fails");
    assert!(started.elapsed() < Duration::from_secs(10), "failed fast, not at the handshake timeout");
    match &error {
        ClientError::ServerExited { status, stderr_tail } => {
            assert!(status.contains("exit status: 1"), "{status}");
            assert!(stderr_tail.iter().any(|line| line.contains("max_sise")), "{stderr_tail:?}");
        }
        other => panic!("expected ServerExited, got {other:?}"),
    }
    assert!(error.to_string().contains("max_sise"), "{error}");
}

#[test]
fn a_server_that_never_answers_times_out_and_is_stopped() {
    let _bin = require_server!("a_server_that_never_answers_times_out_and_is_stopped");
    let scratch = Scratch::new("silent");
    let script = scratch.path.join("silent-server");
    let pid_file = scratch.path.join("silent-server.pid");
    std::fs::write(&script, format!("#!/bin/sh\necho $$ > '{}'\nexec sleep 30\n", pid_file.display())).expect("write");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let started = Instant::now();
    let error = support::server(&script, &scratch)
        .handshake_timeout(Duration::from_millis(300))
        .shutdown_timeout(Duration::from_millis(200))
        .spawn()
        .err()
        .expect("no handshake");
    assert!(matches!(&error, ClientError::Timeout { method, .. } if method == "initialize"), "{error:?}");
    assert!(started.elapsed() < Duration::from_secs(3), "took {:?}", started.elapsed());
    let pid: u32 = std::fs::read_to_string(&pid_file).expect("pid file").trim().parse().expect("pid");
    assert!(!support::process_exists(pid), "the silent server was killed after the shutdown timeout");
}
