import Testing

@testable import BevyAssets

@Suite("Sprite .meta files")
struct MetaFileTests {
    /// Bevy 0.14's `examples/asset/files/bevy_pixel_dark_with_meta.png.meta`, byte for byte.
    static let bevyExample = """
        (
            meta_format_version: "1.0",
            asset: Load(
                loader: "bevy_render::texture::image_loader::ImageLoader",
                settings: (
                    format: FromExtension,
                    is_srgb: true,
                    sampler: Descriptor (ImageSamplerDescriptor(
                        address_mode_u: ClampToEdge,
                        address_mode_v: ClampToEdge,
                        address_mode_w: ClampToEdge,
                        mag_filter: Nearest,
                        min_filter: Nearest,
                        mipmap_filter: Nearest,
                        lod_min_clamp: 0,
                        lod_max_clamp: 32.0,
                        compare: None,
                        anisotropy_clamp: 1,
                        border_color: None,
                        label: None,
                    )),
                    asset_usage: RenderAssetUsages("RENDER_WORLD | MAIN_WORLD"),
                ),
            ),
        )
        """

    @Test(
        "Matches Bevy's own pixel-art example, with the loader of the project's version",
        arguments: [
            ("0.14.2", "bevy_render::texture::image_loader::ImageLoader"),
            ("0.15.0", "bevy_image::image_loader::ImageLoader"),
            ("0.19", "bevy_image::image_loader::ImageLoader"),
            (nil, "bevy_image::image_loader::ImageLoader"),
        ]
    )
    func generated(version: String?, loader: String) throws {
        let meta = MetaFile.imageMeta(for: version.flatMap(BevyVersion.init))
        let expected = Self.bevyExample.replacingOccurrences(
            of: "bevy_render::texture::image_loader::ImageLoader",
            with: loader
        )
        #expect(meta == expected)
        try MetaFile.validate(meta)
    }

    @Test("Accepts the other spellings Bevy reads: Default sampler, unnamed descriptor, comments")
    func acceptsVariants() throws {
        try MetaFile.validate(
            """
            // written by hand
            (
                meta_format_version: "1.0",
                asset: Load(loader: "bevy_image::image_loader::ImageLoader", settings: (
                    format: FromExtension, is_srgb: false, sampler: Default,
                    asset_usage: ("MAIN_WORLD"), texture_format: None,
                )),
            )
            """
        )
        try MetaFile.validate(
            Self.bevyExample.replacingOccurrences(of: "Descriptor (ImageSamplerDescriptor(", with: "Descriptor((")
        )
    }

    @Test(
        "Rejects a meta Bevy would fail to load",
        arguments: [
            ("truncated", String(bevyExample.dropLast(20)), "line"),
            (
                "lower-case variant",
                bevyExample.replacingOccurrences(of: "mag_filter: Nearest", with: "mag_filter: nearest"), "mag_filter"
            ),
            (
                "bare string usage",
                bevyExample.replacingOccurrences(
                    of: #"RenderAssetUsages("RENDER_WORLD | MAIN_WORLD")"#,
                    with: #""RENDER_WORLD | MAIN_WORLD""#
                ), "asset_usage"
            ),
            (
                "wrong loader",
                bevyExample.replacingOccurrences(
                    of: "bevy_render::texture::image_loader",
                    with: "bevy_sprite::image_loader"
                ), "loader"
            ),
            ("missing field", bevyExample.replacingOccurrences(of: "is_srgb: true,", with: ""), "is_srgb"),
            ("unbalanced", bevyExample.replacingOccurrences(of: ")),", with: "),"), "line"),
            (
                "wrong struct",
                bevyExample.replacingOccurrences(of: "ImageSamplerDescriptor(", with: "SamplerDescriptor("), "sampler"
            ),
            ("bad flag", bevyExample.replacingOccurrences(of: "MAIN_WORLD\"", with: "MAIN\""), "flags"),
            (
                "wrong format version", bevyExample.replacingOccurrences(of: "\"1.0\"", with: "\"2.0\""),
                "meta_format_version"
            ),
        ]
    )
    func rejects(label: String, text: String, mention: String) {
        #expect(throws: BevyAssetsError.self, "\(label)") { try MetaFile.validate(text) }
        do {
            try MetaFile.validate(text)
        } catch {
            guard case .invalidMeta(let reason) = error else {
                Issue.record("\(label): \(error)")
                return
            }
            #expect(reason.contains(mention), "\(label): \(reason)")
        }
    }
}
