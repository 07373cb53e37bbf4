import Foundation
import PixelArt

/// Runs queued prompts one at a time, in queue order, sending ComfyUI's WebSocket events and filling `/history`.
struct PromptWorker: Sendable {
    let core: StandInCore

    /// Runs until the wake-up stream finishes (shutdown) or the task is cancelled.
    func run() async {
        for await _ in core.wakeUps {
            while !Task.isCancelled, let item = core.withState({ $0.startNext() }) {
                core.broadcastStatus()
                var run = PromptRun(core: core, item: item)
                core.withState { state in
                    if let index = state.timelineIndex[item.id] { state.timeline[index].started = .now }
                }
                await run.execute()
                guard !Task.isCancelled else { return }
                core.withState { state in
                    if let entry = run.historyEntry { state.record(entry) }
                    if run.succeededFresh { state.executedCount += 1 }
                    state.running = nil
                    state.runningNode = nil
                    if let index = state.timelineIndex[item.id] { state.timeline[index].ended = .now }
                }
                core.broadcastStatus()
                core.send("executing", ["node": nil, "prompt_id": .string(item.id)], to: item.clientID)
            }
            if Task.isCancelled { return }
        }
    }
}

/// One execution of one prompt.
struct PromptRun {
    let core: StandInCore
    let item: QueueItem
    private var messages: [StandInJSON] = []
    private var executed: [String] = []
    private var outputs = JSONObject()
    /// Images read by `LoadImage` nodes in this run, by node id.
    var loadedImages: [String: RGBAImage] = [:]
    private(set) var historyEntry: HistoryEntry?
    /// True when the run produced new images (not served from the cache).
    private(set) var succeededFresh = false
    /// When the prompt started: its sampler steps end on a schedule counted from here, so "N ms per image" holds
    /// for the whole prompt, the other nodes' work included, as on a GPU.
    private var startedAt = ContinuousClock.now

    init(core: StandInCore, item: QueueItem) {
        self.core = core
        self.item = item
    }

    private var behaviour: Behaviour { item.behaviour }

    mutating func execute() async {
        startedAt = .now
        addMessage("execution_start", ["prompt_id": .string(item.id), "timestamp": StandInCore.timestamp])
        // ComfyUI re-runs a LoadImage whose file changed (it hashes the file), so the bytes are part of the key.
        let cacheKey = core.withState { item.cacheKey + Self.inputDigest(of: item.graph, in: $0) }
        let cached: JSONObject? =
            if case .succeed = behaviour.outcome { core.withState { $0.completedGraphs[cacheKey] } } else { nil }
        let order = Self.executionOrder(of: item.graph, outputs: item.outputs)
        let cachedNodes = cached == nil ? [] : Self.sortedIDs(item.graph.keys)
        addMessage(
            "execution_cached",
            ["nodes": .strings(cachedNodes), "prompt_id": .string(item.id), "timestamp": StandInCore.timestamp]
        )
        if let cached {
            for (node, output) in cached.members {
                sendExecuted(node: node, output: output)
                outputs[node] = output
            }
            return finishSuccessfully()
        }
        for node in order {
            if interrupted { return finishInterrupted(at: node) }
            guard let classType = item.graph[node]?["class_type"]?.stringValue else { continue }
            core.withState { $0.runningNode = node }
            sendProgressState(running: node)
            send("executing", ["node": .string(node), "display_node": .string(node), "prompt_id": .string(item.id)])
            if case .failAtNode(let target, let message, let type) = behaviour.outcome,
                isFailureTarget(node: node, classType: classType, target: target, order: order)
            {
                return finishWithError(at: node, classType: classType, message: message, type: type)
            }
            if let failure = runImageStep(node: node, classType: classType) {
                return finishWithError(at: node, classType: classType, message: failure.message, type: failure.type)
            }
            if classType == "KSampler" {
                guard await sample(node: node) else {
                    if Task.isCancelled { return }
                    return finishInterrupted(at: node)
                }
            }
            if classType == "SaveImage" || classType == "PreviewImage" {
                let output = save(node: node, classType: classType)
                outputs[node] = output
                sendExecuted(node: node, output: output)
            }
            executed.append(node)
        }
        if Task.isCancelled { return }
        core.withState { $0.completedGraphs[cacheKey] = outputs }
        succeededFresh = true
        finishSuccessfully()
    }

    // MARK: Steps

    /// Runs the sampler's steps; false when interrupted (or cancelled).
    private func sample(node: String) async -> Bool {
        let steps = max(1, behaviour.steps)
        // Steps end on a fixed schedule from the prompt's start, as a GPU's would: a late wake-up on a busy
        // machine does not make every later step late too.
        for step in 1...steps {
            guard await pause(until: startedAt + behaviour.stepDelay * step) else { return false }
            if interrupted { return false }
            let metadata = core.supportsPreviewMetadata(item.clientID)
            if behaviour.sendPreviews && metadata { sendPreview(node: node, step: step) }
            send(
                "progress",
                ["value": .int(step), "max": .int(steps), "prompt_id": .string(item.id), "node": .string(node)]
            )
            if behaviour.sendPreviews && !metadata { sendPreview(node: node, step: step) }
            if behaviour.dropSocketAfterStep == step { core.dropSocket(of: item.clientID) }
            if case .hang = behaviour.outcome {
                while !interrupted {
                    guard await pause(max(behaviour.stepDelay, .milliseconds(1))) else { return false }
                }
                return false
            }
        }
        return true
    }

    private func pause(until deadline: ContinuousClock.Instant) async -> Bool {
        if deadline > .now { try? await Task.sleep(until: deadline, clock: .continuous) } else { await Task.yield() }
        return !Task.isCancelled
    }

