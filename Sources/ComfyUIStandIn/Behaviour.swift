import Foundation

/// How the stand-in runs one submitted prompt: how many sampler steps, how fast, and how it ends.
package struct Behaviour: Sendable {
    /// How a run ends.
    package enum Outcome: Sendable {
        /// The run succeeds. `png` is served as the output image; nil paints a pixel-sprite picture of the graph's
        /// `EmptyLatentImage` size (512×512 when there is none).
        case succeed(png: Data?)
        /// The node with this id (or, when no node has that id, the first node of this class type) raises an
        /// exception: WS `execution_error`, and `/history` reports `status_str: "error"`.
        case failAtNode(String, exceptionMessage: String, exceptionType: String = "RuntimeError")
        /// The KSampler reports its first step, then makes no progress until `/interrupt` stops it.
        case hang
    }

    /// Sampler steps: the KSampler sends one `progress` {value, max, prompt_id, node} per step.
    package var steps: Int
    /// Time each sampler step takes (and the poll interval of a hanging run).
    package var stepDelay: Duration
    package var outcome: Outcome
    /// After this sampler step the server closes the submitting client's socket; the run still completes and lands
    /// in `/history`.
    package var dropSocketAfterStep: Int?
    /// Sends a binary preview frame per sampler step (~50 KB): type 1 (`[0,0,0,1][0,0,0,1]` + JPEG bytes, after the
    /// step's `progress`), or type 4 with JSON metadata (before the `progress`) to a socket whose first message was
    /// `feature_flags` with `supports_preview_metadata`.
    package var sendPreviews: Bool

    package init(
        steps: Int = 4,
        stepDelay: Duration = .milliseconds(5),
        outcome: Outcome = .succeed(png: nil),
        dropSocketAfterStep: Int? = nil,
        sendPreviews: Bool = false
    ) {
        self.steps = max(1, steps)
        self.stepDelay = stepDelay
        self.outcome = outcome
        self.dropSocketAfterStep = dropSocketAfterStep
        self.sendPreviews = sendPreviews
    }

    /// A run that fails at `node` (an id or a class type) with a RuntimeError.
    package static func failing(at node: String, message: String = "stand-in failure") -> Behaviour {
        Behaviour(outcome: .failAtNode(node, exceptionMessage: message))
    }

    /// A run that hangs in the sampler until interrupted.
    package static let hanging = Behaviour(outcome: .hang)
}

extension ComfyUIStandIn {
    /// What the stand-in starts with.
    package struct Setup: Sendable {
        /// The files in `models/checkpoints`: `ckpt_name` must be one of them.
        package var checkpoints: [String]
        /// The files in `models/loras`: `lora_name` must be one of them.
        package var loras: [String]
        /// The behaviour of prompts that no script matches.
        package var defaultBehaviour: Behaviour
        /// Size of each binary preview image in bytes.
        package var previewSize: Int
        /// Splits binary messages into a first frame and continuation frames of this many bytes, to exercise a
        /// client's reassembly; nil sends each message as one frame, as ComfyUI (aiohttp) does.
        package var binaryFragmentSize: Int?

        package init(
            checkpoints: [String] = ["sd_xl_base_1.0.safetensors", "v1-5-pruned-emaonly.safetensors"],
            loras: [String] = ["pixel-art-xl.safetensors"],
            defaultBehaviour: Behaviour = Behaviour(),
            previewSize: Int = 50_000,
            binaryFragmentSize: Int? = nil
        ) {
            self.checkpoints = checkpoints
            self.loras = loras
            self.defaultBehaviour = defaultBehaviour
            self.previewSize = previewSize
            self.binaryFragmentSize = binaryFragmentSize.map { max(1, $0) }
        }
    }
}
