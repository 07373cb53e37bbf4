import PixelArt

/// A tileset: the tiles in a grid, row-major, and the descriptor that names them.
package struct Tileset: Sendable, Equatable {
    /// `columns × tile_size` by `rows × tile_size` pixels; binary alpha (transparent only where `edge` is empty).
    package let image: RGBAImage
    package let descriptor: TilesetDescriptor
    /// Every colour the tiles may use (a style palette's colours when the spec has one).
    package let colours: [RGBA]

    /// The tile at `index`, as its own image.
    package func tile(_ index: Int) -> RGBAImage {
        let size = descriptor.tileSize
        let originX = index % descriptor.columns * size
        let originY = index / descriptor.columns * size
        var tile = RGBAImage(width: size, height: size)
        for y in 0..<size {
            for x in 0..<size { tile[x, y] = image[originX + x, originY + y] }
        }
        return tile
    }
}
