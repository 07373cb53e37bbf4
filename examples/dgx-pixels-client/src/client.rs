//! `Client`: one running `dgx-pixels serve`, shared by any number of threads.

use std::process::{Child, Command, Stdio};
use std::sync::mpsc::RecvTimeoutError;
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};

use crate::call::{Call, Canceller};
use crate::connection::{Connection, Delivery};
use crate::error::ClientError;
use crate::jsonrpc::{PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS};
use crate::operations::{BatchCall, SpriteCall, TilesetCall};
use crate::progress::Progress;
use crate::requests::{BatchRequest, DeployRequest, SpriteRequest};
use crate::results::{BatchOutcome, Deployment, Job, SpriteOutcome, ToolOutput};
use crate::server_command::ServerCommand;
use crate::tileset_outcome::TilesetOutcome;
use crate::tileset_request::TilesetRequest;

/// Who answered `initialize`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServerInfo {
    pub name: String,
    pub version: String,
    /// The protocol revision agreed on.
    pub protocol_version: String,
    /// The server's `instructions`, if it sent any.
    pub instructions: Option<String>,
    /// The server's `capabilities` object.
    pub capabilities: Value,
}

/// A running `dgx-pixels serve` and an MCP session with it.
///
/// `Client` is `Send + Sync`: share it (`&Client`, `Arc<Client>`) and call it from as many threads as you like;
/// each call blocks only its own thread. The session runs on the client's own threads (one reads the server's
/// stdout, one its stderr), so it fits a Bevy game, which does not run tokio.
///
/// Dropping the client closes the server's stdin (its signal to finish and exit), waits for it
/// (`ServerCommand::shutdown_timeout`), then kills it. Requests still waiting fail with
/// `ClientError::ServerExited`.
pub struct Client {
    connection: Arc<Connection>,
    server: ServerInfo,
    reader: Option<JoinHandle<()>>,
    shutdown_timeout: Duration,
    follow_poll: Duration,
}

impl Client {
    /// Starts the server named by `$DGX_PIXELS_BIN`, else `dgx-pixels` on `PATH`.
    pub fn start() -> Result<Client, ClientError> {
        ServerCommand::new().spawn()
    }

    /// Starts the server `command` describes and completes the MCP handshake (`initialize`, then
    /// `notifications/initialized`).
    pub fn spawn(command: ServerCommand) -> Result<Client, ClientError> {
        let program = command.resolved_program();
        let mut process = Command::new(&program);
        process.args(command.arguments()).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        for (key, value) in &command.env {
            match value {
                Some(value) => process.env(key, value),
                None => process.env_remove(key),
            };
        }
        if let Some(directory) = &command.current_dir {
            process.current_dir(directory);
        }
        let child = process.spawn().map_err(|error| ClientError::Spawn {
            program: program.display().to_string(),
            reason: error.to_string(),
        })?;
        let (connection, reader) = Connection::start(child, command.forward_stderr)?;
        let mut client = Client {
            connection,
            server: ServerInfo::default(),
            reader: Some(reader),
            shutdown_timeout: command.shutdown_timeout,
            follow_poll: command.follow_poll,
        };
        // On failure `client` drops here, which stops the server.
        client.server = client.handshake(&command.client_name, command.handshake_timeout)?;
        Ok(client)
    }

