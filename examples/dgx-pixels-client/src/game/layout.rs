//! Where the example game puts its sprites.

/// Sprites per row.
pub const SLOTS_PER_ROW: usize = 6;

/// Distance between slot centres, in pixels.
pub const SLOT_SPACING: f32 = 112.0;

/// The centre of slot `slot` (0, 1, …): rows of `SLOTS_PER_ROW` left to right, centred on the origin
/// horizontally, going down from `y = 96`.
pub fn slot_position(slot: usize) -> (f32, f32) {
    let column = (slot % SLOTS_PER_ROW) as f32;
    let row = (slot / SLOTS_PER_ROW) as f32;
    let x = (column - (SLOTS_PER_ROW as f32 - 1.0) / 2.0) * SLOT_SPACING;
    (x, 96.0 - row * SLOT_SPACING)
}

/// How much to scale a `width` × `height` sprite (or sheet frame) so it fills about one slot: a whole number
/// of times (crisp pixels) up to 4×, or 1/2, 1/3, … for sprites larger than a slot.
pub fn slot_scale(width: u32, height: u32) -> f32 {
    let edge = width.max(height).max(1) as f32;
    let fit = (SLOT_SPACING - 16.0) / edge;
    if fit >= 1.0 {
        fit.floor().min(4.0)
    } else {
        1.0 / (1.0 / fit).ceil()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_by_whole_numbers_up_and_whole_fractions_down() {
        assert_eq!(slot_scale(16, 16), 4.0);
        assert_eq!(slot_scale(32, 32), 3.0);
        assert_eq!(slot_scale(24, 48), 2.0);
        assert_eq!(slot_scale(96, 96), 1.0);
        assert_eq!(slot_scale(256, 128), 1.0 / 3.0);
        assert_eq!(slot_scale(0, 0), 4.0);
    }

    #[test]
    fn fills_rows_left_to_right_centred_then_goes_down() {
        assert_eq!(slot_position(0), (-280.0, 96.0));
        assert_eq!(slot_position(5), (280.0, 96.0));
        assert_eq!(slot_position(6), (-280.0, -16.0));
        let (left, _) = slot_position(2);
        let (right, _) = slot_position(3);
        assert_eq!(left, -right, "a row is centred");
    }
}
