//! What a game shows while sprites are being made: one line per request in flight, the latest outcome, and the
//! last error, built from `SpriteEvent`s.

use std::collections::BTreeMap;

use super::sprite_requests::{SpriteEvent, Ticket};

/// The lines of a progress display, fed with every `SpriteEvent`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgressBoard {
    server: Option<String>,
    in_flight: BTreeMap<Ticket, (String, String)>,
    last_done: Option<String>,
    last_error: Option<String>,
}

impl ProgressBoard {
    /// An empty board: the server has not answered yet.
    pub fn new() -> Self {
        ProgressBoard::default()
    }

    /// Notes a request the game made, under a label the player recognises (`knight`, `slime sheet`).
    pub fn started(&mut self, ticket: Ticket, label: impl Into<String>) {
        self.in_flight.insert(ticket, (label.into(), "queued".into()));
    }

    /// Takes one event into account.
    pub fn apply(&mut self, event: &SpriteEvent) {
        match event {
            SpriteEvent::Ready { server } => self.server = Some(server.clone()),
            SpriteEvent::Progress { ticket, progress } => {
                if let Some((_, state)) = self.in_flight.get_mut(ticket) {
                    let percent = progress.fraction().map(|f| format!("{:.0}%", f * 100.0)).unwrap_or_default();
                    let message = progress.message.clone().unwrap_or_default();
                    *state = format!("{percent} {message}").trim().to_owned();
                }
            }
            SpriteEvent::Sprite { ticket, outcome } => {
                let what = outcome.asset_path().unwrap_or(&outcome.sprite.path).to_owned();
                self.finish(*ticket, format!("made {what}{}", if outcome.cached() { " (cached)" } else { "" }));
            }
            SpriteEvent::Batch { ticket, outcome } => {
                let job = &outcome.job;
                self.finish(*ticket, format!("made {} of {} sprites", job.succeeded, job.total));
                if let Some(error) = job.first_error().or(outcome.deploy_error.as_deref()) {
                    self.last_error = Some(error.to_owned());
                }
            }
            SpriteEvent::Tileset { ticket, outcome } => {
                let what = outcome.asset_path().unwrap_or_else(|| outcome.sprite.path.clone());
                let tiles = &outcome.tileset;
                self.finish(*ticket, format!("made {what} ({} {} tiles)", tiles.tiles.len(), tiles.layout));
            }
            SpriteEvent::Deployed { ticket, deployment } => {
                let names: Vec<&str> = deployment.sprites.iter().map(|sprite| sprite.asset_path.as_str()).collect();
                self.finish(*ticket, format!("deployed {}", names.join(", ")));
            }
            SpriteEvent::Failed { ticket, error } => {
                if let Some(ticket) = ticket {
                    self.in_flight.remove(ticket);
                } else {
                    self.server = Some("not running".into());
                }
                self.last_error = Some(error.to_string());
            }
        }
    }

    /// Requests still running.
    pub fn in_flight(&self) -> impl Iterator<Item = Ticket> + '_ {
        self.in_flight.keys().copied()
    }

    /// The board as text lines, oldest request first.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![format!("server: {}", self.server.as_deref().unwrap_or("starting…"))];
        for (label, state) in self.in_flight.values() {
            lines.push(format!("{label}: {state}"));
        }
        if let Some(done) = &self.last_done {
            lines.push(format!("last: {done}"));
        }
        if let Some(error) = &self.last_error {
            lines.push(format!("error: {error}"));
        }
        lines
    }

    fn finish(&mut self, ticket: Ticket, summary: String) {
        let label = self.in_flight.remove(&ticket).map(|(label, _)| label);
        self.last_done = Some(match label {
            Some(label) => format!("{label}: {summary}"),
            None => summary,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ClientError;
    use crate::progress::Progress;

    #[test]
    fn shows_requests_in_flight_with_their_latest_progress() {
        let mut board = ProgressBoard::new();
        assert_eq!(board.lines(), vec!["server: starting…"]);
        board.apply(&SpriteEvent::Ready { server: "dgx-pixels 0.1.0".into() });
        board.started(1, "knight");
        board.started(2, "slime sheet");
        board.apply(&SpriteEvent::Progress {
            ticket: 1,
            progress: Progress {
                request_id: 5,
                progress: 45.0,
                total: Some(100.0),
                message: Some("encoding PNG".into()),
            },
        });
        board.apply(&SpriteEvent::Progress {
            ticket: 9,
            progress: Progress { request_id: 6, progress: 1.0, total: None, message: None },
        });
        assert_eq!(board.lines(), vec!["server: dgx-pixels 0.1.0", "knight: 45% encoding PNG", "slime sheet: queued"]);
        assert_eq!(board.in_flight().collect::<Vec<_>>(), vec![1, 2]);
    }

    #[test]
    fn a_failure_leaves_the_board_with_the_error() {
        let mut board = ProgressBoard::new();
        board.started(3, "coin");
        board.apply(&SpriteEvent::Failed {
            ticket: Some(3),
            error: ClientError::Tool {
                tool: "generate_sprite".into(),
                message: "Invalid argument 'size'".into(),
                structured: None,
            },
        });
        assert_eq!(board.lines(), vec!["server: starting…", "error: generate_sprite failed: Invalid argument 'size'"]);
        board.apply(&SpriteEvent::Failed {
            ticket: None,
            error: ClientError::Spawn { program: "dgx-pixels".into(), reason: "not found".into() },
        });
        assert_eq!(board.lines()[0], "server: not running");
    }
}
