//! Sprite requests for a game loop: made on background threads, answered through a channel the loop polls.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crate::call::Canceller;
use crate::client::Client;
use crate::error::ClientError;
use crate::progress::Progress;
use crate::requests::{BatchRequest, DeployRequest, SpriteRequest};
use crate::results::{BatchOutcome, Deployment, SpriteOutcome};
use crate::server_command::ServerCommand;
use crate::tileset_outcome::TilesetOutcome;
use crate::tileset_request::TilesetRequest;

/// Names one request made through `SpriteRequests`.
pub type Ticket = u64;

/// What `SpriteRequests` reports, in the order it happens.
#[derive(Debug, Clone, PartialEq)]
pub enum SpriteEvent {
    /// The server is up and the handshake done.
    Ready { server: String },
    /// Progress of one request.
    Progress { ticket: Ticket, progress: Progress },
    /// A sprite is made (and deployed, with `deploy_to`): its file is in place.
    Sprite { ticket: Ticket, outcome: Box<SpriteOutcome> },
    /// A batch is finished.
    Batch { ticket: Ticket, outcome: Box<BatchOutcome> },
    /// A tileset is made (and deployed, with `deploy_to`).
    Tileset { ticket: Ticket, outcome: Box<TilesetOutcome> },
    /// A deploy is done: its files are in place.
    Deployed { ticket: Ticket, deployment: Box<Deployment> },
    /// A request failed, or (`ticket: None`) the server could not be started.
    Failed { ticket: Option<Ticket>, error: ClientError },
}

enum Command {
    Sprite(Ticket, Box<SpriteRequest>),
    Batch(Ticket, Box<BatchRequest>),
    Deploy(Ticket, Box<DeployRequest>),
    Tileset(Ticket, Box<TilesetRequest>),
}

/// Where a request stands, for cancelling it.
enum Tracking {
    Running(Canceller),
    CancelledEarly,
}

/// The requests that can be cancelled, and whether the whole thing is closing (then every request that starts is
/// cancelled at once). One lock, so a request cannot start between the two.
#[derive(Default)]
struct Tracker {
    tickets: HashMap<Ticket, Tracking>,
    closing: bool,
}

