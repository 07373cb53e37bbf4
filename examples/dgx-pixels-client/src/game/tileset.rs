//! Tileset descriptors (`<name>.tileset.json`) and the autotiler that turns a terrain map into tile indices.
//!
//! A tileset joins two terrains: corner (and edge) value 0 is `terrain`, 1 is `edge`. In a `wang16` set each tile
//! is one combination of its four corners; a map is then a grid of vertex values, `(columns + 1) × (rows + 1)`,
//! and each cell takes the tile whose corners `[nw, ne, se, sw]` match the four vertices around it. Neighbouring
//! cells share two vertices, so their tiles always agree along the side they share.

use serde::{Deserialize, Serialize};

use crate::error::ClientError;

/// One tile of a tileset: its row-major place in the image and the terrain at its corners.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TilesetTile {
    /// Row-major position in the image (`index % columns`, `index / columns`).
    pub index: u32,
    /// `[nw, ne, se, sw]`: 0 where the corner is `terrain`, 1 where it is `edge`.
    pub corners: [u8; 4],
    /// blob47 only: `[n, e, s, w]`, the terrain at the middle of each side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edges: Option<[u8; 4]>,
    /// blob47 only, absent on the plain `edge` tile: which of the 8 neighbours are terrain, one bit each,
    /// clockwise from north (N 1, NE 2, E 4, SE 8, S 16, SW 32, W 64, NW 128).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neighbours: Option<u8>,
}

/// The `<name>.tileset.json` DGX-Pixels writes beside a tileset PNG. Unknown fields are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TilesetDescriptor {
    /// `wang16` or `blob47`.
    pub layout: String,
    /// Edge of a square tile in pixels.
    pub tile_size: u32,
    pub columns: u32,
    pub rows: u32,
    pub tiles: Vec<TilesetTile>,
}

impl TilesetDescriptor {
    /// Reads and checks a `.tileset.json`; `source` names it in errors.
    pub fn from_json(bytes: &[u8], source: &str) -> Result<TilesetDescriptor, ClientError> {
        let descriptor: TilesetDescriptor = serde_json::from_slice(bytes)
            .map_err(|error| ClientError::InvalidData { file: source.to_owned(), reason: error.to_string() })?;
        descriptor.check().map_err(|reason| ClientError::InvalidData { file: source.to_owned(), reason })?;
        Ok(descriptor)
    }

    /// Whether the numbers make a usable tileset: a non-empty grid of non-empty tiles, every tile on the grid once,
    /// corner values 0 or 1.
    pub fn check(&self) -> Result<(), String> {
        if self.tile_size == 0 {
            return Err("tile_size is 0".into());
        }
        let cells = self.columns.saturating_mul(self.rows);
        if cells == 0 {
            return Err(format!("a {}x{} grid has no cells", self.columns, self.rows));
        }
        let mut seen = vec![false; cells as usize];
        for tile in &self.tiles {
            let Some(slot) = seen.get_mut(tile.index as usize) else {
                return Err(format!("tile {} is outside cells 0..{cells}", tile.index));
            };
            if std::mem::replace(slot, true) {
                return Err(format!("tile {} is listed twice", tile.index));
            }
            if tile.corners.iter().any(|&corner| corner > 1) {
                return Err(format!("tile {} has corners {:?}; each must be 0 or 1", tile.index, tile.corners));
            }
        }
        Ok(())
    }

    /// The tile whose corners are `[nw, ne, se, sw]` (0 terrain, 1 edge), if the set has one. Any value above 0
    /// counts as 1.
    pub fn tile_for(&self, corners: [u8; 4]) -> Option<u32> {
        let corners = corners.map(|corner| corner.min(1));
        self.tiles.iter().find(|tile| tile.corners == corners).map(|tile| tile.index)
    }

