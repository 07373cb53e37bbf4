import Foundation

/// Bevy `.meta` sidecars for sprites: a nearest-filtered image loader, and a checker that refuses any meta
/// Bevy would fail to deserialize.
package enum MetaFile {
    /// The image loader's type path before Bevy 0.15.
    package static let legacyImageLoader = "bevy_render::texture::image_loader::ImageLoader"
    /// The image loader's type path from Bevy 0.15 on.
    package static let imageLoader = "bevy_image::image_loader::ImageLoader"

    /// The loader string a project of `version` needs; unknown versions get the 0.15+ one.
    package static func loader(for version: BevyVersion?) -> String {
        guard let version, version < BevyVersion(major: 0, minor: 15) else { return imageLoader }
        return legacyImageLoader
    }

    /// A meta with the layout of Bevy's `examples/asset/files/bevy_pixel_dark_with_meta.png.meta`:
    /// nearest filtering, clamp-to-edge, sRGB, for crisp pixel art.
    package static func imageMeta(for version: BevyVersion?) -> String {
        """
        (
            meta_format_version: "1.0",
            asset: Load(
                loader: "\(loader(for: version))",
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
    }

    /// Throws `invalidMeta` unless `text` is an image-loader meta Bevy (0.14 – 0.19) will deserialize.
    package static func validate(_ text: String) throws(BevyAssetsError) {
        let root: RONValue
        do {
            root = try RONReader.parse(text)
        } catch {
            throw .invalidMeta("line \(error.line): \(error.reason)")
        }
        let meta = try fields(
            of: root,
            at: "the meta",
            names: ["AssetMeta"],
            required: ["meta_format_version", "asset"]
        )
        guard meta["meta_format_version"] == .string("1.0") else {
            throw .invalidMeta("meta_format_version must be \"1.0\"")
        }
        // `Load` is a struct variant: `Load(loader: …, settings: …)`.
        guard case .structure("Load", _)? = meta["asset"], let load = meta["asset"] else {
            let found = meta["asset"]?.summary ?? "missing"
            throw .invalidMeta("asset must be Load(loader: …, settings: …), not \(found)")
        }
        let action = try fields(of: load, at: "asset", names: ["Load"], required: ["loader", "settings"])
        guard case .string(let loader)? = action["loader"], [imageLoader, legacyImageLoader].contains(loader) else {
            throw .invalidMeta("loader must be \"\(imageLoader)\" or \"\(legacyImageLoader)\"")
        }
        let settings = try fields(
            of: action["settings"] ?? .identifier("missing"),
            at: "settings",
            names: ["ImageLoaderSettings"],
            required: ["format", "is_srgb", "sampler", "asset_usage"],
            optional: ["texture_format", "array_layout"]
        )
        try check(settings, ["format": ["FromExtension"], "is_srgb": ["true", "false"]], at: "settings")
        try checkSampler(settings["sampler"])
        try checkAssetUsage(settings["asset_usage"])
    }

    private static let addressModes: Set = ["ClampToEdge", "Repeat", "MirrorRepeat", "ClampToBorder"]
    private static let filterModes: Set = ["Nearest", "Linear"]

    private static func checkSampler(_ sampler: RONValue?) throws(BevyAssetsError) {
        if sampler == .identifier("Default") { return }
        guard case .tuple("Descriptor", let items)? = sampler, items.count == 1, let descriptor = items.first else {
            throw .invalidMeta("settings.sampler must be Default or Descriptor(( … ))")
        }
        let sampler = try fields(
            of: descriptor,
            at: "settings.sampler",
            names: ["ImageSamplerDescriptor"],
            required: [
                "address_mode_u", "address_mode_v", "address_mode_w", "mag_filter", "min_filter", "mipmap_filter",
            ],
            optional: ["label", "lod_min_clamp", "lod_max_clamp", "compare", "anisotropy_clamp", "border_color"]
        )
        try check(
            sampler,
            [
                "address_mode_u": addressModes, "address_mode_v": addressModes, "address_mode_w": addressModes,
                "mag_filter": filterModes, "min_filter": filterModes, "mipmap_filter": filterModes,
            ],
            at: "settings.sampler"
        )
        for (name, value) in sampler where ["lod_min_clamp", "lod_max_clamp", "anisotropy_clamp"].contains(name) {
            guard case .number = value else { throw .invalidMeta("settings.sampler.\(name) must be a number") }
        }
    }

    private static func checkAssetUsage(_ usage: RONValue?) throws(BevyAssetsError) {
        guard case .tuple(let name, let items)? = usage, name == nil || name == "RenderAssetUsages",
            items.count == 1, case .string(let flags)? = items.first
        else {
            let found = usage?.summary ?? "missing"
            throw .invalidMeta(
                "settings.asset_usage must be RenderAssetUsages(\"MAIN_WORLD | RENDER_WORLD\"), not \(found)"
            )
        }
        let names = flags.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty, names.allSatisfy({ $0 == "MAIN_WORLD" || $0 == "RENDER_WORLD" }) else {
            throw .invalidMeta("settings.asset_usage flags must be MAIN_WORLD and/or RENDER_WORLD, not \"\(flags)\"")
        }
    }

    /// Requires each listed field to be one of the allowed bare words (variant names are case-sensitive).
    private static func check(
        _ fields: [String: RONValue],
        _ allowed: [String: Set<String>],
        at context: String
    ) throws(BevyAssetsError) {
        for (name, words) in allowed.sorted(by: { $0.key < $1.key }) {
            guard let value = fields[name] else { continue }
            guard case .identifier(let word) = value, words.contains(word) else {
                let options = words.sorted().joined(separator: ", ")
                throw .invalidMeta("\(context).\(name) is \(value.summary); use one of \(options) (case-sensitive)")
            }
        }
    }

    /// The fields of a structure named one of `names` (or unnamed), with required ones present and no strangers.
    private static func fields(
        of value: RONValue,
        at context: String,
        names: Set<String>,
        required: [String],
        optional: Set<String> = []
    ) throws(BevyAssetsError) -> [String: RONValue] {
        guard case .structure(let name, let list) = value, name.map(names.contains) ?? true else {
            throw .invalidMeta("\(context) must be a ( field: value, … ) structure, not \(value.summary)")
        }
        var result: [String: RONValue] = [:]
        for field in list {
            guard required.contains(field.name) || optional.contains(field.name) else {
                throw .invalidMeta("\(context) has an unknown field '\(field.name)'")
            }
            guard result.updateValue(field.value, forKey: field.name) == nil else {
                throw .invalidMeta("\(context) has '\(field.name)' twice")
            }
        }
        if let missing = required.first(where: { result[$0] == nil }) {
            throw .invalidMeta("\(context) lacks '\(missing)'")
        }
        return result
    }
}
