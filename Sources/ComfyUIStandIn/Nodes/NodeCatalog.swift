/// The node classes the stand-in knows, with the definitions of ComfyUI 0.3.64's built-in nodes (as its
/// `/object_info` shows them; a test compares them with a real server's when one is given).
struct NodeCatalog: Sendable {
    /// KSampler's `sampler_name` values (ComfyUI 0.3.64 lists 42, so validation errors show "(list of length 42)").
    static let samplers = [
        "euler", "euler_cfg_pp", "euler_ancestral", "euler_ancestral_cfg_pp", "heun", "heunpp2", "dpm_2",
        "dpm_2_ancestral", "lms", "dpm_fast", "dpm_adaptive", "dpmpp_2s_ancestral", "dpmpp_2s_ancestral_cfg_pp",
        "dpmpp_sde", "dpmpp_sde_gpu", "dpmpp_2m", "dpmpp_2m_cfg_pp", "dpmpp_2m_sde", "dpmpp_2m_sde_gpu",
        "dpmpp_2m_sde_heun", "dpmpp_2m_sde_heun_gpu", "dpmpp_3m_sde", "dpmpp_3m_sde_gpu", "ddpm", "lcm", "ipndm",
        "ipndm_v", "deis", "res_multistep", "res_multistep_cfg_pp", "res_multistep_ancestral",
        "res_multistep_ancestral_cfg_pp", "gradient_estimation", "gradient_estimation_cfg_pp", "er_sde", "seeds_2",
        "seeds_3", "sa_solver", "sa_solver_pece", "ddim", "uni_pc", "uni_pc_bh2",
    ]
    /// KSampler's `scheduler` values.
    static let schedulers = [
        "simple", "sgm_uniform", "karras", "exponential", "ddim_uniform", "beta", "normal", "linear_quadratic",
        "kl_optimal",
    ]
    /// The folders `GET /models` lists.
    static let modelFolders = [
        "checkpoints", "configs", "loras", "vae", "text_encoders", "diffusion_models", "clip_vision", "style_models",
        "embeddings", "diffusers", "vae_approx", "controlnet", "gligen", "upscale_models", "custom_nodes",
        "hypernetworks", "photomaker", "classifiers", "model_patches", "audio_encoders",
    ]

    let classes: [NodeClass]

    /// - Parameters:
    ///   - checkpoints: The files in `models/checkpoints`.
    ///   - loras: The files in `models/loras`.
    ///   - inputImages: The image files at the top of `input/`, which `LoadImage` lists.
    init(checkpoints: [String], loras: [String], inputImages: [String] = []) {
        classes = [
            Self.checkpointLoader(checkpoints), Self.loraLoader(loras), Self.clipTextEncode, Self.kSampler,
            Self.emptyLatentImage, Self.vaeDecode, Self.vaeEncode, Self.loadImage(inputImages), Self.saveImage,
            Self.previewImage,
        ]
    }

    subscript(name: String) -> NodeClass? { classes.first { $0.name == name } }

    /// The whole `/object_info` answer.
    var objectInfo: StandInJSON {
        var object = JSONObject()
        for nodeClass in classes { object[nodeClass.name] = nodeClass.info }
        return .object(object)
    }

    private static func checkpointLoader(_ checkpoints: [String]) -> NodeClass {
        NodeClass(
            name: "CheckpointLoaderSimple",
            displayName: "Load Checkpoint",
            description: "Loads a diffusion model checkpoint, diffusion models are used to denoise latents.",
            category: "loaders",
            isOutputNode: false,
            required: [
                .init("ckpt_name", .combo(checkpoints), ["tooltip": "The name of the checkpoint (model) to load."])
            ],
            outputs: ["MODEL", "CLIP", "VAE"],
            outputTooltips: [
                "The model used for denoising latents.", "The CLIP model used for encoding text prompts.",
                "The VAE model used for encoding and decoding images to and from latent space.",
            ]
        )
    }