    fn handshake(&self, client_name: &str, timeout: Duration) -> Result<ServerInfo, ClientError> {
        let params = json!({
            "protocolVersion": PROTOCOL_VERSION,
            "capabilities": {},
            "clientInfo": {"name": client_name, "version": env!("CARGO_PKG_VERSION")},
        });
        let (id, answers) = self.connection.send_request("initialize", |_| Some(params))?;
        let deadline = Instant::now() + timeout;
        let result = loop {
            match answers.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(Delivery::Answer(answer)) => break answer?,
                Ok(Delivery::Progress(_)) => continue,
                Err(RecvTimeoutError::Timeout) => {
                    self.connection.forget(id);
                    return Err(ClientError::Timeout { method: "initialize".into(), waited: timeout });
                }
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(ClientError::Handshake { reason: "the connection closed".into() })
                }
            }
        };
        let server = read_initialize_result(&result)?;
        self.connection.notify("notifications/initialized", None)?;
        Ok(server)
    }

    /// Who answered the handshake.
    pub fn server(&self) -> &ServerInfo {
        &self.server
    }

    /// The server's process id.
    pub fn server_pid(&self) -> u32 {
        self.connection.pid()
    }

    /// Sends `tools/call` and returns the call in flight, to poll or wait on. Any tool, any arguments: the way
    /// to tools this client has no typed method for (`validate_sprite`).
    pub fn start_tool(&self, tool: &str, arguments: Map<String, Value>) -> Result<Call, ClientError> {
        Call::start(&self.connection, tool, arguments, Canceller::new(&self.connection))
    }

    /// Calls a tool and waits for its answer (an `isError` answer is `ClientError::Tool`).
    pub fn call_tool(&self, tool: &str, arguments: Map<String, Value>) -> Result<ToolOutput, ClientError> {
        self.start_tool(tool, arguments)?.wait(|_| {})
    }

    /// The tools the server offers, as `tools/list` gives them (name, description, input and output schema).
    pub fn list_tools(&self) -> Result<Vec<Value>, ClientError> {
        let (_, answers) = self.connection.send_request("tools/list", |_| Some(json!({})))?;
        let result = loop {
            match answers.recv() {
                Ok(Delivery::Answer(answer)) => break answer?,
                Ok(Delivery::Progress(_)) => continue,
                Err(_) => return Err(ClientError::unexpected("tools/list", "the connection closed")),
            }
        };
        match result.get("tools") {
            Some(Value::Array(tools)) => Ok(tools.clone()),
            _ => Err(ClientError::unexpected("tools/list", "no tools array")),
        }
    }

    /// Starts `generate_sprite`; the returned call can be cancelled from another thread, then waited on.
    pub fn sprite_call(&self, request: &SpriteRequest) -> Result<SpriteCall, ClientError> {
        SpriteCall::start(&self.connection, request, self.follow_poll)
    }

    /// Generates one sprite and waits for it, following a `status: "running"` answer through `get_job` to the
    /// end. With `deploy_to`, the outcome carries the deployment (asset path, PNG path).
    pub fn generate_sprite(
        &self,
        request: &SpriteRequest,
        on_progress: impl FnMut(&Progress),
    ) -> Result<SpriteOutcome, ClientError> {
        self.sprite_call(request)?.wait(on_progress)
    }

    /// Starts `generate_batch`; the returned call can be cancelled from another thread, then waited on.
    pub fn batch_call(&self, request: &BatchRequest) -> Result<BatchCall, ClientError> {
        BatchCall::start(&self.connection, request, self.follow_poll)
    }

    /// Generates a batch and waits for every item, following a `status: "running"` answer to the end. Items that
    /// failed are in the outcome with their errors; only the call itself failing is an error.
    pub fn generate_batch(
        &self,
        request: &BatchRequest,
        on_progress: impl FnMut(&Progress),
    ) -> Result<BatchOutcome, ClientError> {
        self.batch_call(request)?.wait(on_progress)
    }

    /// Starts `generate_tileset`; the returned call can be cancelled from another thread, then waited on.
    pub fn tileset_call(&self, request: &TilesetRequest) -> Result<TilesetCall, ClientError> {
        TilesetCall::start(&self.connection, request, self.follow_poll)
    }

    /// Generates an autotile tileset and waits for it, following a `status: "running"` answer through `get_job`
    /// to the end. The outcome carries the descriptor (`TilesetDescriptor`: which tile has which corners) and,
    /// with `deploy_to`, where the PNG and `.tileset.json` went.
    pub fn generate_tileset(
        &self,
        request: &TilesetRequest,
        on_progress: impl FnMut(&Progress),
    ) -> Result<TilesetOutcome, ClientError> {
        self.tileset_call(request)?.wait(on_progress)
    }

    /// Whether the server offers `tool` (`tools/list`): for tools newer than some servers, such as
    /// `generate_tileset`.
    pub fn has_tool(&self, tool: &str) -> Result<bool, ClientError> {
        Ok(self.list_tools()?.iter().any(|listed| listed.get("name").and_then(Value::as_str) == Some(tool)))
    }

    /// Deploys sprites into a Bevy project.
    pub fn deploy_to_bevy(&self, request: &DeployRequest) -> Result<Deployment, ClientError> {
        self.call_tool("deploy_to_bevy", request.arguments().clone())?.parse()
    }

    /// A job's record; with `wait_seconds`, waits up to that long for a running job to finish.
    pub fn get_job(&self, job_id: &str, wait_seconds: Option<f64>) -> Result<Job, ClientError> {
        let mut arguments = Map::new();
        arguments.insert("job_id".into(), json!(job_id));
        if let Some(seconds) = wait_seconds {
            arguments.insert("wait_seconds".into(), json!(seconds));
        }
        self.call_tool("get_job", arguments)?.parse()
    }

    /// Cancels what has not finished of a job (keeping what has) and returns its record.
    pub fn cancel_job(&self, job_id: &str) -> Result<Job, ClientError> {
        let mut arguments = Map::new();
        arguments.insert("job_id".into(), json!(job_id));
        self.call_tool("cancel_job", arguments)?.parse()
    }

    /// Polls `get_job` until the job has finished, reporting items done for a batch.
    pub fn follow_job(&self, job_id: &str, on_progress: impl FnMut(&Progress)) -> Result<Job, ClientError> {
        let canceller = Canceller::new(&self.connection);
        crate::operations::follow_job(&self.connection, job_id, self.follow_poll, &canceller, 0.0, on_progress)
    }

    /// Closes the server's stdin and waits for it to exit (killing it after the shutdown timeout). Returns how it
    /// ended, e.g. `exit status: 0`.
    pub fn shutdown(mut self) -> String {
        self.stop()
    }

    fn stop(&mut self) -> String {
        self.connection.close_input();
        let status = match self.connection.take_child() {
            Some(child) => wait_or_kill(child, self.shutdown_timeout),
            None => "already stopped".into(),
        };
        self.connection.close(ClientError::ServerExited {
            status: format!("the client shut it down ({status})"),
            stderr_tail: self.connection.stderr_tail(),
        });
        if let Some(reader) = self.reader.take() {
            // The reader ends when stdout closes, which the exit above brings about; don't wait for ever on a
            // pipe some grandchild might still hold.
            let deadline = Instant::now() + Duration::from_secs(1);
            while !reader.is_finished() && Instant::now() < deadline {
                thread::sleep(Duration::from_millis(5));
            }
            if reader.is_finished() {
                let _ = reader.join();
            }
        }
        status
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if self.reader.is_some() {
            self.stop();
        }
    }
}

