//! The one error type of the crate.

use std::fmt;
use std::time::Duration;

/// Everything that can go wrong talking to `dgx-pixels serve`.
///
/// Each case carries what a person (or a game's log) needs to act on it. `Display` gives one paragraph; the
/// server's own words are quoted unchanged where it sent any.
#[derive(Debug, Clone, PartialEq)]
pub enum ClientError {
    /// The server binary could not be started.
    Spawn {
        /// The program that was run.
        program: String,
        /// Why the operating system refused.
        reason: String,
    },
    /// The server answered `initialize` in a way this client cannot work with.
    Handshake {
        /// What was wrong with the answer.
        reason: String,
    },
    /// A tool answered with `isError: true`: bad arguments, a failed generation or deploy. `message` is the
    /// server's text, e.g. `Invalid argument 'size': …`.
    Tool {
        /// The tool that was called.
        tool: String,
        /// The server's text content, unchanged.
        message: String,
        /// The result's `structuredContent`, when the server sent one with the error.
        structured: Option<serde_json::Value>,
    },
    /// The server answered a request with a JSON-RPC error (e.g. -32602 for an unknown tool).
    Rpc {
        /// The request's method.
        method: String,
        /// The JSON-RPC error code.
        code: i64,
        /// The server's message, unchanged.
        message: String,
    },
    /// The server process ended (or closed its stdout) before answering.
    ServerExited {
        /// How it ended, e.g. `exit status: 1`, `signal: 9 (SIGKILL)`, or `closed its stdout`.
        status: String,
        /// The last lines the server wrote to stderr, oldest first.
        stderr_tail: Vec<String>,
    },
    /// The request was cancelled by this client (`notifications/cancelled`); the server sends no answer.
    Cancelled {
        /// The JSON-RPC id of the cancelled request.
        request_id: u64,
    },
    /// No answer came within the given time. The request may still be running on the server.
    Timeout {
        /// The request's method.
        method: String,
        /// How long the client waited.
        waited: Duration,
    },
    /// A job ended without the result asked for: it failed or was cancelled.
    Job {
        /// The job id.
        job_id: String,
        /// The job's final status (`failed`, `cancelled`, `partial`).
        status: String,
        /// The server's error text for the job or its item, when there is one.
        message: String,
    },
    /// The server sent something that does not match its published schema.
    UnexpectedResult {
        /// Where in the answer (e.g. `tools/call generate_sprite: structuredContent.sprite.width`).
        context: String,
        /// What was wrong.
        reason: String,
    },
    /// A file the game reads (a `.sheet.json`, the manifest) is not what DGX-Pixels writes.
    InvalidData {
        /// The file or asset path.
        file: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Reading from or writing to the server failed.
    Io {
        /// What the client was doing.
        context: String,
        /// The operating system's message.
        reason: String,
    },
}

impl ClientError {
    /// True for errors after which this client can no longer talk to its server (a new `Client` is needed).
    pub fn is_fatal(&self) -> bool {
        matches!(self, ClientError::ServerExited { .. } | ClientError::Spawn { .. } | ClientError::Handshake { .. })
    }

    pub(crate) fn unexpected(context: impl Into<String>, reason: impl Into<String>) -> Self {
        ClientError::UnexpectedResult { context: context.into(), reason: reason.into() }
    }
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Spawn { program, reason } => write!(
                f,
                "could not start the DGX-Pixels server '{program}': {reason}. Build it (`swift build` in the \
                 dgx-pixels repository) and pass its path, set DGX_PIXELS_BIN, or put dgx-pixels on PATH"
            ),
            ClientError::Handshake { reason } => {
                write!(f, "the MCP handshake with the DGX-Pixels server failed: {reason}")
            }
            ClientError::Tool { tool, message, .. } => write!(f, "{tool} failed: {message}"),
            ClientError::Rpc { method, code, message } => {
                write!(f, "the server answered {method} with JSON-RPC error {code}: {message}")
            }
            ClientError::ServerExited { status, stderr_tail } => {
                write!(f, "the DGX-Pixels server stopped before answering ({status})")?;
                if !stderr_tail.is_empty() {
                    write!(f, "; its last stderr lines:\n{}", stderr_tail.join("\n"))?;
                }
                Ok(())
            }
            ClientError::Cancelled { request_id } => write!(f, "request {request_id} was cancelled"),
            ClientError::Timeout { method, waited } => write!(
                f,
                "no answer to {method} within {:.1} s; the server may still be working on it",
                waited.as_secs_f64()
            ),
            ClientError::Job { job_id, status, message } => {
                if message.is_empty() {
                    write!(f, "job {job_id} ended {status}")
                } else {
                    write!(f, "job {job_id} ended {status}: {message}")
                }
            }
            ClientError::UnexpectedResult { context, reason } => {
                write!(f, "unexpected answer from the server at {context}: {reason}")
            }
            ClientError::InvalidData { file, reason } => write!(f, "{file} cannot be used: {reason}"),
            ClientError::Io { context, reason } => write!(f, "{context}: {reason}"),
        }
    }
}

impl std::error::Error for ClientError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tool_errors_show_the_servers_text_unchanged() {
        let error = ClientError::Tool {
            tool: "generate_sprite".into(),
            message: "Invalid argument 'size': 10000 is above the maximum 256".into(),
            structured: None,
        };
        assert_eq!(
            error.to_string(),
            "generate_sprite failed: Invalid argument 'size': 10000 is above the maximum 256"
        );
        assert!(!error.is_fatal());
    }

    #[test]
    fn a_dead_server_is_fatal_and_shows_its_stderr() {
        let error =
            ClientError::ServerExited { status: "signal: 9 (SIGKILL)".into(), stderr_tail: vec!["error: boom".into()] };
        assert!(error.is_fatal());
        assert_eq!(
            error.to_string(),
            "the DGX-Pixels server stopped before answering (signal: 9 (SIGKILL)); its last stderr lines:\nerror: boom"
        );
    }
}
