//! Frame-timer arithmetic for playing a clip, as plain functions a Bevy system calls with `time.delta_secs()`.

use super::sheet::Clip;

/// The atlas index `clip` shows `elapsed` seconds after it started: looping, or held on the last frame once a
/// clip with `loops: false` has played through. A clip with a non-positive or non-finite fps stays on its first
/// frame.
pub fn frame_at(clip: &Clip, elapsed: f32) -> u32 {
    let plays = clip.fps.is_finite() && clip.fps > 0.0 && elapsed.is_finite() && elapsed > 0.0;
    if !plays {
        return clip.first;
    }
    let step = (f64::from(elapsed) * f64::from(clip.fps)).floor() as u64;
    let count = u64::from(clip.frame_count());
    let offset = if clip.is_looping() { step % count } else { step.min(count - 1) };
    clip.first + offset as u32
}

/// Plays one clip: feed it each frame's delta time, read the atlas index to show.
///
/// The elapsed time of a looping clip is kept modulo one loop, so a game running for hours loses no precision;
/// a clip with `loops: false` holds its last frame once played through (`is_finished`).
#[derive(Debug, Clone, PartialEq)]
pub struct ClipPlayer {
    clip: Clip,
    elapsed: f32,
}

impl ClipPlayer {
    /// Starts `clip` at its first frame.
    pub fn new(clip: Clip) -> Self {
        ClipPlayer { clip, elapsed: 0.0 }
    }

    /// The clip being played.
    pub fn clip(&self) -> &Clip {
        &self.clip
    }

    /// Advances by `delta` seconds and returns the atlas index to show.
    pub fn tick(&mut self, delta: f32) -> u32 {
        if delta.is_finite() && delta > 0.0 {
            self.elapsed += delta;
            let period = self.clip.frame_count() as f32 / self.clip.fps;
            if period.is_finite() && period > 0.0 && self.elapsed >= period {
                if self.clip.is_looping() {
                    self.elapsed %= period;
                } else {
                    // Held on the last frame: no need to count on.
                    self.elapsed = period;
                }
            }
        }
        self.index()
    }

    /// True once a clip that does not loop shows its last frame for good; never for a looping clip.
    pub fn is_finished(&self) -> bool {
        !self.clip.is_looping() && self.index() == self.clip.last.max(self.clip.first)
    }

    /// The atlas index to show now.
    pub fn index(&self) -> u32 {
        frame_at(&self.clip, self.elapsed)
    }

    /// Switches to `clip` from its first frame; keeps the timing when it is the clip already playing.
    pub fn play(&mut self, clip: Clip) {
        if clip != self.clip {
            self.clip = clip;
            self.elapsed = 0.0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk_left() -> Clip {
        Clip::new("walk_left", 4, 7, 10.0)
    }

    #[test]
    fn steps_one_frame_per_period_and_loops() {
        let clip = walk_left();
        assert_eq!(frame_at(&clip, 0.0), 4);
        assert_eq!(frame_at(&clip, 0.099), 4);
        assert_eq!(frame_at(&clip, 0.1), 5);
        assert_eq!(frame_at(&clip, 0.35), 7);
        assert_eq!(frame_at(&clip, 0.4), 4, "after the last frame comes the first");
        assert_eq!(frame_at(&clip, 1.35), 5, "13 frames in: one past a whole number of loops");
    }

    #[test]
    fn a_still_clip_or_bad_time_shows_the_first_frame() {
        let mut clip = walk_left();
        assert_eq!(frame_at(&clip, -1.0), 4);
        assert_eq!(frame_at(&clip, f32::NAN), 4);
        clip.fps = 0.0;
        assert_eq!(frame_at(&clip, 3.0), 4);
        clip.fps = f32::INFINITY;
        assert_eq!(frame_at(&clip, 3.0), 4);
        let single = Clip::new("idle", 2, 2, 8.0);
        assert_eq!(frame_at(&single, 10.0), 2);
    }

    #[test]
    fn the_player_accumulates_frame_deltas() {
        let mut player = ClipPlayer::new(walk_left());
        let shown: Vec<u32> = (0..9).map(|_| player.tick(0.05)).collect();
        assert_eq!(shown, vec![4, 5, 5, 6, 6, 7, 7, 4, 4]);
        // A long stall skips ahead instead of replaying every missed frame.
        assert_eq!(player.tick(0.25), 7);
    }

    #[test]
    fn hours_of_play_keep_the_timing_exact() {
        let mut player = ClipPlayer::new(walk_left());
        for _ in 0..(60 * 60 * 60) {
            player.tick(1.0 / 60.0);
        }
        // An hour at 60 fps is 36 000 clip frames, a whole number of loops of 4, give or take rounding.
        assert!(matches!(player.index(), 4 | 7), "{}", player.index());
        assert!(player.elapsed < 0.4 + 1e-3);
    }

    fn death_down() -> Clip {
        Clip { name: "death_down".into(), first: 8, last: 11, fps: 10.0, loops: Some(false) }
    }

    #[test]
    fn a_clip_that_does_not_loop_holds_its_last_frame() {
        let clip = death_down();
        assert_eq!(frame_at(&clip, 0.0), 8);
        assert_eq!(frame_at(&clip, 0.25), 10);
        assert_eq!(frame_at(&clip, 0.35), 11);
        assert_eq!(frame_at(&clip, 0.4), 11, "no wrap to the first frame");
        assert_eq!(frame_at(&clip, 1000.0), 11);
        let looping = Clip { loops: Some(true), ..death_down() };
        assert_eq!(frame_at(&looping, 0.4), 8, "loops: true wraps like a clip without the field");
    }

    #[test]
    fn the_player_stops_on_the_last_frame_of_a_clip_that_does_not_loop() {
        let mut player = ClipPlayer::new(death_down());
        let shown: Vec<u32> = (0..8).map(|_| player.tick(0.1)).collect();
        assert_eq!(shown, vec![9, 10, 11, 11, 11, 11, 11, 11]);
        assert!(player.is_finished());
        for _ in 0..(60 * 60) {
            player.tick(1.0 / 60.0);
        }
        assert_eq!(player.index(), 11, "still held a minute later");
        // Playing another clip (a walk after the death, say) starts it from its first frame.
        player.play(walk_left());
        assert_eq!(player.index(), 4);
        assert!(!player.is_finished());
        let mut looping = ClipPlayer::new(walk_left());
        looping.tick(0.35);
        assert!(!looping.is_finished(), "a looping clip on its last frame is not finished");
    }

    #[test]
    fn switching_clips_restarts_but_replaying_the_same_one_does_not() {
        let mut player = ClipPlayer::new(walk_left());
        player.tick(0.15);
        player.play(walk_left());
        assert_eq!(player.index(), 5);
        player.play(Clip::new("walk_up", 12, 15, 10.0));
        assert_eq!(player.index(), 12);
        assert_eq!(player.clip().name, "walk_up");
    }
}
