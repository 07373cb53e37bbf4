//! Generate calls followed to the end: a `status: "running"` answer is followed through `get_job`, and a
//! `deploy_to` the server could not do in the call is done afterwards.

use std::sync::Arc;
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};

use crate::call::{Call, Canceller};
use crate::connection::Connection;
use crate::error::ClientError;
use crate::progress::Progress;
use crate::requests::{BatchRequest, SpriteRequest};
use crate::results::{BatchOutcome, BatchOutput, Job, JobStatus, Sprite, SpriteOutcome, SpriteOutput, ToolOutput};
use crate::tileset_outcome::{TilesetOutcome, TilesetOutput};
use crate::tileset_request::TilesetRequest;

/// A `generate_sprite` in flight.
pub struct SpriteCall(Followed);

impl SpriteCall {
    pub(crate) fn start(
        connection: &Arc<Connection>,
        request: &SpriteRequest,
        follow_poll: Duration,
    ) -> Result<SpriteCall, ClientError> {
        let arguments = request.arguments().clone();
        Followed::start(connection, "generate_sprite", arguments, request.deploy_target(), follow_poll).map(SpriteCall)
    }

    /// The JSON-RPC id of the `generate_sprite` request.
    pub fn request_id(&self) -> u64 {
        self.0.call.request_id()
    }

    /// Cancels it from another thread: the request while it runs, else the job being followed (`cancel_job`).
    pub fn canceller(&self) -> Canceller {
        self.0.call.canceller()
    }

    /// Waits for the sprite (and its deployment, with `deploy_to`).
    pub fn wait(self, mut on_progress: impl FnMut(&Progress)) -> Result<SpriteOutcome, ClientError> {
        let (answer, follow): (SpriteOutput, _) = self.0.answer(&mut on_progress)?;
        if answer.status.is_finished() {
            let Some(mut sprite) = answer.sprite else {
                return Err(job_error(&answer.job_id, answer.status, answer.error.as_deref().unwrap_or_default()));
            };
            if sprite.sheet.is_none() {
                sprite.sheet = answer.sheet;
            }
            return Ok(SpriteOutcome { job_id: answer.job_id, sprite, deployment: answer.deployment, followed: false });
        }
        let job = follow.job(&answer.job_id, on_progress)?;
        let sprite = only_sprite(&job)?;
        // The server deploys a sprite only when it finishes within the call; a followed one is deployed now.
        let deployment = match &follow.deploy_to {
            Some(project) => Some(deploy_job(&follow.connection, project, &job.job_id)?.parse()?),
            None => None,
        };
        Ok(SpriteOutcome { job_id: job.job_id, sprite, deployment, followed: true })
    }
}

/// A `generate_batch` in flight.
pub struct BatchCall(Followed);

impl BatchCall {
    pub(crate) fn start(
        connection: &Arc<Connection>,
        request: &BatchRequest,
        follow_poll: Duration,
    ) -> Result<BatchCall, ClientError> {
        let arguments = request.arguments().clone();
        Followed::start(connection, "generate_batch", arguments, request.deploy_target(), follow_poll).map(BatchCall)
    }

    /// The JSON-RPC id of the `generate_batch` request.
    pub fn request_id(&self) -> u64 {
        self.0.call.request_id()
    }

    /// Cancels it from another thread: the request while it runs, else the job being followed (`cancel_job`).
    pub fn canceller(&self) -> Canceller {
        self.0.call.canceller()
    }

    /// Waits for every item.
    pub fn wait(self, mut on_progress: impl FnMut(&Progress)) -> Result<BatchOutcome, ClientError> {
        let (answer, follow): (BatchOutput, _) = self.0.answer(&mut on_progress)?;
        if answer.job.status.is_finished() {
            return Ok(BatchOutcome {
                job: answer.job,
                deployment: answer.deployment,
                deploy_error: answer.deploy_error,
                followed: false,
            });
        }
        let job = follow.job(&answer.job.job_id, on_progress)?;
        // The server deployed each sprite as it was made; deploying the finished job again changes no file and
        // returns the full report (asset paths of every sprite).
        let (deployment, deploy_error) = match &follow.deploy_to {
            Some(project) if job.succeeded > 0 => {
                match deploy_job(&follow.connection, project, &job.job_id).and_then(|output| output.parse()) {
                    Ok(deployment) => (Some(deployment), None),
                    Err(error) => (None, Some(error.to_string())),
                }
            }
            _ => (None, None),
        };
        Ok(BatchOutcome { job, deployment, deploy_error, followed: true })
    }
}

/// A `generate_tileset` in flight.
pub struct TilesetCall(Followed);

impl TilesetCall {
    pub(crate) fn start(
        connection: &Arc<Connection>,
        request: &TilesetRequest,
        follow_poll: Duration,
    ) -> Result<TilesetCall, ClientError> {
        let arguments = request.arguments().clone();
        Followed::start(connection, "generate_tileset", arguments, request.deploy_target(), follow_poll)
            .map(TilesetCall)
    }

    /// The JSON-RPC id of the `generate_tileset` request.
    pub fn request_id(&self) -> u64 {
        self.0.call.request_id()
    }

    /// Cancels it from another thread: the request while it runs, else the job being followed (`cancel_job`).
    pub fn canceller(&self) -> Canceller {
        self.0.call.canceller()
    }

