/// A ComfyUI-compatible HTTP + WebSocket server for tests and benchmarks (being built).
package enum ComfyUIStandInPlaceholder {}
