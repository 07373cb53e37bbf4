//! The stdio link to one server process: one writer lock, one reader thread, and a map of requests awaiting
//! their answers.
//!
//! Every request gets the next integer id and its own channel. The reader thread routes each response (by id)
//! and progress notification (by progress token, which is the request id) to that channel. When the server's
//! stdout closes — it exited, was killed, or closed it — every request still waiting gets
//! `ClientError::ServerExited` at once, and later requests fail straight away: nothing waits forever.

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::error::ClientError;
use crate::jsonrpc::{self, Incoming, METHOD_NOT_FOUND};
use crate::progress::Progress;

/// Lines of the server's stderr kept for error messages.
const STDERR_TAIL_LINES: usize = 20;

/// What the reader thread delivers to a waiting request.
#[derive(Debug)]
pub(crate) enum Delivery {
    Progress(Progress),
    Answer(Result<Value, ClientError>),
}

/// A request awaiting its answer.
struct Pending {
    method: String,
    deliveries: Sender<Delivery>,
}

/// The requests in flight, and why the link closed once it has.
struct Routing {
    pending: HashMap<u64, Pending>,
    closed: Option<ClientError>,
}

/// The link to one running `dgx-pixels serve`.
pub(crate) struct Connection {
    stdin: Mutex<Option<ChildStdin>>,
    routing: Mutex<Routing>,
    next_id: AtomicU64,
    child: Mutex<Option<Child>>,
    pid: u32,
    stderr_tail: Arc<Mutex<VecDeque<String>>>,
}

