//! Shared by the integration tests: the server binary, scratch folders, and a Bevy project to deploy into.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use dgx_pixels_client::{ServerCommand, BIN_ENV};

/// The server binary from `DGX_PIXELS_BIN`, or `None` (with a note on stderr) when it is unset: the tests that
/// need it then pass without running. `make test-rust` always sets it.
pub fn server_bin(test: &str) -> Option<PathBuf> {
    match std::env::var_os(BIN_ENV) {
        Some(path) if !path.is_empty() => Some(PathBuf::from(path)),
        _ => {
            skip(
                test,
                &format!(
                    "{BIN_ENV} is not set. Build the server (`swift build` in the repository root) and run \
                 `DGX_PIXELS_BIN=$(swift build --show-bin-path)/dgx-pixels cargo test --offline`, or `make test-rust`"
                ),
            );
            None
        }
    }
}

/// Says on the terminal that `test` did not run and why. Written to the stderr handle itself, not through
/// `eprintln!`, which the test harness captures (and hides for passing tests).
pub fn skip(test: &str, reason: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {reason}");
}

/// Returns early from a test when there is no server binary.
#[macro_export]
macro_rules! require_server {
    ($test:expr) => {
        match support::server_bin($test) {
            Some(bin) => bin,
            None => return,
        }
    };
}

/// A folder under the system temp directory, removed when dropped.
pub struct Scratch {
    pub path: PathBuf,
}

impl Scratch {
    pub fn new(label: &str) -> Scratch {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
        let name = format!(
            "dgx-pixels-client-{label}-{}-{}-{nanos}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(name);
        std::fs::create_dir_all(&path).expect("create scratch folder");
        Scratch { path }
    }

    /// A minimal Bevy project (a Cargo.toml depending on bevy, an assets/ folder) inside the scratch folder.
    pub fn bevy_project(&self, name: &str) -> PathBuf {
        let project = self.path.join(name);
        std::fs::create_dir_all(project.join("assets")).expect("create assets/");
        std::fs::create_dir_all(project.join("src")).expect("create src/");
        std::fs::write(
            project.join("Cargo.toml"),
            format!("[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nbevy = \"0.17\"\n"),
        )
        .expect("write Cargo.toml");
        std::fs::write(project.join("src/main.rs"), "fn main() {}\n").expect("write main.rs");
        project
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// `dgx-pixels serve` isolated in `scratch`: sprites, config lookup and home all inside it, the procedural engine
/// (deterministic, no GPU), and no settings leaking in from the environment of whoever runs the tests.
pub fn server(bin: &Path, scratch: &Scratch) -> ServerCommand {
    isolate(ServerCommand::new().program(bin), scratch)
}

/// `command` with the environment of `server`, whatever binary it runs.
pub fn isolate(command: ServerCommand, scratch: &Scratch) -> ServerCommand {
    let home = &scratch.path;
    command
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("DGX_PIXELS_OUTPUT_DIR", home.join("out"))
        .env("DGX_PIXELS_ENGINE", "procedural")
        .env("DGX_PIXELS_LOG_LEVEL", "warning")
        .env_remove("DGX_PIXELS_CONFIG")
        .env_remove("DGX_PIXELS_COMFYUI_URL")
        .env_remove("DGX_PIXELS_BEVY_PROJECT")
        .env_remove("DGX_PIXELS_MAX_BATCH")
        .current_dir(home)
        .forward_stderr(false)
}

/// Whether process `pid` still exists (`kill -0`; a reaped process does not).
pub fn process_exists(pid: u32) -> bool {
    std::process::Command::new("kill")
        .args(["-0", &pid.to_string()])
        .stderr(std::process::Stdio::null())
        .status()
        .map(|status| status.success())
        .unwrap_or(false)
}

/// Sends SIGKILL to `pid`.
pub fn kill_hard(pid: u32) {
    let status = std::process::Command::new("kill").args(["-9", &pid.to_string()]).status().expect("run kill");
    assert!(status.success(), "kill -9 {pid} failed");
}