    /// The tile index for every cell of `grid`, row-major from the top-left cell: each cell gets the tile whose
    /// corners match the four vertices around it. Fails naming the first corner combination the set lacks (a
    /// `wang16` set has all 16).
    ///
    /// ```
    /// use dgx_pixels_client::game::{TilesetDescriptor, VertexGrid};
    ///
    /// // The server's wang16 order: tile nw + 2·ne + 4·se + 8·sw.
    /// let tiles: Vec<String> = (0..16)
    ///     .map(|i| format!(r#"{{"index":{i},"corners":[{},{},{},{}]}}"#, i & 1, i >> 1 & 1, i >> 2 & 1, i >> 3 & 1))
    ///     .collect();
    /// let json = format!(r#"{{"layout":"wang16","tile_size":16,"columns":4,"rows":4,"tiles":[{}]}}"#, tiles.join(","));
    /// let tileset = TilesetDescriptor::from_json(json.as_bytes(), "grass-water.tileset.json")?;
    ///
    /// // `.` grass, `~` water: a pond in the middle of 3 x 2 cells.
    /// let map = VertexGrid::from_rows(&["....", ".~~.", "...."]).expect("rectangular");
    /// let cells = tileset.autotile(&map).expect("a wang16 set has every corner combination");
    /// assert_eq!(cells, vec![4, 12, 8, 2, 3, 1]);
    /// # Ok::<(), dgx_pixels_client::ClientError>(())
    /// ```
    pub fn autotile(&self, grid: &VertexGrid) -> Result<Vec<u32>, String> {
        let mut tiles = Vec::with_capacity(grid.columns() * grid.rows());
        for y in 0..grid.rows() {
            for x in 0..grid.columns() {
                let corners = grid.corners(x, y);
                let tile = self.tile_for(corners).ok_or_else(|| {
                    format!("the {} tileset has no tile with corners {corners:?} (cell {x},{y})", self.layout)
                })?;
                tiles.push(tile);
            }
        }
        Ok(tiles)
    }

    /// blob47: the tile index for every cell of a `columns × rows` map whose cells are `edge` where `is_edge` says
    /// so, row-major from the top left. A terrain cell takes the tile of its neighbour mask (cells beyond the map
    /// count as terrain; a diagonal counts only beside both its sides); an edge cell takes the plain tile, the one
    /// without a mask.
    pub fn autotile_cells(
        &self,
        columns: usize,
        rows: usize,
        is_edge: impl Fn(usize, usize) -> bool,
    ) -> Result<Vec<u32>, String> {
        let terrain = |x: isize, y: isize| {
            x < 0 || y < 0 || x >= columns as isize || y >= rows as isize || !is_edge(x as usize, y as usize)
        };
        let plain = self.tiles.iter().find(|tile| tile.neighbours.is_none()).map(|tile| tile.index);
        let mut tiles = Vec::with_capacity(columns * rows);
        for y in 0..rows as isize {
            for x in 0..columns as isize {
                if !terrain(x, y) {
                    tiles.push(plain.ok_or_else(|| format!("the {} tileset has no plain edge tile", self.layout))?);
                    continue;
                }
                let mask = blob_mask(|dx, dy| terrain(x + dx, y + dy));
                let tile = self.tiles.iter().find(|tile| tile.neighbours == Some(mask));
                tiles.push(tile.map(|tile| tile.index).ok_or_else(|| {
                    format!("the {} tileset has no tile for neighbour mask {mask} (cell {x},{y})", self.layout)
                })?);
            }
        }
        Ok(tiles)
    }

    /// Where tile `index` sits in the image: (column, row).
    pub fn tile_position(&self, index: u32) -> (u32, u32) {
        let columns = self.columns.max(1);
        (index % columns, index / columns)
    }

    /// The asset path of the `.tileset.json` describing the tileset PNG at `image` (`tilesets/x.png` →
    /// `tilesets/x.tileset.json`).
    pub fn json_path_for(image: &str) -> String {
        let stem = image.strip_suffix(".png").unwrap_or(image);
        format!("{stem}.tileset.json")
    }

    /// The asset path of the PNG a `.tileset.json` describes (`tilesets/x.tileset.json` → `tilesets/x.png`).
    pub fn image_path_for(descriptor: &str) -> String {
        let stem = descriptor.strip_suffix(".tileset.json").unwrap_or(descriptor);
        format!("{stem}.png")
    }
}

/// The reduced 8-neighbour mask (N 1, NE 2, E 4, SE 8, S 16, SW 32, W 64, NW 128) of a cell whose neighbour at
/// (dx, dy) is terrain when `is_terrain(dx, dy)`; y grows downwards. A diagonal counts only when both sides beside
/// it do, which leaves 47 masks.
pub fn blob_mask(is_terrain: impl Fn(isize, isize) -> bool) -> u8 {
    let (north, east, south, west) = (is_terrain(0, -1), is_terrain(1, 0), is_terrain(0, 1), is_terrain(-1, 0));
    let mut mask = 0;
    for (set, bit) in [
        (north, 1),
        (north && east && is_terrain(1, -1), 2),
        (east, 4),
        (south && east && is_terrain(1, 1), 8),
        (south, 16),
        (south && west && is_terrain(-1, 1), 32),
        (west, 64),
        (north && west && is_terrain(-1, -1), 128),
    ] {
        if set {
            mask |= bit;
        }
    }
    mask
}

