//! How to start `dgx-pixels serve`.

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

use crate::client::Client;
use crate::error::ClientError;

/// The environment variable naming the server binary when the caller does not.
pub const BIN_ENV: &str = "DGX_PIXELS_BIN";

/// The server binary looked up on `PATH` when neither the caller nor `DGX_PIXELS_BIN` names one.
pub const DEFAULT_PROGRAM: &str = "dgx-pixels";

/// What to run and how long to wait for it: `dgx-pixels serve [--config FILE]` with the given environment.
///
/// ```no_run
/// use dgx_pixels_client::ServerCommand;
/// let client = ServerCommand::new()
///     .env("DGX_PIXELS_OUTPUT_DIR", "/tmp/sprites")
///     .spawn()?;
/// # Ok::<(), dgx_pixels_client::ClientError>(())
/// ```
#[derive(Debug, Clone)]
pub struct ServerCommand {
    pub(crate) program: Option<PathBuf>,
    pub(crate) config: Option<PathBuf>,
    pub(crate) env: Vec<(OsString, Option<OsString>)>,
    pub(crate) current_dir: Option<PathBuf>,
    pub(crate) forward_stderr: bool,
    pub(crate) handshake_timeout: Duration,
    pub(crate) shutdown_timeout: Duration,
    pub(crate) follow_poll: Duration,
    pub(crate) client_name: String,
}

impl Default for ServerCommand {
    fn default() -> Self {
        ServerCommand::new()
    }
}

impl ServerCommand {
    /// The server found through `DGX_PIXELS_BIN`, else `dgx-pixels` on `PATH`, with the server's own
    /// configuration lookup.
    pub fn new() -> Self {
        ServerCommand {
            program: None,
            config: None,
            env: Vec::new(),
            current_dir: None,
            forward_stderr: true,
            handshake_timeout: Duration::from_secs(30),
            shutdown_timeout: Duration::from_secs(5),
            follow_poll: Duration::from_secs(2),
            client_name: "dgx-pixels-client".into(),
        }
    }

    /// Runs this binary instead of looking one up.
    pub fn program(mut self, path: impl Into<PathBuf>) -> Self {
        self.program = Some(path.into());
        self
    }

    /// Passes `--config FILE` (see the server's docs/configuration.md; `output.dir` says where sprites go).
    pub fn config(mut self, path: impl Into<PathBuf>) -> Self {
        self.config = Some(path.into());
        self
    }

    /// Sets an environment variable for the server (`DGX_PIXELS_OUTPUT_DIR`, `DGX_PIXELS_COMFYUI_URL`, …).
    pub fn env(mut self, key: impl Into<OsString>, value: impl Into<OsString>) -> Self {
        self.env.push((key.into(), Some(value.into())));
        self
    }

    /// Keeps an environment variable of this process away from the server (e.g. `DGX_PIXELS_CONFIG`).
    pub fn env_remove(mut self, key: impl Into<OsString>) -> Self {
        self.env.push((key.into(), None));
        self
    }

    /// The server's working directory (it reads `./dgx-pixels.yaml` from there when no config is given).
    pub fn current_dir(mut self, path: impl Into<PathBuf>) -> Self {
        self.current_dir = Some(path.into());
        self
    }

    /// Whether the server's log lines (its stderr) are echoed to this process's stderr. On by default; either
    /// way the last lines are kept for error messages.
    pub fn forward_stderr(mut self, forward: bool) -> Self {
        self.forward_stderr = forward;
        self
    }

    /// How long `initialize` may take (default 30 s).
    pub fn handshake_timeout(mut self, timeout: Duration) -> Self {
        self.handshake_timeout = timeout;
        self
    }

    /// How long dropping the client waits for the server to exit after closing its stdin, before killing it
    /// (default 5 s).
    pub fn shutdown_timeout(mut self, timeout: Duration) -> Self {
        self.shutdown_timeout = timeout;
        self
    }

    /// The `wait_seconds` of each `get_job` while following a running job (default 2 s): how often a followed
    /// batch reports progress.
    pub fn follow_poll(mut self, interval: Duration) -> Self {
        self.follow_poll = interval;
        self
    }

    /// The `clientInfo.name` sent in `initialize` (default `dgx-pixels-client`).
    pub fn client_name(mut self, name: impl Into<String>) -> Self {
        self.client_name = name.into();
        self
    }

    /// The binary that will run: the one given, else `$DGX_PIXELS_BIN`, else `dgx-pixels` (looked up on `PATH`).
    pub fn resolved_program(&self) -> PathBuf {
        if let Some(program) = &self.program {
            return program.clone();
        }
        match std::env::var_os(BIN_ENV) {
            Some(path) if !path.is_empty() => PathBuf::from(path),
            _ => PathBuf::from(DEFAULT_PROGRAM),
        }
    }

    /// The arguments after the program.
    pub fn arguments(&self) -> Vec<OsString> {
        let mut arguments = vec![OsString::from("serve")];
        if let Some(config) = &self.config {
            arguments.push("--config".into());
            arguments.push(config.clone().into_os_string());
        }
        arguments
    }

    /// Starts the server and completes the MCP handshake.
    pub fn spawn(self) -> Result<Client, ClientError> {
        Client::spawn(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_explicit_program_wins_and_config_goes_after_serve() {
        let command = ServerCommand::new().program("/opt/dgx-pixels").config("/etc/dgx.yaml");
        assert_eq!(command.resolved_program(), PathBuf::from("/opt/dgx-pixels"));
        assert_eq!(command.arguments(), vec![OsString::from("serve"), "--config".into(), "/etc/dgx.yaml".into()]);
        assert_eq!(ServerCommand::new().arguments(), vec![OsString::from("serve")]);
    }

    #[test]
    fn a_missing_binary_is_a_spawn_error_naming_it() {
        let error = ServerCommand::new().program("/nonexistent/dgx-pixels").spawn().err();
        match error {
            Some(ClientError::Spawn { program, .. }) => assert_eq!(program, "/nonexistent/dgx-pixels"),
            other => panic!("expected a spawn error, got {other:?}"),
        }
    }
}
