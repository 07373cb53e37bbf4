extension NodeCatalog {
    /// Encodes pixels into a latent: the img2img start (ComfyUI declares both inputs without options).
    static let vaeEncode = NodeClass(
        name: "VAEEncode",
        displayName: "VAE Encode",
        description: "",
        category: "latent",
        isOutputNode: false,
        required: [.init("pixels", .named("IMAGE")), .init("vae", .named("VAE"))],
        outputs: ["LATENT"]
    )

    /// Reads an image from `input/`.
    ///
    /// It lists the top-level image files, but checks its `image` value itself (`VALIDATE_INPUTS`): any existing
    /// path under `input/` passes, `dgx/frame.png` included.
    static func loadImage(_ images: [String]) -> NodeClass {
        NodeClass(
            name: "LoadImage",
            displayName: "Load Image",
            description: "",
            category: "image",
            isOutputNode: false,
            required: [.init("image", .combo(images), ["image_upload": true])],
            outputs: ["IMAGE", "MASK"],
            selfValidated: ["image"]
        )
    }
}