/// The terrain of a map at the corners of its cells: `(columns + 1) × (rows + 1)` values, row-major from the
/// top-left corner, 0 for `terrain` and 1 for `edge`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VertexGrid {
    columns: usize,
    rows: usize,
    values: Vec<u8>,
}

impl VertexGrid {
    /// A grid for `columns × rows` cells from its `(columns + 1) × (rows + 1)` vertex values (any value above 0
    /// counts as `edge`).
    pub fn new(columns: usize, rows: usize, values: Vec<u8>) -> Result<VertexGrid, String> {
        let expected = (columns + 1) * (rows + 1);
        if values.len() != expected {
            return Err(format!(
                "{columns}x{rows} cells need {expected} vertex values ({}x{}), not {}",
                columns + 1,
                rows + 1,
                values.len()
            ));
        }
        Ok(VertexGrid { columns, rows, values: values.into_iter().map(|value| value.min(1)).collect() })
    }

    /// A grid for `columns × rows` cells whose vertex (x, y) is `edge` when `is_edge(x, y)`, x in `0..=columns`.
    pub fn from_fn(columns: usize, rows: usize, is_edge: impl Fn(usize, usize) -> bool) -> VertexGrid {
        let values = (0..=rows).flat_map(|y| (0..=columns).map(move |x| (x, y))).map(|(x, y)| u8::from(is_edge(x, y)));
        VertexGrid { columns, rows, values: values.collect() }
    }

    /// A grid drawn as text, one line per vertex row: `.` for `terrain`, any other character for `edge`
    /// (`~`, `#`). Every line must be as long as the first; a grid needs at least 2 × 2 vertices.
    pub fn from_rows(lines: &[&str]) -> Result<VertexGrid, String> {
        let width = lines.first().map(|line| line.chars().count()).unwrap_or(0);
        if lines.len() < 2 || width < 2 {
            return Err(format!("a map needs at least 2x2 vertices, not {width}x{}", lines.len()));
        }
        let mut values = Vec::with_capacity(width * lines.len());
        for (row, line) in lines.iter().enumerate() {
            if line.chars().count() != width {
                return Err(format!("vertex row {row} has {} values; row 0 has {width}", line.chars().count()));
            }
            values.extend(line.chars().map(|value| u8::from(value != '.')));
        }
        VertexGrid::new(width - 1, lines.len() - 1, values)
    }

    /// Cells across.
    pub fn columns(&self) -> usize {
        self.columns
    }

    /// Cells down.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The value at vertex (x, y), x in `0..=columns`, y in `0..=rows`.
    pub fn vertex(&self, x: usize, y: usize) -> u8 {
        self.values[y * (self.columns + 1) + x]
    }