    /// Waits for the tileset (and its deployment, with `deploy_to`), as `SpriteCall::wait` does for a sprite.
    pub fn wait(self, mut on_progress: impl FnMut(&Progress)) -> Result<TilesetOutcome, ClientError> {
        let (answer, follow): (TilesetOutput, _) = self.0.answer(&mut on_progress)?;
        let project = follow.deploy_to.as_deref();
        if answer.status.is_finished() {
            let Some(sprite) = answer.sprite else {
                return Err(job_error(&answer.job_id, answer.status, answer.error.as_deref().unwrap_or_default()));
            };
            return TilesetOutcome::assemble(answer.job_id, sprite, answer.tileset, answer.deployment, project, false);
        }
        let job = follow.job(&answer.job_id, on_progress)?;
        let sprite = only_sprite(&job)?;
        // As for a sprite: a job that outlived the call is deployed now, through deploy_to_bevy of its id. The raw
        // answer is kept: the tileset's descriptor paths are read from it.
        let deployment = match project {
            Some(project) => {
                Some(deploy_job(&follow.connection, project, &job.job_id)?.structured.unwrap_or(Value::Null))
            }
            None => None,
        };
        TilesetOutcome::assemble(job.job_id, sprite, None, deployment, project, true)
    }
}

/// What the generate calls share: the `tools/call` in flight, and what following its job afterwards needs.
struct Followed {
    call: Call,
    connection: Arc<Connection>,
    deploy_to: Option<String>,
    follow_poll: Duration,
}

impl Followed {
    fn start(
        connection: &Arc<Connection>,
        tool: &str,
        arguments: Map<String, Value>,
        deploy_to: Option<&str>,
        follow_poll: Duration,
    ) -> Result<Followed, ClientError> {
        Ok(Followed {
            call: Call::start(connection, tool, arguments, Canceller::new(connection))?,
            connection: Arc::clone(connection),
            deploy_to: deploy_to.map(str::to_owned),
            follow_poll,
        })
    }

    /// Waits for the call's answer, passing its progress on, and reads its `structuredContent` as `T`. Returns it
    /// with what following the job needs, should the answer be `running`.
    fn answer<T: DeserializeOwned>(self, on_progress: &mut impl FnMut(&Progress)) -> Result<(T, Follow), ClientError> {
        let canceller = self.call.canceller();
        let mut seen = 0.0_f64;
        let output = self.call.wait(|progress| {
            seen = seen.max(progress.progress);
            on_progress(progress);
        })?;
        let follow =
            Follow { connection: self.connection, deploy_to: self.deploy_to, poll: self.follow_poll, canceller, seen };
        Ok((output.parse()?, follow))
    }
}

/// After a generate call answered: follows its job through `get_job`, from the progress already reported.
struct Follow {
    connection: Arc<Connection>,
    deploy_to: Option<String>,
    poll: Duration,
    canceller: Canceller,
    seen: f64,
}

impl Follow {
    fn job(&self, job_id: &str, on_progress: impl FnMut(&Progress)) -> Result<Job, ClientError> {
        follow_job(&self.connection, job_id, self.poll, &self.canceller, self.seen, on_progress)
    }
}

/// The sprite of a finished single-item job, or the job's error when it did not succeed.
fn only_sprite(job: &Job) -> Result<Sprite, ClientError> {
    let item = job.items.first();
    item.and_then(|item| item.sprite.clone()).filter(|_| job.status == JobStatus::Succeeded).ok_or_else(|| {
        let message = item.and_then(|item| item.error.as_deref()).unwrap_or_default();
        job_error(&job.job_id, job.status, message)
    })
}

/// Polls `get_job` (each poll waiting up to `poll` on the server) until the job has finished. For a batch,
/// reports items done once they pass `seen` (the furthest progress already reported), so progress never goes
/// back. When `canceller` fires, cancels the job with `cancel_job` and answers `ClientError::Job`; a cancel that
/// arrives after the job finished changes nothing, and the finished job is returned.
pub(crate) fn follow_job(
    connection: &Arc<Connection>,
    job_id: &str,
    poll: Duration,
    canceller: &Canceller,
    seen: f64,
    mut on_progress: impl FnMut(&Progress),
) -> Result<Job, ClientError> {
    let mut reported = seen;
    loop {
        if canceller.is_cancelled() {
            let job: Job = call(connection, "cancel_job", json!({"job_id": job_id}))?.parse()?;
            if job.status != JobStatus::Cancelled {
                return Ok(job);
            }
            return Err(ClientError::Job {
                job_id: job.job_id,
                status: job.status.name().into(),
                message: "cancelled by the client".into(),
            });
        }
        let arguments = json!({"job_id": job_id, "wait_seconds": poll.as_secs_f64()});
        let call = Call::start(connection, "get_job", object(arguments), canceller.clone())?;
        let request_id = call.request_id();
        let job: Job = match call.wait(|_| {}) {
            Ok(output) => output.parse()?,
            Err(ClientError::Cancelled { .. }) if canceller.is_cancelled() => continue,
            Err(error) => return Err(error),
        };
        let done = job.done();
        if job.kind.as_deref() == Some("batch") && f64::from(done) > reported {
            reported = f64::from(done);
            on_progress(&Progress {
                request_id,
                progress: reported,
                total: Some(f64::from(job.total)),
                message: Some(format!("{done}/{} made", job.total)),
            });
        }
        if job.status.is_finished() {
            return Ok(job);
        }
    }
}

/// Deploys every sprite of a finished job into `project`: `deploy_to_bevy`'s answer.
fn deploy_job(connection: &Arc<Connection>, project: &str, job_id: &str) -> Result<ToolOutput, ClientError> {
    call(connection, "deploy_to_bevy", json!({"project": project, "sprites": [job_id]}))
}

fn call(connection: &Arc<Connection>, tool: &str, arguments: Value) -> Result<ToolOutput, ClientError> {
    Call::start(connection, tool, object(arguments), Canceller::new(connection))?.wait(|_| {})
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

fn job_error(job_id: &str, status: JobStatus, message: &str) -> ClientError {
    ClientError::Job { job_id: job_id.to_owned(), status: status.name().into(), message: message.to_owned() }
}
