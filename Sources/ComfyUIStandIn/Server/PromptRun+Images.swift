import Foundation
import PixelArt

/// img2img in the stand-in: `LoadImage` reads an uploaded PNG, and an output whose sampler starts from it (through
/// `VAEEncode`) is the init image blended toward the txt2img sprite by the sampler's `denoise`, so a test can see
/// that the uploaded image reached the graph: `denoise` 0 gives the init image back, 1 the seed's sprite.
extension PromptRun {
    /// Where an output node's pixels come from.
    enum ImageSource: Equatable {
        /// A `LoadImage` node, sampled at `denoise` (0 without a sampler between) with the sampler's seed.
        case loaded(node: String, denoise: Double, seed: UInt64)
        /// An empty latent: the txt2img sprite.
        case generated
    }

    /// Runs a `LoadImage` (reads the file) or `VAEEncode` (needs a whole 8-pixel cell) step; the exception ComfyUI
    /// would raise there, or nil.
    mutating func runImageStep(node: String, classType: String) -> LoadFailure? {
        switch classType {
        case "LoadImage":
            let core = self.core
            let loaded = Self.loadImage(item.graph[node]?["inputs"]?["image"]) { type, path in
                core.withState { $0.entry(type: type, path: path) }
            }
            switch loaded {
            case .success(let image):
                loadedImages[node] = image
                return nil
            case .failure(let failure):
                return LoadFailure(message: failure.message + "\n", type: failure.type)
            }
        case "VAEEncode":
            guard let source = Self.source(of: item.graph[node], input: "pixels"), let image = loadedImages[source],
                image.width < 8 || image.height < 8
            else { return nil }
            return LoadFailure(
                message: "stand-in: a \(image.width)x\(image.height) image has no whole 8-pixel cell to encode\n",
                type: "RuntimeError"
            )
        default:
            return nil
        }
    }

    /// Follows `images` ← `VAEDecode.samples` ← `KSampler.latent_image` ← `VAEEncode.pixels` back from `node`.
    static func imageSource(of node: String, in graph: JSONObject) -> ImageSource {
        var current = source(of: graph[node], input: "images")
        var denoise = 0.0
        var seed: UInt64 = 0
        var seen: Set<String> = []
        while let id = current, seen.insert(id).inserted, let entry = graph[id] {
            switch entry["class_type"]?.stringValue {
            case "LoadImage":
                return .loaded(node: id, denoise: denoise, seed: seed)
            case "KSampler":
                denoise = number(entry["inputs"]?["denoise"]) ?? 1
                seed = seedValue(entry["inputs"]?["seed"])
                current = source(of: entry, input: "latent_image")
            case "VAEDecode":
                current = source(of: entry, input: "samples")
            case "VAEEncode":
                current = source(of: entry, input: "pixels")
            default:
                return .generated
            }
        }
        return .generated
    }

    /// The image a `LoadImage` value names, or the exception ComfyUI's `LoadImage` raises for it.
    static func loadImage(
        _ value: StandInJSON?,
        entry: (String, [String]) -> StandInState.Entry
    ) -> Result<RGBAImage, LoadFailure> {
        let name = value?.stringValue ?? ""
        guard let (type, path) = StandInState.annotatedPath(name) else {
            return .failure(LoadFailure(message: "No such file or directory: '\(name)'", type: "FileNotFoundError"))
        }
        let shown = StandInState.displayPath(type: type, path: path)
        switch entry(type, path) {
        case .file(let data):
            guard let image = try? PNGCodec.decode(data) else {
                return .failure(
                    LoadFailure(message: "cannot identify image file '\(shown)'", type: "PIL.UnidentifiedImageError")
                )
            }
            return .success(image)
        case .folder:
            return .failure(LoadFailure(message: "[Errno 21] Is a directory: '\(shown)'", type: "IsADirectoryError"))
        case .missing:
            return .failure(
                LoadFailure(message: "[Errno 2] No such file or directory: '\(shown)'", type: "FileNotFoundError")
            )
        }
    }

    /// Why an image step failed at run time: the exception's message and Python type.
    struct LoadFailure: Error {
        let message: String
        let type: String
    }

    /// The sampled image: `image` cropped to whole 8-pixel cells around its centre (as `VAEEncode` does), made
    /// opaque (`LoadImage` reads RGB), and blended toward the seed's sprite by `denoise`.
    static func sampled(_ image: RGBAImage, denoise: Double, seed: UInt64) -> RGBAImage {
        let width = image.width / 8 * 8
        let height = image.height / 8 * 8
        let left = image.width % 8 / 2
        let top = image.height % 8 / 2
        let sprite = SpritePainter.sprite(seed: seed)
        let weight = min(1, max(0, denoise))
        var result = RGBAImage(width: width, height: height, fill: RGBA(0, 0, 0))
        for y in 0..<height {
            for x in 0..<width {
                let source = image[x + left, y + top]
                let target = sprite[x * SpritePainter.grid / width, y * SpritePainter.grid / height]
                func mix(_ a: UInt8, _ b: UInt8) -> UInt8 {
                    UInt8((Double(a) * (1 - weight) + Double(b) * weight).rounded())
                }
                result[x, y] = RGBA(mix(source.r, target.r), mix(source.g, target.g), mix(source.b, target.b))
            }
        }
        return result
    }

    /// The hashes of the files the graph's `LoadImage` nodes name, in node order: part of the cache key.
    static func inputDigest(of graph: JSONObject, in state: StandInState) -> String {
        var digest = ""
        for id in sortedIDs(graph.keys) where graph[id]?["class_type"]?.stringValue == "LoadImage" {
            guard let name = graph[id]?["inputs"]?["image"]?.stringValue,
                let (type, path) = StandInState.annotatedPath(name),
                case .file(let data) = state.entry(type: type, path: path)
            else { continue }
            digest += "|\(id)=" + SHA256.hex(data)
        }
        return digest
    }

    /// The node a link input comes from.
    static func source(of node: StandInJSON?, input: String) -> String? {
        guard case .array(let link)? = node?["inputs"]?[input], link.count == 2 else { return nil }
        return link[0].stringValue
    }

    private static func number(_ value: StandInJSON?) -> Double? {
        value?.doubleValue ?? value?.stringValue.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    }

    static func seedValue(_ value: StandInJSON?) -> UInt64 {
        switch value {
        case .int(let number)?: UInt64(bitPattern: number)
        case .uint(let number)?: number
        case .double(let number)?: UInt64(max(0, min(number, 1e18)))
        default: 0
        }
    }
}
