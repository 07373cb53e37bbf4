extension WorkflowTemplate {
    /// The parameter names the generation engine binds, and the one place that documents them.
    ///
    /// The engine binds only the ones a template declares (`declares(_:)`); `prompt` and `seed` every template must
    /// use. A template may declare other parameters of its own, bound from their defaults.
    ///
    /// - `prompt` (string): the positive text, already carrying the style's wording.
    /// - `negative_prompt` (string): the negative text.
    /// - `seed` (int, 0…18446744073709551615): the sampler seed; the engine always sends the seed it reports.
    /// - `steps` (int, 1…150), `cfg` (float, 0…30): sampler steps and classifier-free guidance scale.
    /// - `sampler` (string, a ComfyUI `sampler_name` such as `euler`), `scheduler` (string, such as `normal`).
    /// - `checkpoint` (string): a file in ComfyUI's `models/checkpoints`.
    /// - `lora` (string): a file in `models/loras`; `lora_strength` (float, -4…4) its model and CLIP strength.
    /// - `width`, `height` (int, 64…2048): the size of the generated image before pixel-art downscaling.
    /// - `filename_prefix` (string): the prefix of the files ComfyUI saves.
    /// - `init_image` (string): img2img's starting image, a file in ComfyUI's `input/` folder as `LoadImage` names it
    ///   (`subfolder/name`), put there by `ComfyUIClient.uploadImage` first.
    /// - `denoise` (float, 0…1): how much of the starting image the sampler repaints (0 keeps it, 1 ignores it).
    package enum StandardParameter: String, Sendable, CaseIterable {
        case prompt
        case negativePrompt = "negative_prompt"
        case seed
        case steps
        case cfg
        case sampler
        case scheduler
        case checkpoint
        case lora
        case loraStrength = "lora_strength"
        case width
        case height
        case filenamePrefix = "filename_prefix"
        case initImage = "init_image"
        case denoise

        /// The parameters every template must use.
        package static let required: [StandardParameter] = [.prompt, .seed]

        package var kind: WorkflowParameter.Kind {
            switch self {
            case .seed, .steps, .width, .height: .int
            case .cfg, .loraStrength, .denoise: .float
            case .prompt, .negativePrompt, .sampler, .scheduler, .checkpoint, .lora, .filenamePrefix, .initImage:
                .string
            }
        }

        /// The range templates declare for it, as (min, max).
        package var range: (JSONValue, JSONValue)? {
            switch self {
            case .seed: (.int(0), .uint(UInt64.max))
            case .steps: (.int(1), .int(150))
            case .cfg: (.int(0), .int(30))
            case .width, .height: (.int(64), .int(2048))
            case .loraStrength: (.int(-4), .int(4))
            case .denoise: (.int(0), .int(1))
            default: nil
            }
        }

        /// The description templates give it.
        package var summary: String {
            switch self {
            case .prompt: "positive prompt"
            case .negativePrompt: "negative prompt"
            case .seed: "sampler seed"
            case .steps: "sampler steps"
            case .cfg: "classifier-free guidance scale"
            case .sampler: "ComfyUI sampler name"
            case .scheduler: "ComfyUI scheduler name"
            case .checkpoint: "checkpoint file in models/checkpoints"
            case .lora: "LoRA file in models/loras"
            case .loraStrength: "LoRA strength for the model and CLIP"
            case .width: "image width in pixels before pixel-art downscaling"
            case .height: "image height in pixels before pixel-art downscaling"
            case .filenamePrefix: "prefix of the files ComfyUI saves"
            case .initImage: "starting image in ComfyUI's input folder (subfolder/name), uploaded before the prompt"
            case .denoise: "how much of the starting image the sampler repaints: 0 keeps it, 1 ignores it"
            }
        }

        /// The declaration a template would carry, with `defaultValue` and the standard range.
        package func declaration(defaultValue: JSONValue?) -> WorkflowParameter {
            WorkflowParameter(
                name: rawValue,
                kind: kind,
                defaultValue: defaultValue,
                minimum: range?.0,
                maximum: range?.1,
                summary: summary
            )
        }
    }

    /// Whether the template declares the parameter `name` (so the engine may bind it).
    package func declares(_ name: String) -> Bool {
        parameters.contains { $0.name == name }
    }

    package func declares(_ parameter: StandardParameter) -> Bool {
        declares(parameter.rawValue)
    }
}
