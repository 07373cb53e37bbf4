import PixelArt
import Testing

@testable import SpriteEngine

extension ProceduralTests {
    @Suite("Tileset painter")
    struct TilesetPainterTests {
        let painter = TilesetPainter()

        func spec(
            _ layout: TilesetLayout,
            size: Int = 16,
            seed: UInt64 = 1,
            edge: String? = "water",
            palette: [RGBA]? = nil
        ) -> TilesetSpec {
            TilesetSpec(terrain: "grass", edge: edge, tileSize: size, layout: layout, palette: palette, seed: seed)
        }

        @Test("wang16 holds the 16 corner combinations, tile nw + 2·ne + 4·se + 8·sw, in 4 columns")
        func wangDescriptor() throws {
            let tileset = painter.paint(spec(.wang16))
            let descriptor = tileset.descriptor
            #expect(descriptor.columns == 4 && descriptor.rows == 4 && descriptor.tileSize == 16)
            #expect(descriptor.tiles.count == 16)
            for tile in descriptor.tiles {
                let corners = tile.corners
                #expect(corners[0] + 2 * corners[1] + 4 * corners[2] + 8 * corners[3] == tile.index)
                #expect(tile.edges == nil && tile.neighbours == nil)
            }
            #expect(tileset.image.width == 64 && tileset.image.height == 64)
        }

        @Test("blob47 holds the 47 reduced neighbour masks and one plain edge tile, in 8 columns")
        func blobDescriptor() throws {
            let descriptor = painter.paint(spec(.blob47)).descriptor
            #expect(descriptor.columns == 8 && descriptor.rows == 6)
            #expect(descriptor.tiles.count == 48)
            let masks = descriptor.tiles.compactMap(\.neighbours)
            #expect(masks.count == 47 && Set(masks).count == 47 && masks == masks.sorted())
            for tile in descriptor.tiles.dropLast() {
                let mask = try #require(tile.neighbours)
                // A corner bit only beside both of its sides: NE needs N and E, and so on round.
                for (corner, first, second) in [(2, 1, 4), (8, 4, 16), (32, 16, 64), (128, 64, 1)]
                where mask & corner != 0 {
                    #expect(mask & first != 0 && mask & second != 0, "mask \(mask)")
                }
                let edges = try #require(tile.edges)
                #expect(edges == [1, 4, 16, 64].map { mask & $0 != 0 ? 0 : 1 })
                #expect(tile.corners == [128, 2, 8, 32].map { mask & $0 != 0 ? 0 : 1 })
            }
            let fill = try #require(descriptor.tiles.last)
            #expect(fill.index == 47 && fill.corners == [1, 1, 1, 1] && fill.edges == [1, 1, 1, 1])
            #expect(fill.neighbours == nil)
        }

        @Test("Tile sizes are 8 to 64: both bounds render, sizes outside are clamped")
        func tileSizeBounds() {
            for (asked, drawn) in [(8, 8), (64, 64), (4, 8), (100, 64)] {
                let tileset = painter.paint(spec(.wang16, size: asked))
                #expect(tileset.descriptor.tileSize == drawn)
                #expect(tileset.image.width == 4 * drawn && tileset.image.height == 4 * drawn)
            }
        }

        @Test("The same spec paints the same bytes; another seed paints other ones")
        func deterministic() {
            for layout in TilesetLayout.allCases {
                let first = painter.paint(spec(layout, seed: 9))
                #expect(first == TilesetPainter().paint(spec(layout, seed: 9)))
                #expect(first.image != painter.paint(spec(layout, seed: 10)).image)
            }
        }

        @Test("All-terrain tiles are the terrain texture, all-edge tiles the edge texture or transparent")
        func plainTiles() {
            let withEdge = painter.paint(spec(.wang16))
            let transparent = painter.paint(spec(.wang16, edge: nil))
            let art = TerrainArt(spec: spec(.wang16))
            let terrain = withEdge.tile(0)
            let water = withEdge.tile(15)
            for y in 0..<16 {
                for x in 0..<16 {
                    #expect(terrain[x, y] == art.terrain.colour(x: x, y: y))
                    #expect(water[x, y] == art.edge?.colour(x: x, y: y))
                }
            }
            #expect(transparent.tile(15).pixels.allSatisfy { $0 == 0 })
            #expect(transparent.tile(0).allPixels.allSatisfy { $0.isOpaque })
            #expect(transparent.image.hasBinaryAlpha && withEdge.image.allPixels.allSatisfy { $0.isOpaque })
        }

        @Test("Mixed tiles show both terrains along a curve, not a straight cut")
        func organicBoundary() {
            let tileset = painter.paint(spec(.wang16, size: 32))
            for index in 1..<15 {
                let tile = tileset.tile(index)
                let art = TerrainArt(spec: spec(.wang16, size: 32))
                let edgeColours = Set((0..<5).map { art.edge?.texture.surface[$0] })
                let rows = (0..<32).map { y in (0..<32).filter { edgeColours.contains(tile[$0, y]) }.count }
                #expect(rows.contains { $0 > 0 } && rows.contains { $0 < 32 }, "tile \(index)")
                #expect(Set(rows).count > 2, "tile \(index): the boundary bends")
            }
        }

        @Test("With a palette every colour comes from it, and every colour is listed")
        func paletteOnly() {
            let pico8 = ProceduralGeneratorTests.pico8
            for layout in TilesetLayout.allCases {
                let tileset = painter.paint(spec(layout, palette: pico8))
                #expect(tileset.image.distinctOpaqueColours.isSubset(of: Set(pico8)))
                #expect(tileset.image.distinctOpaqueColours.isSubset(of: Set(tileset.colours)))
            }
        }
    }
}