/// Locks a mutex, carrying on with the data if another thread panicked while holding it: every critical section
/// here leaves the data consistent, so a panic elsewhere must not turn into a second panic.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Connection {
    /// Takes over a spawned server's pipes and starts the reader threads.
    pub(crate) fn start(
        mut child: Child,
        forward_stderr: bool,
    ) -> Result<(Arc<Connection>, JoinHandle<()>), ClientError> {
        let pipes_missing = || ClientError::Io {
            context: "starting the DGX-Pixels server".into(),
            reason: "its stdio pipes were not set up".into(),
        };
        let stdin = child.stdin.take().ok_or_else(pipes_missing)?;
        let stdout = child.stdout.take().ok_or_else(pipes_missing)?;
        let stderr = child.stderr.take();
        let connection = Arc::new(Connection {
            stdin: Mutex::new(Some(stdin)),
            routing: Mutex::new(Routing { pending: HashMap::new(), closed: None }),
            next_id: AtomicU64::new(1),
            pid: child.id(),
            child: Mutex::new(Some(child)),
            stderr_tail: Arc::new(Mutex::new(VecDeque::new())),
        });
        let stderr_thread = match stderr {
            Some(stderr) => {
                let tail = Arc::clone(&connection.stderr_tail);
                Some(spawn_thread("dgx-pixels-stderr", move || keep_stderr(stderr, &tail, forward_stderr))?)
            }
            None => None,
        };
        let reader = Arc::clone(&connection);
        let reader_thread = spawn_thread("dgx-pixels-reader", move || reader.read_until_closed(stdout, stderr_thread))?;
        Ok((connection, reader_thread))
    }

    /// The server's process id.
    pub(crate) fn pid(&self) -> u32 {
        self.pid
    }

    /// Sends a request and returns its id and the channel its progress and answer arrive on. `params` gets the
    /// request's id, so a request can use it as its progress token.
    pub(crate) fn send_request(
        &self,
        method: &str,
        params: impl FnOnce(u64) -> Option<Value>,
    ) -> Result<(u64, Receiver<Delivery>), ClientError> {
        let (id, receiver) = self.register(method)?;
        if let Err(error) = self.write(&jsonrpc::request_line(id, method, params(id))) {
            lock(&self.routing).pending.remove(&id);
            return Err(error);
        }
        Ok((id, receiver))
    }

    /// Reserves the next id for a request and its delivery channel; fails once the link has closed. The check
    /// and the insert share the lock `close` drains under, so no request can slip in after the drain.
    fn register(&self, method: &str) -> Result<(u64, Receiver<Delivery>), ClientError> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let (sender, receiver) = mpsc::channel();
        let mut routing = lock(&self.routing);
        if let Some(reason) = &routing.closed {
            return Err(reason.clone());
        }
        routing.pending.insert(id, Pending { method: method.to_owned(), deliveries: sender });
        Ok((id, receiver))
    }

    /// Sends a notification.
    pub(crate) fn notify(&self, method: &str, params: Option<Value>) -> Result<(), ClientError> {
        self.write(&jsonrpc::notification_line(method, params))
    }

    /// Gives up on request `id`: it gets `ClientError::Cancelled`, and the server is told with
    /// `notifications/cancelled`. Does nothing when the request has already been answered (the spec lets a
    /// client cancel only requests it believes are still in progress). Returns whether it was still pending.
    pub(crate) fn cancel(&self, id: u64, reason: Option<&str>) -> bool {
        let Some(pending) = lock(&self.routing).pending.remove(&id) else {
            return false;
        };
        let mut params = json!({"requestId": id});
        if let Some(reason) = reason {
            params["reason"] = json!(reason);
        }
        // A server that is gone cannot be told; the caller learns that on its next request.
        let _ = self.notify("notifications/cancelled", Some(params));
        let _ = pending.deliveries.send(Delivery::Answer(Err(ClientError::Cancelled { request_id: id })));
        true
    }

    /// Forgets request `id` without telling the server (its answer, if it comes, is dropped).
    pub(crate) fn forget(&self, id: u64) {
        lock(&self.routing).pending.remove(&id);
    }

    /// Closes the server's stdin: the server's signal to finish and exit.
    pub(crate) fn close_input(&self) {
        lock(&self.stdin).take();
    }

    /// Takes the child process out (once), for shutdown.
    pub(crate) fn take_child(&self) -> Option<Child> {
        lock(&self.child).take()
    }

    /// Marks the link closed with `reason` and fails every waiting request with it. The first reason sticks.
    pub(crate) fn close(&self, reason: ClientError) {
        let (reason, pending): (ClientError, Vec<Pending>) = {
            let mut routing = lock(&self.routing);
            let reason = routing.closed.get_or_insert(reason).clone();
            (reason, routing.pending.drain().map(|(_, pending)| pending).collect())
        };
        for pending in pending {
            let _ = pending.deliveries.send(Delivery::Answer(Err(reason.clone())));
        }
    }

    /// The last lines the server wrote to stderr.
    pub(crate) fn stderr_tail(&self) -> Vec<String> {
        lock(&self.stderr_tail).iter().cloned().collect()
    }

    fn write(&self, line: &str) -> Result<(), ClientError> {
        let mut stdin = lock(&self.stdin);
        let Some(pipe) = stdin.as_mut() else {
            return Err(self.closed_reason().unwrap_or_else(|| ClientError::ServerExited {
                status: "the client closed the server's stdin".into(),
                stderr_tail: self.stderr_tail(),
            }));
        };
        let written = pipe.write_all(line.as_bytes()).and_then(|()| pipe.flush());
        drop(stdin);
        written.map_err(|error| {
            // A broken pipe means the server is gone; report that the way the reader will.
            self.closed_reason().unwrap_or_else(|| ClientError::ServerExited {
                status: format!("writing to its stdin failed: {error}"),
                stderr_tail: self.stderr_tail(),
            })
        })
    }

    fn closed_reason(&self) -> Option<ClientError> {
        lock(&self.routing).closed.clone()
    }

    /// The reader thread: routes every line until stdout closes, then fails whatever is still waiting.
    fn read_until_closed(&self, stdout: ChildStdout, stderr_thread: Option<JoinHandle<()>>) {
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        let ended = loop {
            line.clear();
            match reader.read_line(&mut line) {
                Ok(0) => break "closed its stdout".to_owned(),
                Ok(_) => {
                    let text = line.trim_end_matches(['\n', '\r']);
                    if !text.trim().is_empty() {
                        self.route(text);
                    }
                }
                Err(error) => break format!("reading its stdout failed: {error}"),
            }
        };
        let status = self.exit_status(Duration::from_millis(200)).unwrap_or(ended);
        // A dying server's last words (e.g. a configuration error) arrive on stderr just before it exits: give
        // that thread a moment to catch them so the error can quote them.
        if let Some(thread) = stderr_thread {
            let deadline = Instant::now() + Duration::from_millis(200);
            while !thread.is_finished() && Instant::now() < deadline {
                thread::sleep(Duration::from_millis(5));
            }
            if thread.is_finished() {
                let _ = thread.join();
            }
        }
        self.close(ClientError::ServerExited { status, stderr_tail: self.stderr_tail() });
    }

    /// Routes one line. Lines that are not JSON-RPC are skipped: the stdio transport forbids them, and one stray
    /// line must not cost the answers that follow.
    fn route(&self, text: &str) {
        let Ok(message) = jsonrpc::parse_line(text) else { return };
        match message {
            Incoming::Response { id, outcome } => {
                let Some(pending) = lock(&self.routing).pending.remove(&id) else { return };
                let answer = outcome.map_err(|error| ClientError::Rpc {
                    method: pending.method.clone(),
                    code: error.code,
                    message: error.message,
                });
                let _ = pending.deliveries.send(Delivery::Answer(answer));
            }
            Incoming::Notification { method, params } if method == "notifications/progress" => {
                let Some((token, progress)) = Progress::from_params(params.as_ref()) else { return };
                if let Some(pending) = lock(&self.routing).pending.get(&token) {
                    let _ = pending.deliveries.send(Delivery::Progress(progress));
                }
            }
            Incoming::Request { id, method, .. } => {
                let reply = if method == "ping" {
                    jsonrpc::result_line(&id, json!({}))
                } else {
                    jsonrpc::error_line(
                        &id,
                        METHOD_NOT_FOUND,
                        &format!("dgx-pixels-client does not implement {method}"),
                    )
                };
                let _ = self.write(&reply);
            }
            Incoming::Notification { .. } | Incoming::Unmatched { .. } => {}
        }
    }

    /// How the process ended, waiting up to `patience` for it (stdout closes a moment before the exit is
    /// reaped). `None` when it is still running or has already been taken for shutdown.
    fn exit_status(&self, patience: Duration) -> Option<String> {
        let deadline = Instant::now() + patience;
        loop {
            {
                let mut child = lock(&self.child);
                let status = child.as_mut()?.try_wait().ok()?;
                if let Some(status) = status {
                    return Some(status.to_string());
                }
            }
            if Instant::now() >= deadline {
                return None;
            }
            thread::sleep(Duration::from_millis(5));
        }
    }
}

