//! Where the example game puts its sprites, and the island map it lays out with a tileset.

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

/// The example game's map: vertex values (13 × 9, so 12 × 8 cells), `.` for the tileset's `terrain` (grass) and
/// `~` for its `edge` (water): an island with a pond, in open water. Read it with `VertexGrid::from_rows`.
pub const ISLAND_MAP: [&str; 9] = [
    "~~~~~~~~~~~~~",
    "~~~.....~~~~~",
    "~~.........~~",
    "~~....~~...~~",
    "~.....~~....~",
    "~~.........~~",
    "~~~.......~~~",
    "~~~~~..~~~~~~",
    "~~~~~~~~~~~~~",
];

/// Where cell `cell` of a row-major, top-row-first map of `columns × rows` cells goes on a tilemap whose y axis
/// points up (bevy_ecs_tilemap's `TilePos`): same column, rows counted from the bottom.
pub fn tile_position(cell: usize, columns: usize, rows: usize) -> (u32, u32) {
    let (x, y) = (cell % columns.max(1), cell / columns.max(1));
    (x as u32, rows.saturating_sub(1 + y) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::tileset::{TilesetDescriptor, TilesetTile, VertexGrid};

    #[test]
    fn the_island_map_is_12_by_8_cells_and_autotiles_with_a_wang16_set() {
        let grid = VertexGrid::from_rows(&ISLAND_MAP).unwrap();
        assert_eq!((grid.columns(), grid.rows()), (12, 8));
        let tiles = (0..16)
            .map(|index: u32| TilesetTile {
                index,
                corners: [0, 1, 2, 3].map(|bit| ((index >> bit) & 1) as u8),
                edges: None,
                neighbours: None,
            })
            .collect();
        let wang16 = TilesetDescriptor { layout: "wang16".into(), tile_size: 16, columns: 4, rows: 4, tiles };
        let cells = wang16.autotile(&grid).unwrap();
        assert_eq!(cells.len(), 96);
        assert!(cells.contains(&0) && cells.contains(&15), "both open grass and open water");
        let shores = cells.iter().filter(|&&tile| tile != 0 && tile != 15).count();
        assert!(shores > 20, "a coastline all round, and the pond's: {shores}");
    }

    #[test]
    fn tile_positions_flip_rows_so_the_top_row_is_drawn_on_top() {
        assert_eq!(tile_position(0, 12, 8), (0, 7));
        assert_eq!(tile_position(11, 12, 8), (11, 7));
        assert_eq!(tile_position(12, 12, 8), (0, 6));
        assert_eq!(tile_position(95, 12, 8), (11, 0));
    }

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
