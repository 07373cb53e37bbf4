extension NodeCatalog {
    /// `KSampler` as ComfyUI 0.3.64 declares it, tooltips included (they appear in validation errors too).
    static let kSampler = NodeClass(
        name: "KSampler",
        displayName: "KSampler",
        description: "Uses the provided model, positive and negative conditioning to denoise the latent image.",
        category: "sampling",
        isOutputNode: false,
        required: [
            .init("model", .named("MODEL"), ["tooltip": "The model used for denoising the input latent."]),
            .init(
                "seed",
                .named("INT"),
                [
                    "default": 0, "min": 0, "max": .uint(UInt64.max), "control_after_generate": true,
                    "tooltip": "The random seed used for creating the noise.",
                ]
            ),
            .init(
                "steps",
                .named("INT"),
                [
                    "default": 20, "min": 1, "max": 10000,
                    "tooltip": "The number of steps used in the denoising process.",
                ]
            ),
            .init(
                "cfg",
                .named("FLOAT"),
                [
                    "default": 8.0, "min": 0.0, "max": 100.0, "step": 0.1, "round": 0.01,
                    "tooltip": .string(
                        "The Classifier-Free Guidance scale balances creativity and adherence to the prompt. Higher "
                            + "values result in images more closely matching the prompt however too high values will "
                            + "negatively impact quality."
                    ),
                ]
            ),
            .init(
                "sampler_name",
                .combo(samplers),
                [
                    "tooltip":
                        "The algorithm used when sampling, this can affect the quality, speed, and style of the generated output."
                ]
            ),
            .init(
                "scheduler",
                .combo(schedulers),
                ["tooltip": "The scheduler controls how noise is gradually removed to form the image."]
            ),
            .init(
                "positive",
                .named("CONDITIONING"),
                ["tooltip": "The conditioning describing the attributes you want to include in the image."]
            ),
            .init(
                "negative",
                .named("CONDITIONING"),
                ["tooltip": "The conditioning describing the attributes you want to exclude from the image."]
            ),
            .init("latent_image", .named("LATENT"), ["tooltip": "The latent image to denoise."]),
            .init(
                "denoise",
                .named("FLOAT"),
                [
                    "default": 1.0, "min": 0.0, "max": 1.0, "step": 0.01,
                    "tooltip": .string(
                        "The amount of denoising applied, lower values will maintain the structure of the initial "
                            + "image allowing for image to image sampling."
                    ),
                ]
            ),
        ],
        outputs: ["LATENT"],
        outputTooltips: ["The denoised latent."]
    )
}