    /// The corners `[nw, ne, se, sw]` of cell (x, y), x in `0..columns`, y in `0..rows` (row 0 at the top).
    pub fn corners(&self, x: usize, y: usize) -> [u8; 4] {
        [self.vertex(x, y), self.vertex(x + 1, y), self.vertex(x + 1, y + 1), self.vertex(x, y + 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A wang16 descriptor as the server lays it out: tile `nw + 2·ne + 4·se + 8·sw`, 4 columns
    /// (Sources/SpriteEngine/Procedural/Tilesets/TilesetLayout.swift).
    fn wang16_json() -> String {
        let tiles: Vec<String> = (0..16)
            .map(|index| {
                let bit = |shift: u32| (index >> shift) & 1;
                format!(r#"{{"index": {index}, "corners": [{}, {}, {}, {}]}}"#, bit(0), bit(1), bit(2), bit(3))
            })
            .collect();
        format!(
            r#"{{"layout": "wang16", "tile_size": 16, "columns": 4, "rows": 4, "tiles": [{}], "terrain": "grass"}}"#,
            tiles.join(", ")
        )
    }

    fn wang16() -> TilesetDescriptor {
        TilesetDescriptor::from_json(wang16_json().as_bytes(), "grass-water.tileset.json").unwrap()
    }

    /// The same 16 tiles in a scrambled order, so the tests cannot pass by computing `nw + 2·ne + …` themselves.
    fn shuffled_wang16() -> TilesetDescriptor {
        let mut descriptor = wang16();
        for tile in &mut descriptor.tiles {
            tile.index = (tile.index * 7 + 3) % 16;
        }
        descriptor.check().unwrap();
        descriptor
    }

    fn corners_of(descriptor: &TilesetDescriptor, index: u32) -> [u8; 4] {
        descriptor.tiles.iter().find(|tile| tile.index == index).unwrap().corners
    }

    #[test]
    fn reads_the_descriptor_and_ignores_unknown_fields() {
        let descriptor = wang16();
        assert_eq!((descriptor.layout.as_str(), descriptor.tile_size, descriptor.columns), ("wang16", 16, 4));
        assert_eq!(descriptor.tiles.len(), 16);
        assert_eq!(descriptor.tiles[5].corners, [1, 0, 1, 0]);
        assert_eq!(descriptor.tile_position(6), (2, 1));
    }

    #[test]
    fn every_corner_combination_maps_to_a_tile_with_those_corners() {
        for descriptor in [wang16(), shuffled_wang16()] {
            let mut used = Vec::new();
            for combination in 0..16u8 {
                let corners = [combination & 1, (combination >> 1) & 1, (combination >> 2) & 1, (combination >> 3) & 1];
                let index = descriptor.tile_for(corners).expect("a wang16 set has every combination");
                assert_eq!(corners_of(&descriptor, index), corners);
                used.push(index);
            }
            used.sort();
            used.dedup();
            assert_eq!(used.len(), 16, "16 combinations, 16 different tiles");
        }
        assert_eq!(wang16().tile_for([0, 0, 0, 0]), Some(0));
        assert_eq!(wang16().tile_for([1, 1, 1, 1]), Some(15));
        assert_eq!(wang16().tile_for([2, 0, 0, 7]), Some(9), "any value above 0 is edge");
    }

    #[test]
    fn a_set_missing_a_combination_says_which() {
        let mut descriptor = wang16();
        descriptor.tiles.retain(|tile| tile.index != 15);
        assert_eq!(descriptor.tile_for([1, 1, 1, 1]), None);
        let grid = VertexGrid::from_rows(&["~~", "~~"]).unwrap();
        assert_eq!(
            descriptor.autotile(&grid),
            Err("the wang16 tileset has no tile with corners [1, 1, 1, 1] (cell 0,0)".to_owned())
        );
    }

    /// Checks that side-by-side tiles agree along every shared side, and each tile's corners are its vertices.
    fn assert_consistent(descriptor: &TilesetDescriptor, grid: &VertexGrid, tiles: &[u32]) {
        let (columns, rows) = (grid.columns(), grid.rows());
        assert_eq!(tiles.len(), columns * rows);
        let at = |x: usize, y: usize| corners_of(descriptor, tiles[y * columns + x]);
        for y in 0..rows {
            for x in 0..columns {
                let [nw, ne, se, sw] = at(x, y);
                assert_eq!([nw, ne, se, sw], grid.corners(x, y), "cell {x},{y}");
                if x + 1 < columns {
                    let [right_nw, _, _, right_sw] = at(x + 1, y);
                    assert_eq!((ne, se), (right_nw, right_sw), "cells {x},{y} and {},{y}", x + 1);
                }
                if y + 1 < rows {
                    let [below_nw, below_ne, _, _] = at(x, y + 1);
                    assert_eq!((sw, se), (below_nw, below_ne), "cells {x},{y} and {x},{}", y + 1);
                }
            }
        }
    }

    #[test]
    fn a_lake_gives_consistent_neighbours() {
        let lake = VertexGrid::from_rows(&[
            ".....", //
            ".~~~.", //
            ".~~~.", //
            ".....",
        ])
        .unwrap();
        assert_eq!((lake.columns(), lake.rows()), (4, 3));
        let descriptor = wang16();
        let tiles = descriptor.autotile(&lake).unwrap();
        // Top row: the lake's north shore: nw corner tile (se water), two straight shores, ne corner (sw water).
        assert_eq!(&tiles[0..4], &[4, 12, 12, 8]);
        // Middle row: west shore, open water, open water, east shore.
        assert_eq!(&tiles[4..8], &[6, 15, 15, 9]);
        assert_eq!(&tiles[8..12], &[2, 3, 3, 1]);
        assert_consistent(&descriptor, &lake, &tiles);
        assert_consistent(&shuffled_wang16(), &lake, &shuffled_wang16().autotile(&lake).unwrap());
    }

    #[test]
    fn a_checkerboard_and_an_island_give_consistent_neighbours() {
        let checkerboard = VertexGrid::from_fn(7, 5, |x, y| (x + y) % 2 == 1);
        let island = VertexGrid::from_fn(12, 8, |x, y| {
            let (dx, dy) = (x as f32 - 6.0, (y as f32 - 4.0) * 1.5);
            dx * dx + dy * dy > 16.0
        });
        for descriptor in [wang16(), shuffled_wang16()] {
            for grid in [&checkerboard, &island] {
                let tiles = descriptor.autotile(grid).unwrap();
                assert_consistent(&descriptor, grid, &tiles);
            }
        }
        // Every checkerboard cell has alternating corners: only tiles 5 (nw, se) and 10 (ne, sw).
        let tiles = wang16().autotile(&checkerboard).unwrap();
        assert!(tiles.iter().all(|tile| *tile == 5 || *tile == 10), "{tiles:?}");
        assert_eq!(&tiles[0..3], &[10, 5, 10]);
    }

    #[test]
    fn vertex_grids_refuse_the_wrong_number_of_values() {
        assert_eq!(VertexGrid::new(2, 1, vec![0; 5]), Err("2x1 cells need 6 vertex values (3x2), not 5".to_owned()));
        assert!(VertexGrid::from_rows(&["...", ".."]).unwrap_err().contains("row 1"));
        assert!(VertexGrid::from_rows(&["..."]).is_err());
        let grid = VertexGrid::new(1, 1, vec![0, 3, 1, 0]).unwrap();
        assert_eq!(grid.corners(0, 0), [0, 1, 0, 1]);
    }

    #[test]
    fn refuses_descriptors_with_tiles_off_the_grid_or_twice() {
        let mut descriptor = wang16();
        descriptor.tiles[3].index = 16;
        assert_eq!(descriptor.check(), Err("tile 16 is outside cells 0..16".to_owned()));
        let mut descriptor = wang16();
        descriptor.tiles[3].index = 2;
        assert_eq!(descriptor.check(), Err("tile 2 is listed twice".to_owned()));
        let mut descriptor = wang16();
        descriptor.tiles[0].corners = [0, 2, 0, 0];
        assert!(descriptor.check().is_err());
        let error =
            TilesetDescriptor::from_json(br#"{"layout":"wang16","tile_size":16}"#, "x.tileset.json").unwrap_err();
        assert!(error.to_string().contains("x.tileset.json") && error.to_string().contains("columns"), "{error}");
    }

    /// A blob47 descriptor shaped like the server's: 47 masks then the plain tile, 8 columns, extra fields.
    fn blob47() -> TilesetDescriptor {
        let mut masks: Vec<u8> = (0..=255u16)
            .map(|mask| mask as u8)
            .filter(|&mask| {
                let side = |bit: u8| mask & bit != 0;
                [(2, 1, 4), (8, 4, 16), (32, 16, 64), (128, 64, 1)]
                    .iter()
                    .all(|&(corner, a, b)| !side(corner) || (side(a) && side(b)))
            })
            .collect();
        masks.sort();
        assert_eq!(masks.len(), 47);
        let mut tiles: Vec<TilesetTile> = masks
            .iter()
            .enumerate()
            .map(|(index, &mask)| TilesetTile {
                index: index as u32,
                corners: [0, 0, 0, 0],
                edges: Some([0, 0, 0, 0]),
                neighbours: Some(mask),
            })
            .collect();
        tiles.push(TilesetTile { index: 47, corners: [1, 1, 1, 1], edges: Some([1, 1, 1, 1]), neighbours: None });
        TilesetDescriptor { layout: "blob47".into(), tile_size: 16, columns: 8, rows: 6, tiles }
    }

    #[test]
    fn blob47_cells_take_the_tile_of_their_neighbour_mask() {
        let descriptor = blob47();
        descriptor.check().unwrap();
        // A 3x3 map with a pond in the middle cell.
        let tiles = descriptor.autotile_cells(3, 3, |x, y| (x, y) == (1, 1)).unwrap();
        let mask_of = |index: u32| descriptor.tiles[index as usize].neighbours;
        assert_eq!(mask_of(tiles[4]), None, "the pond is the plain tile");
        assert_eq!(mask_of(tiles[1]), Some(255 - 16 - 8 - 32), "north of the pond: S, SE, SW missing");
        assert_eq!(mask_of(tiles[0]), Some(255 - 8), "the corner cell misses only its SE diagonal");
        assert_eq!(mask_of(tiles[3]), Some(255 - 4 - 2 - 8));
        let json = serde_json::to_string(&descriptor).unwrap();
        assert_eq!(TilesetDescriptor::from_json(json.as_bytes(), "b.tileset.json").unwrap(), descriptor);
    }

    #[test]
    fn descriptor_and_image_paths_pair_up() {
        assert_eq!(TilesetDescriptor::json_path_for("tilesets/grass-water.png"), "tilesets/grass-water.tileset.json");
        assert_eq!(TilesetDescriptor::image_path_for("tilesets/grass-water.tileset.json"), "tilesets/grass-water.png");
    }
}
