//! One `tools/call` in flight: its progress, its answer, and how to cancel it.

use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};

use crate::connection::{Connection, Delivery};
use crate::error::ClientError;
use crate::progress::Progress;
use crate::results::ToolOutput;

/// What a call reports: progress while it runs, then its outcome once.
#[derive(Debug, Clone, PartialEq)]
pub enum CallEvent {
    Progress(Progress),
    Finished(Result<ToolOutput, ClientError>),
}

/// Cancels a call from any thread, whichever request it is waiting on at the moment.
///
/// For a plain call that is its `tools/call`; for `generate_sprite`/`generate_batch` being followed to the end
/// it is the current `get_job`, and the job itself is then cancelled with `cancel_job`.
#[derive(Clone)]
pub struct Canceller {
    state: Arc<Mutex<CancelState>>,
    connection: Weak<Connection>,
}

#[derive(Default)]
struct CancelState {
    current: Option<u64>,
    cancelled: bool,
    reason: Option<String>,
}

impl Canceller {
    pub(crate) fn new(connection: &Arc<Connection>) -> Self {
        Canceller { state: Arc::new(Mutex::new(CancelState::default())), connection: Arc::downgrade(connection) }
    }

    /// Cancels: the request in flight gets `notifications/cancelled` (and answers `ClientError::Cancelled` at
    /// once); nothing further is sent for this call. Cancelling twice, or after the answer, does nothing.
    pub fn cancel(&self, reason: Option<&str>) {
        let current = {
            let mut state = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            if state.cancelled {
                return;
            }
            state.cancelled = true;
            state.reason = reason.map(str::to_owned);
            state.current
        };
        if let (Some(id), Some(connection)) = (current, self.connection.upgrade()) {
            connection.cancel(id, reason);
        }
    }

    /// Whether `cancel` was called.
    pub fn is_cancelled(&self) -> bool {
        self.state.lock().map(|state| state.cancelled).unwrap_or(true)
    }

    /// Records the request now in flight. Returns false (and cancels it) when the call was already cancelled.
    pub(crate) fn track(&self, id: u64) -> bool {
        let reason = {
            let mut state = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            state.current = Some(id);
            if !state.cancelled {
                return true;
            }
            state.reason.clone()
        };
        if let Some(connection) = self.connection.upgrade() {
            connection.cancel(id, reason.as_deref());
        }
        false
    }
}

/// A `tools/call` request in flight.
///
/// Poll it from a game loop (`poll`), or block on it (`wait`). Dropping it forgets the answer; it does not cancel
/// the request (use `cancel`).
pub struct Call {
    id: u64,
    tool: String,
    connection: Arc<Connection>,
    deliveries: Receiver<Delivery>,
    canceller: Canceller,
    finished: bool,
}

impl Call {
    /// Sends `tools/call` for `tool` with a progress token (the request id).
    pub(crate) fn start(
        connection: &Arc<Connection>,
        tool: &str,
        arguments: Map<String, Value>,
        canceller: Canceller,
    ) -> Result<Call, ClientError> {
        let (id, deliveries) = connection.send_request("tools/call", |id| {
            Some(json!({"name": tool, "arguments": arguments, "_meta": {"progressToken": id}}))
        })?;
        canceller.track(id);
        Ok(Call {
            id,
            tool: tool.to_owned(),
            connection: Arc::clone(connection),
            deliveries,
            canceller,
            finished: false,
        })
    }

    /// The JSON-RPC id of the request (also its progress token).
    pub fn request_id(&self) -> u64 {
        self.id
    }

    /// The tool called.
    pub fn tool(&self) -> &str {
        &self.tool
    }

    /// A handle that cancels this call from another thread.
    pub fn canceller(&self) -> Canceller {
        self.canceller.clone()
    }

    /// Cancels the request (`notifications/cancelled`); the call then finishes with `ClientError::Cancelled`.
    pub fn cancel(&self, reason: Option<&str>) {
        self.canceller.cancel(reason);
    }

    /// The next event if one is ready, without blocking: for a game loop. `None` once finished.
    pub fn poll(&mut self) -> Option<CallEvent> {
        if self.finished {
            return None;
        }
        match self.deliveries.try_recv() {
            Ok(delivery) => Some(self.event(delivery)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(self.event(Delivery::Answer(Err(self.lost())))),
        }
    }

    /// The next event, waiting up to `timeout`. `None` when none came in time, or once finished.
    pub fn next_event(&mut self, timeout: Duration) -> Option<CallEvent> {
        if self.finished {
            return None;
        }
        match self.deliveries.recv_timeout(timeout) {
            Ok(delivery) => Some(self.event(delivery)),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(self.event(Delivery::Answer(Err(self.lost())))),
        }
    }

    /// Waits for the answer, handing each progress notification to `on_progress` on this thread.
    pub fn wait(mut self, mut on_progress: impl FnMut(&Progress)) -> Result<ToolOutput, ClientError> {
        loop {
            let delivery = self.deliveries.recv().unwrap_or_else(|_| Delivery::Answer(Err(self.lost())));
            match self.event(delivery) {
                CallEvent::Progress(progress) => on_progress(&progress),
                CallEvent::Finished(outcome) => return outcome,
            }
        }
    }

    /// Like `wait`, but gives up after `timeout`: the request is then cancelled and the result is
    /// `ClientError::Timeout`.
    pub fn wait_timeout(
        mut self,
        timeout: Duration,
        mut on_progress: impl FnMut(&Progress),
    ) -> Result<ToolOutput, ClientError> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.next_event(left) {
                Some(CallEvent::Progress(progress)) => on_progress(&progress),
                Some(CallEvent::Finished(outcome)) => return outcome,
                None => {
                    self.cancel(Some("the client stopped waiting"));
                    self.finished = true;
                    return Err(ClientError::Timeout { method: format!("tools/call {}", self.tool), waited: timeout });
                }
            }
        }
    }

    fn event(&mut self, delivery: Delivery) -> CallEvent {
        match delivery {
            Delivery::Progress(progress) => CallEvent::Progress(progress),
            Delivery::Answer(answer) => {
                self.finished = true;
                CallEvent::Finished(answer.and_then(|result| ToolOutput::from_result(&self.tool, result)))
            }
        }
    }

    fn lost(&self) -> ClientError {
        ClientError::ServerExited { status: "the connection closed".into(), stderr_tail: self.connection.stderr_tail() }
    }
}

impl Drop for Call {
    fn drop(&mut self) {
        if !self.finished {
            self.connection.forget(self.id);
        }
    }
}