/// Waits up to `patience` for `child` to exit, then kills it.
fn wait_or_kill(mut child: Child, patience: Duration) -> String {
    let deadline = Instant::now() + patience;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return status.to_string(),
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(10)),
            Ok(None) | Err(_) => break,
        }
    }
    let _ = child.kill();
    match child.wait() {
        Ok(status) => format!("killed after {:.1} s: {status}", patience.as_secs_f64()),
        Err(error) => format!("kill failed: {error}"),
    }
}

/// Checks the `initialize` answer: a protocol revision this client speaks, and who the server is.
pub(crate) fn read_initialize_result(result: &Value) -> Result<ServerInfo, ClientError> {
    let version = result
        .get("protocolVersion")
        .and_then(Value::as_str)
        .ok_or_else(|| ClientError::Handshake { reason: "the answer has no protocolVersion".into() })?;
    if !SUPPORTED_PROTOCOL_VERSIONS.contains(&version) {
        return Err(ClientError::Handshake {
            reason: format!(
                "it speaks MCP {version}; this client speaks {}",
                SUPPORTED_PROTOCOL_VERSIONS.join(" and ")
            ),
        });
    }
    let info = result.get("serverInfo");
    let text = |key: &str| info.and_then(|info| info.get(key)).and_then(Value::as_str).unwrap_or_default().to_owned();
    Ok(ServerInfo {
        name: text("name"),
        version: text("version"),
        protocol_version: version.to_owned(),
        instructions: result.get("instructions").and_then(Value::as_str).map(str::to_owned),
        capabilities: result.get("capabilities").cloned().unwrap_or(Value::Null),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_revisions_it_speaks() {
        let server = read_initialize_result(&json!({
            "protocolVersion": "2025-11-25",
            "capabilities": {"tools": {"listChanged": false}},
            "serverInfo": {"name": "dgx-pixels", "version": "0.1.0"},
            "instructions": "Generates pixel-art game sprites"
        }))
        .unwrap();
        assert_eq!((server.name.as_str(), server.version.as_str()), ("dgx-pixels", "0.1.0"));
        assert_eq!(server.capabilities["tools"]["listChanged"], false);
        assert!(read_initialize_result(&json!({"protocolVersion": "2025-06-18"})).is_ok());
    }

    #[test]
    fn refuses_a_revision_without_structured_content() {
        let error = read_initialize_result(&json!({"protocolVersion": "2024-11-05"})).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the MCP handshake with the DGX-Pixels server failed: it speaks MCP 2024-11-05; this client speaks \
             2025-11-25 and 2025-06-18"
        );
        assert!(read_initialize_result(&json!({})).is_err());
    }
}
