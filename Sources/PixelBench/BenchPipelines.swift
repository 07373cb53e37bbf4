import PixelArt

/// The two pipelines compared: 1024×1024 RGBA → 64×64, 16-colour indexed PNG.
enum BenchPipelines {
    /// Decode → nearest-centre downscale → adaptive 16 colours → alpha threshold → encode (what Pillow does too).
    static var plain: PixelPipeline.Options {
        var options = PixelPipeline.Options()
        options.size = .exact(width: 64, height: 64)
        options.palette = .adaptive(colors: 16)
        return options
    }

    /// Plain plus flood-fill background removal and grid detection (which downscales with k-centroid cells).
    static var advanced: PixelPipeline.Options {
        var options = plain
        options.background = .floodFill(tolerance: 24)
        options.size = .auto
        return options
    }

    /// Plain with k-centroid instead of nearest-centre, at the fixed 64×64 size.
    static var kCentroid: PixelPipeline.Options {
        var options = plain
        options.downscale = .kCentroid
        return options
    }

    /// Plain with flood-fill background removal.
    static var floodFill: PixelPipeline.Options {
        var options = plain
        options.background = .floodFill(tolerance: 24)
        return options
    }

    /// Plain with grid detection choosing the size (and k-centroid cells on the grid).
    static var grid: PixelPipeline.Options {
        var options = plain
        options.size = .auto
        return options
    }

    /// Every pipeline the report times, by the name `PixelBench --only NAME` takes, in report order.
    static let named: [(name: String, options: PixelPipeline.Options)] = [
        ("plain", plain), ("kcentroid", kCentroid), ("flood", floodFill), ("grid", grid), ("advanced", advanced),
    ]
}