/// Requests sprites without blocking the caller: a worker thread owns the `Client` (started in the background,
/// so the game's first frame does not wait for the server), each request runs on a thread of its own, and every
/// outcome comes back as a `SpriteEvent` to `poll`. `Send + Sync`, so a Bevy game can keep it in a resource.
///
/// Dropping it cancels the requests in flight, waits for their threads, and stops the server.
pub struct SpriteRequests {
    commands: Option<Sender<Command>>,
    /// Our own way into the event channel, for requests the worker can no longer take.
    events_tx: Sender<SpriteEvent>,
    events: Mutex<Receiver<SpriteEvent>>,
    next_ticket: AtomicU64,
    tracking: Arc<Mutex<Tracker>>,
    worker: Option<JoinHandle<()>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl SpriteRequests {
    /// Starts the server in the background. Its failure to start arrives as `SpriteEvent::Failed { ticket: None }`
    /// (and every request then fails with the same error).
    pub fn start(command: ServerCommand) -> SpriteRequests {
        let (commands, command_rx) = mpsc::channel();
        let (events_tx, events) = mpsc::channel();
        let tracking = Arc::new(Mutex::new(Tracker::default()));
        let worker_tracking = Arc::clone(&tracking);
        let worker_events = events_tx.clone();
        let worker = thread::Builder::new()
            .name("dgx-pixels-requests".into())
            .spawn(move || run_worker(command, command_rx, worker_events, worker_tracking));
        let worker = match worker {
            Ok(worker) => Some(worker),
            Err(error) => {
                let _ = events_tx.send(SpriteEvent::Failed { ticket: None, error: thread_error(&error) });
                None
            }
        };
        SpriteRequests {
            commands: worker.as_ref().map(|_| commands),
            events_tx,
            events: Mutex::new(events),
            next_ticket: AtomicU64::new(1),
            tracking,
            worker,
        }
    }

    /// Asks for one sprite; its outcome arrives as `SpriteEvent::Sprite` (or `Failed`) with the returned ticket.
    pub fn request_sprite(&self, request: SpriteRequest) -> Ticket {
        let ticket = self.next_ticket.fetch_add(1, Ordering::Relaxed);
        self.send(Command::Sprite(ticket, Box::new(request)));
        ticket
    }

    /// Asks for a batch; its outcome arrives as `SpriteEvent::Batch` (or `Failed`).
    pub fn request_batch(&self, request: BatchRequest) -> Ticket {
        let ticket = self.next_ticket.fetch_add(1, Ordering::Relaxed);
        self.send(Command::Batch(ticket, Box::new(request)));
        ticket
    }

    /// Asks for a tileset; its outcome arrives as `SpriteEvent::Tileset` (or `Failed`).
    pub fn request_tileset(&self, request: TilesetRequest) -> Ticket {
        let ticket = self.next_ticket.fetch_add(1, Ordering::Relaxed);
        self.send(Command::Tileset(ticket, Box::new(request)));
        ticket
    }

    /// Deploys sprites (e.g. a finished batch's job id, packed into a sheet); the report arrives as
    /// `SpriteEvent::Deployed` (or `Failed`).
    pub fn request_deploy(&self, request: DeployRequest) -> Ticket {
        let ticket = self.next_ticket.fetch_add(1, Ordering::Relaxed);
        self.send(Command::Deploy(ticket, Box::new(request)));
        ticket
    }

    /// Cancels a request; it then fails with `ClientError::Cancelled` (or `ClientError::Job` once its job was
    /// being followed). A request not started yet is cancelled as soon as it starts.
    pub fn cancel(&self, ticket: Ticket) {
        let mut tracker = lock(&self.tracking);
        match tracker.tickets.get(&ticket) {
            Some(Tracking::Running(canceller)) => canceller.cancel(Some("cancelled by the game")),
            Some(Tracking::CancelledEarly) => {}
            None => {
                tracker.tickets.insert(ticket, Tracking::CancelledEarly);
            }
        }
    }

    /// Every event that has arrived, without blocking: call it once per frame.
    pub fn poll(&self) -> Vec<SpriteEvent> {
        lock(&self.events).try_iter().collect()
    }

    /// The next event, waiting up to `timeout`.
    pub fn next_event(&self, timeout: Duration) -> Option<SpriteEvent> {
        lock(&self.events).recv_timeout(timeout).ok()
    }

    fn send(&self, command: Command) {
        let ticket = command.ticket();
        let Some(commands) = &self.commands else {
            let error = ClientError::Io {
                context: "requesting a sprite".into(),
                reason: "the request thread could not be started".into(),
            };
            let _ = self.events_tx.send(SpriteEvent::Failed { ticket: Some(ticket), error });
            return;
        };
        if commands.send(command).is_err() {
            let error =
                ClientError::Io { context: "requesting a sprite".into(), reason: "the request thread stopped".into() };
            let _ = self.events_tx.send(SpriteEvent::Failed { ticket: Some(ticket), error });
        }
    }
}

impl Drop for SpriteRequests {
    /// Cancels what is in flight (a closing game does not wait for a long batch), then waits for the request
    /// threads and stops the server.
    fn drop(&mut self) {
        self.commands.take();
        {
            let mut tracker = lock(&self.tracking);
            tracker.closing = true;
            for tracking in tracker.tickets.values() {
                if let Tracking::Running(canceller) = tracking {
                    canceller.cancel(Some("the game is closing"));
                }
            }
        }
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

impl Command {
    fn ticket(&self) -> Ticket {
        match self {
            Command::Sprite(ticket, _)
            | Command::Batch(ticket, _)
            | Command::Deploy(ticket, _)
            | Command::Tileset(ticket, _) => *ticket,
        }
    }
}

fn thread_error(error: &std::io::Error) -> ClientError {
    ClientError::Io { context: "starting a sprite request thread".into(), reason: error.to_string() }
}

/// The worker: starts the client, then runs each request on a thread of its own until the commands end.
fn run_worker(
    command: ServerCommand,
    commands: Receiver<Command>,
    events: Sender<SpriteEvent>,
    tracking: Arc<Mutex<Tracker>>,
) {
    let client = match Client::spawn(command) {
        Ok(client) => Arc::new(client),
        Err(error) => {
            let _ = events.send(SpriteEvent::Failed { ticket: None, error: error.clone() });
            for command in commands {
                let _ = events.send(SpriteEvent::Failed { ticket: Some(command.ticket()), error: error.clone() });
            }
            return;
        }
    };
    let server = format!("{} {}", client.server().name, client.server().version);
    let _ = events.send(SpriteEvent::Ready { server });
    let mut running: Vec<JoinHandle<()>> = Vec::new();
    for command in commands {
        let ticket = command.ticket();
        let (client, thread_events, tracking) = (Arc::clone(&client), events.clone(), Arc::clone(&tracking));
        let spawned = thread::Builder::new()
            .name(format!("dgx-pixels-request-{ticket}"))
            .spawn(move || run_request(&client, &thread_events, &tracking, command));
        match spawned {
            Ok(handle) => running.push(handle),
            Err(error) => {
                let _ = events.send(SpriteEvent::Failed { ticket: Some(ticket), error: thread_error(&error) });
            }
        }
        running.retain(|handle| !handle.is_finished());
    }
    for handle in running {
        let _ = handle.join();
    }
}

/// Runs one request to its end and sends its outcome.
fn run_request(client: &Client, events: &Sender<SpriteEvent>, tracking: &Mutex<Tracker>, command: Command) {
    let ticket = command.ticket();
    let report = |progress: &Progress| {
        let _ = events.send(SpriteEvent::Progress { ticket, progress: progress.clone() });
    };
    let event = match command {
        Command::Sprite(_, request) => client
            .sprite_call(&request)
            .and_then(|call| tracked(tracking, ticket, call.canceller(), || call.wait(report)))
            .map(|outcome| SpriteEvent::Sprite { ticket, outcome: Box::new(outcome) }),
        Command::Batch(_, request) => client
            .batch_call(&request)
            .and_then(|call| tracked(tracking, ticket, call.canceller(), || call.wait(report)))
            .map(|outcome| SpriteEvent::Batch { ticket, outcome: Box::new(outcome) }),
        Command::Tileset(_, request) => client
            .tileset_call(&request)
            .and_then(|call| tracked(tracking, ticket, call.canceller(), || call.wait(report)))
            .map(|outcome| SpriteEvent::Tileset { ticket, outcome: Box::new(outcome) }),
        Command::Deploy(_, request) => client
            .deploy_to_bevy(&request)
            .map(|deployment| SpriteEvent::Deployed { ticket, deployment: Box::new(deployment) }),
    };
    let event = event.unwrap_or_else(|error| SpriteEvent::Failed { ticket: Some(ticket), error });
    let _ = events.send(event);
}

/// Runs `wait` with the request's canceller on record, cancelling at once if the game already asked to or is
/// closing.
fn tracked<T>(
    tracking: &Mutex<Tracker>,
    ticket: Ticket,
    canceller: Canceller,
    wait: impl FnOnce() -> Result<T, ClientError>,
) -> Result<T, ClientError> {
    {
        let mut tracker = lock(tracking);
        if tracker.closing {
            canceller.cancel(Some("the game is closing"));
        } else if let Some(Tracking::CancelledEarly) = tracker.tickets.get(&ticket) {
            canceller.cancel(Some("cancelled by the game"));
        }
        tracker.tickets.insert(ticket, Tracking::Running(canceller));
    }
    let outcome = wait();
    lock(tracking).tickets.remove(&ticket);
    outcome
}
