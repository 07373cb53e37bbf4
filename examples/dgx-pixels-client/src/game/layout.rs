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

#[cfg(test)]
mod tests {
    use super::*;

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
