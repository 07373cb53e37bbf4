import Foundation

/// How far a followed prompt got, for progress reports.
package enum PromptUpdate: Sendable, Equatable {
    /// Waiting in ComfyUI's queue; 1 means it runs next.
    case queued(position: Int)
    /// ComfyUI started executing it.
    case started
    /// Node `node` started.
    case node(String)
    /// A sampler step.
    case step(Int, of: Int)
    /// Finished; the images are being downloaded.
    case fetching
    /// A live preview frame (only when the server sends previews).
    case preview(imageType: String, data: Data)
}

/// A finished prompt and its images, downloaded.
package struct PromptResult: Sendable {
    /// One output image and its bytes.
    package struct Image: Sendable {
        package var output: OutputImage
        package var data: Data
    }

    package var promptID: String
    package var backend: String
    /// In output-node order; at least one.
    package var images: [Image]
    /// Every node came from ComfyUI's cache: the same graph ran before and nothing was computed.
    package var fullyCached: Bool
    /// When completion was seen (`execution_success`, or the history entry while the socket was down).
    package var completedAt: ContinuousClock.Instant
}