    private func pause(_ delay: Duration) async -> Bool {
        if delay > .zero { try? await Task.sleep(for: delay) } else { await Task.yield() }
        return !Task.isCancelled
    }

    private var interrupted: Bool { core.withState { $0.interruptRequested } }

    private func isFailureTarget(node: String, classType: String, target: String, order: [String]) -> Bool {
        if item.graph[target] != nil { return node == target }
        return node == order.first { item.graph[$0]?["class_type"]?.stringValue == target }
    }

    private func sendPreview(node: String, step: Int) {
        let jpeg = PreviewImage.jpegBytes(size: core.previewSize, step: step)
        // In ComfyUI 0.3.64's key order (seen on a real server).
        let metadata: StandInJSON = [
            "node_id": .string(node), "prompt_id": .string(item.id), "display_node_id": .string(node),
            "parent_node_id": nil, "real_node_id": .string(node), "image_type": "image/jpeg",
        ]
        core.sendBinary(to: item.clientID) { withMetadata in
            withMetadata ? PreviewImage.frameWithMetadata(jpeg, metadata: metadata) : PreviewImage.frame(jpeg)
        }
    }

    private func save(node: String, classType: String) -> StandInJSON {
        let inputs = item.graph[node]?["inputs"]
        let prefix = classType == "SaveImage" ? inputs?["filename_prefix"]?.stringValue ?? "ComfyUI" : nil
        let png: Data
        if case .succeed(let scripted?) = behaviour.outcome {
            png = scripted
        } else if case .loaded(let source, let denoise, let seed) = Self.imageSource(of: node, in: item.graph),
            let image = loadedImages[source]
        {
            png = (try? PNGCodec.encode(Self.sampled(image, denoise: denoise, seed: seed), fast: true)) ?? Data()
        } else {
            let size = Self.latentSize(in: item.graph)
            let seed = Self.firstSeed(in: item.graph)
            png = SpritePainter.png(width: size.width, height: size.height, seed: seed, core: core)
        }
        let image = core.withState { $0.store(png, prefix: prefix) }
        return ["images": [image]]
    }

    // MARK: Endings

    private mutating func finishSuccessfully() {
        let id = item.id
        core.withState { $0.successInstants[id] = .now }
        addMessage("execution_success", ["prompt_id": .string(item.id), "timestamp": StandInCore.timestamp])
        var meta = JSONObject()
        for node in outputs.keys {
            meta[node] = [
                "node_id": .string(node), "display_node": .string(node), "parent_node": nil,
                "real_node_id": .string(node),
            ]
        }
        historyEntry = HistoryEntry(item: item, outputs: outputs, succeeded: true, messages: messages, meta: meta)
    }

    private mutating func finishInterrupted(at node: String) {
        addMessage(
            "execution_interrupted",
            [
                "prompt_id": .string(item.id), "node_id": .string(node),
                "node_type": item.graph[node]?["class_type"] ?? nil, "executed": .strings(executed),
                "timestamp": StandInCore.timestamp,
            ]
        )
        historyEntry = HistoryEntry(
            item: item,
            outputs: JSONObject(),
            succeeded: false,
            messages: messages,
            meta: JSONObject()
        )
    }

    private mutating func finishWithError(at node: String, classType: String, message: String, type: String) {
        var currentInputs = JSONObject()
        for (name, value) in item.graph[node]?["inputs"]?.objectValue?.members ?? [] {
            if case .array = value { continue }
            currentInputs[name] = [value]
        }
        addMessage(
            "execution_error",
            [
                "prompt_id": .string(item.id), "node_id": .string(node), "node_type": .string(classType),
                "executed": .strings(executed), "exception_message": .string(message),
                "exception_type": .string(type),
                "traceback": [
                    "  File \"ComfyUI/execution.py\", line 496, in execute\n    output_data, output_ui, has_subgraph = ...\n"
                ],
                "current_inputs": .object(currentInputs), "current_outputs": .strings(item.graph.keys),
                "timestamp": StandInCore.timestamp,
            ]
        )
        historyEntry = HistoryEntry(
            item: item,
            outputs: JSONObject(),
            succeeded: false,
            messages: messages,
            meta: JSONObject()
        )
    }

    // MARK: Messages

    /// ComfyUI's `add_message`: kept for `/history` and sent only when the prompt has a client id.
    private mutating func addMessage(_ type: String, _ data: StandInJSON) {
        messages.append([.string(type), data])
        if let clientID = item.clientID { core.send(type, data, to: clientID) }
    }

    /// ComfyUI's `send_sync` to the prompt's client (every socket when it has none).
    private func send(_ type: String, _ data: StandInJSON) {
        core.send(type, data, to: item.clientID)
    }

    private func sendExecuted(node: String, output: StandInJSON) {
        send(
            "executed",
            ["node": .string(node), "display_node": .string(node), "output": output, "prompt_id": .string(item.id)]
        )
    }

    /// A simplified `progress_state`: finished nodes and the one starting now.
    private func sendProgressState(running node: String) {
        var nodes = JSONObject()
        func entry(_ id: String, _ value: Double, _ state: String) -> StandInJSON {
            [
                "value": .double(value), "max": 1.0, "state": .string(state), "node_id": .string(id),
                "prompt_id": .string(item.id), "display_node_id": .string(id), "parent_node_id": nil,
                "real_node_id": .string(id),
            ]
        }
        for id in executed { nodes[id] = entry(id, 1, "finished") }
        nodes[node] = entry(node, 0, "running")
        send("progress_state", ["prompt_id": .string(item.id), "nodes": .object(nodes)])
    }
}