fn spawn_thread(name: &str, body: impl FnOnce() + Send + 'static) -> Result<JoinHandle<()>, ClientError> {
    thread::Builder::new()
        .name(name.to_owned())
        .spawn(body)
        .map_err(|error| ClientError::Io { context: format!("starting thread {name}"), reason: error.to_string() })
}

/// Keeps the last lines of the server's stderr (for error messages), echoing them to ours when asked.
fn keep_stderr(stderr: impl Read, tail: &Mutex<VecDeque<String>>, forward: bool) {
    for line in BufReader::new(stderr).lines() {
        let Ok(line) = line else { break };
        if forward {
            eprintln!("{line}");
        }
        let mut tail = lock(tail);
        if tail.len() == STDERR_TAIL_LINES {
            tail.pop_front();
        }
        tail.push_back(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A connection with no process behind it: requests are registered and lines routed by hand.
    fn detached() -> Connection {
        Connection {
            stdin: Mutex::new(None),
            routing: Mutex::new(Routing { pending: HashMap::new(), closed: None }),
            next_id: AtomicU64::new(1),
            child: Mutex::new(None),
            pid: 0,
            stderr_tail: Arc::new(Mutex::new(VecDeque::new())),
        }
    }

    fn answer(receiver: &Receiver<Delivery>) -> Result<Value, ClientError> {
        match receiver.try_recv() {
            Ok(Delivery::Answer(answer)) => answer,
            other => panic!("expected an answer, got {other:?}"),
        }
    }

    #[test]
    fn routes_answers_by_id_whatever_their_order() {
        let connection = detached();
        let (first, first_rx) = connection.register("tools/call").unwrap();
        let (second, second_rx) = connection.register("tools/call").unwrap();
        assert_ne!(first, second);
        connection.route(&format!(r#"{{"jsonrpc":"2.0","id":{second},"result":{{"n":2}}}}"#));
        connection.route(&format!(r#"{{"jsonrpc":"2.0","id":{first},"result":{{"n":1}}}}"#));
        assert_eq!(answer(&first_rx), Ok(json!({"n": 1})));
        assert_eq!(answer(&second_rx), Ok(json!({"n": 2})));
        // A second answer with the same id has nobody waiting and is dropped.
        connection.route(&format!(r#"{{"jsonrpc":"2.0","id":{first},"result":{{"n":3}}}}"#));
        assert!(first_rx.try_recv().is_err());
    }

    #[test]
    fn routes_progress_by_token_until_the_answer() {
        let connection = detached();
        let (id, rx) = connection.register("tools/call").unwrap();
        connection.route(&format!(
            r#"{{"jsonrpc":"2.0","method":"notifications/progress","params":{{"progressToken":{id},"progress":50,"total":100,"message":"half"}}}}"#
        ));
        connection.route(
            r#"{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":999,"progress":1}}"#,
        );
        match rx.try_recv() {
            Ok(Delivery::Progress(progress)) => {
                assert_eq!(
                    (progress.request_id, progress.progress, progress.message.as_deref()),
                    (id, 50.0, Some("half"))
                )
            }
            other => panic!("expected progress, got {other:?}"),
        }
        assert!(rx.try_recv().is_err(), "progress for another token must not arrive here");
    }

    #[test]
    fn maps_json_rpc_errors_with_the_requests_method() {
        let connection = detached();
        let (id, rx) = connection.register("tools/call").unwrap();
        connection.route(&format!(
            r#"{{"jsonrpc":"2.0","id":{id},"error":{{"code":-32602,"message":"Unknown tool: make_coffee"}}}}"#
        ));
        assert_eq!(
            answer(&rx),
            Err(ClientError::Rpc {
                method: "tools/call".into(),
                code: -32602,
                message: "Unknown tool: make_coffee".into()
            })
        );
    }

    #[test]
    fn skips_lines_that_are_not_json_rpc() {
        let connection = detached();
        let (id, rx) = connection.register("ping").unwrap();
        connection.route("Compiling dgx-pixels...");
        connection.route(r#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}"#);
        assert!(rx.try_recv().is_err());
        connection.route(&format!(r#"{{"jsonrpc":"2.0","id":{id},"result":{{}}}}"#));
        assert_eq!(answer(&rx), Ok(json!({})));
    }

    #[test]
    fn closing_fails_every_waiting_request_and_every_later_one() {
        let connection = detached();
        let (_, first_rx) = connection.register("tools/call").unwrap();
        let (_, second_rx) = connection.register("tools/call").unwrap();
        let dead = ClientError::ServerExited { status: "signal: 9 (SIGKILL)".into(), stderr_tail: vec![] };
        connection.close(dead.clone());
        assert_eq!(answer(&first_rx), Err(dead.clone()));
        assert_eq!(answer(&second_rx), Err(dead.clone()));
        assert_eq!(connection.register("tools/call").map(|(id, _)| id), Err(dead.clone()));
        // The first reason sticks.
        connection.close(ClientError::ServerExited { status: "later".into(), stderr_tail: vec![] });
        assert_eq!(connection.register("ping").map(|(id, _)| id), Err(dead));
    }

    #[test]
    fn cancelling_answers_cancelled_once_and_drops_the_late_answer() {
        let connection = detached();
        let (id, rx) = connection.register("tools/call").unwrap();
        assert!(connection.cancel(id, Some("user pressed escape")));
        assert_eq!(answer(&rx), Err(ClientError::Cancelled { request_id: id }));
        assert!(!connection.cancel(id, None), "a request is cancelled once");
        connection.route(&format!(r#"{{"jsonrpc":"2.0","id":{id},"result":{{}}}}"#));
        assert!(rx.try_recv().is_err());
    }
}
