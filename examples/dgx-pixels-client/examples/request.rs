//! Generates one sprite and deploys it into a Bevy project:
//!
//! ```sh
//! cargo run --offline --example request -- <bevy-project-dir> "<prompt>" [--size N] [--category C]
//! ```
//!
//! Prints progress lines, then the asset path (`sprites/<category>/<name>.png`) as its last line. On failure it
//! prints the server's error text to stderr and exits 1 (2 for a bad command line). The server binary comes from
//! `$DGX_PIXELS_BIN`, else `dgx-pixels` on `PATH`.

use std::io::Write;
use std::process::ExitCode;

use dgx_pixels_client::{ServerCommand, SpriteRequest};

const USAGE: &str = "usage: request <bevy-project-dir> \"<prompt>\" [--size N] [--category C]";

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    match run(&arguments, ServerCommand::new(), &mut stdout.lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("{message}\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Request(message)) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}

/// Why the example did not print an asset path.
#[derive(Debug)]
pub enum Failure {
    /// The command line was wrong.
    Usage(String),
    /// Starting the server, generating or deploying failed: the error's text.
    Request(String),
}

/// The command line, read.
#[derive(Debug, PartialEq)]
pub struct Arguments {
    pub project: String,
    pub prompt: String,
    pub size: Option<u32>,
    pub category: Option<String>,
}

/// Reads `<bevy-project-dir> "<prompt>" [--size N] [--category C]`.
pub fn parse(arguments: &[String]) -> Result<Arguments, Failure> {
    let mut positional = Vec::new();
    let (mut size, mut category) = (None, None);
    let mut rest = arguments.iter();
    while let Some(argument) = rest.next() {
        match argument.as_str() {
            "--size" => {
                let value = rest.next().ok_or_else(|| Failure::Usage("--size needs a number".into()))?;
                size = Some(value.parse().map_err(|_| Failure::Usage(format!("--size {value}: not a number")))?);
            }
            "--category" => {
                let value = rest.next().ok_or_else(|| Failure::Usage("--category needs a name".into()))?;
                category = Some(value.clone());
            }
            other if other.starts_with("--") => return Err(Failure::Usage(format!("unknown option {other}"))),
            other => positional.push(other.to_owned()),
        }
    }
    match <[String; 2]>::try_from(positional) {
        Ok([project, prompt]) => Ok(Arguments { project, prompt, size, category }),
        Err(_) => Err(Failure::Usage("expected a Bevy project folder and a prompt".into())),
    }
}

/// Runs the example against the server `server` starts, writing progress and the asset path to `out`.
pub fn run(arguments: &[String], server: ServerCommand, out: &mut impl Write) -> Result<(), Failure> {
    let arguments = parse(arguments)?;
    // The server resolves deploy_to against its own working directory; hand it an absolute path.
    let project = std::fs::canonicalize(&arguments.project)
        .map_err(|error| Failure::Request(format!("{}: {error}", arguments.project)))?;
    let mut request = SpriteRequest::new(arguments.prompt).deploy_to(project.display().to_string()).return_image(false);
    if let Some(size) = arguments.size {
        request = request.size(size);
    }
    if let Some(category) = arguments.category {
        request = request.category(category);
    }
    let client = server.spawn().map_err(|error| Failure::Request(error.to_string()))?;
    let outcome = client
        .generate_sprite(&request, |progress| {
            let percent = progress.fraction().map(|fraction| format!("{:3.0}%", fraction * 100.0));
            let _ = writeln!(
                out,
                "[{}] {}",
                percent.unwrap_or_else(|| "  …".into()),
                progress.message.as_deref().unwrap_or("working")
            );
        })
        .map_err(|error| Failure::Request(error.to_string()))?;
    let asset_path = outcome
        .asset_path()
        .ok_or_else(|| Failure::Request("the server made the sprite but reported no deployment".into()))?;
    let written = writeln!(out, "deployed {}", outcome.png_path()).and_then(|()| writeln!(out, "{asset_path}"));
    written.map_err(|error| Failure::Request(format!("writing to stdout: {error}")))
}