    private static func loraLoader(_ loras: [String]) -> NodeClass {
        func strength(_ what: String) -> StandInJSON {
            [
                "default": 1.0, "min": -100.0, "max": 100.0, "step": 0.01,
                "tooltip": .string("How strongly to modify the \(what). This value can be negative."),
            ]
        }
        return NodeClass(
            name: "LoraLoader",
            displayName: "Load LoRA",
            description:
                "LoRAs are used to modify diffusion and CLIP models, altering the way in which latents are denoised "
                + "such as applying styles. Multiple LoRA nodes can be linked together.",
            category: "loaders",
            isOutputNode: false,
            required: [
                .init("model", .named("MODEL"), ["tooltip": "The diffusion model the LoRA will be applied to."]),
                .init("clip", .named("CLIP"), ["tooltip": "The CLIP model the LoRA will be applied to."]),
                .init("lora_name", .combo(loras), ["tooltip": "The name of the LoRA."]),
                .init("strength_model", .named("FLOAT"), strength("diffusion model")),
                .init("strength_clip", .named("FLOAT"), strength("CLIP model")),
            ],
            outputs: ["MODEL", "CLIP"],
            outputTooltips: ["The modified diffusion model.", "The modified CLIP model."]
        )
    }

    private static let clipTextEncode = NodeClass(
        name: "CLIPTextEncode",
        displayName: "CLIP Text Encode (Prompt)",
        description:
            "Encodes a text prompt using a CLIP model into an embedding that can be used to guide the diffusion "
            + "model towards generating specific images.",
        category: "conditioning",
        isOutputNode: false,
        required: [
            .init(
                "text",
                .named("STRING"),
                ["multiline": true, "dynamicPrompts": true, "tooltip": "The text to be encoded."]
            ),
            .init("clip", .named("CLIP"), ["tooltip": "The CLIP model used for encoding the text."]),
        ],
        outputs: ["CONDITIONING"],
        outputTooltips: ["A conditioning containing the embedded text used to guide the diffusion model."]
    )

    private static let emptyLatentImage: NodeClass = {
        func size(_ what: String) -> StandInJSON {
            [
                "default": 512, "min": 16, "max": 16384, "step": 8,
                "tooltip": .string("The \(what) of the latent images in pixels."),
            ]
        }
        return NodeClass(
            name: "EmptyLatentImage",
            displayName: "Empty Latent Image",
            description: "Create a new batch of empty latent images to be denoised via sampling.",
            category: "latent",
            isOutputNode: false,
            required: [
                .init("width", .named("INT"), size("width")),
                .init("height", .named("INT"), size("height")),
                .init(
                    "batch_size",
                    .named("INT"),
                    ["default": 1, "min": 1, "max": 4096, "tooltip": "The number of latent images in the batch."]
                ),
            ],
            outputs: ["LATENT"],
            outputTooltips: ["The empty latent image batch."]
        )
    }()

    private static let vaeDecode = NodeClass(
        name: "VAEDecode",
        displayName: "VAE Decode",
        description: "Decodes latent images back into pixel space images.",
        category: "latent",
        isOutputNode: false,
        required: [
            .init("samples", .named("LATENT"), ["tooltip": "The latent to be decoded."]),
            .init("vae", .named("VAE"), ["tooltip": "The VAE model used for decoding the latent."]),
        ],
        outputs: ["IMAGE"],
        outputTooltips: ["The decoded image."]
    )

    private static let saveImage = NodeClass(
        name: "SaveImage",
        displayName: "Save Image",
        description: "Saves the input images to your ComfyUI output directory.",
        category: "image",
        isOutputNode: true,
        required: [
            .init("images", .named("IMAGE"), ["tooltip": "The images to save."]),
            .init(
                "filename_prefix",
                .named("STRING"),
                [
                    "default": "ComfyUI",
                    "tooltip": .string(
                        "The prefix for the file to save. This may include formatting information such as "
                            + "%date:yyyy-MM-dd% or %Empty Latent Image.width% to include values from nodes."
                    ),
                ]
            ),
        ],
        hidden: [("prompt", "PROMPT"), ("extra_pnginfo", "EXTRA_PNGINFO")],
        outputs: []
    )

    private static let previewImage = NodeClass(
        name: "PreviewImage",
        displayName: "Preview Image",
        description: "Saves the input images to your ComfyUI output directory.",
        category: "image",
        isOutputNode: true,
        required: [.init("images", .named("IMAGE"))],
        hidden: [("prompt", "PROMPT"), ("extra_pnginfo", "EXTRA_PNGINFO")],
        outputs: []
    )
}
