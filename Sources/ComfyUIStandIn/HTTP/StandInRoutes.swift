import Foundation
import NIOHTTP1

/// ComfyUI's HTTP routes over the stand-in's state.
struct StandInRoutes: Sendable {
    let core: StandInCore

    func respond(to request: HTTPRequest) -> HTTPResponse {
        let path = request.path
        let isGet = request.method == .GET || request.method == .HEAD
        let isPost = request.method == .POST
        switch path {
        case "/prompt" where isGet:
            return .json(["exec_info": ["queue_remaining": .int(core.withState { $0.queueRemaining })]])
        case "/prompt" where isPost:
            return PromptSubmission(core: core).submit(request.body)
        case "/queue" where isGet:
            return queue()
        case "/queue" where isPost:
            return editQueue(request.body)
        case "/interrupt" where isPost:
            return interrupt(request.body)
        case "/history" where isGet:
            return history(maxItems: request.query["max_items"].flatMap { Int($0) })
        case "/history" where isPost:
            return editHistory(request.body)
        case _ where isGet && path.hasPrefix("/history/"):
            let id = String(path.dropFirst("/history/".count))
            let entry = core.withState { $0.history[id] }
            return .json(entry.map { [id: $0.json] } ?? [:])
        case "/view" where isGet:
            return view(request.query)
        case "/object_info" where isGet:
            return .json(core.withState { $0.catalog }.objectInfo)
        case _ where isGet && path.hasPrefix("/object_info/"):
            let name = String(path.dropFirst("/object_info/".count))
            let info = core.withState { $0.catalog }[name]?.info
            return .json(info.map { [name: $0] } ?? [:])
        case "/system_stats" where isGet:
            return .json(Self.systemStats)
        case "/models" where isGet:
            return .json(.strings(NodeCatalog.modelFolders))
        case _ where isGet && path.hasPrefix("/models/"):
            return models(folder: String(path.dropFirst("/models/".count)))
        case "/embeddings" where isGet:
            return .json([])
        case "/features" where isGet:
            return .json(Self.features)
        case "/free" where isPost:
            return .empty()
        case "/upload/image" where isPost:
            return ImageUpload(core: core).upload(request)
        case "/prompt", "/queue", "/interrupt", "/history", "/view", "/object_info", "/system_stats", "/models",
            "/embeddings", "/features", "/free":
            return .error(405)
        default:
            return .error(404)
        }
    }

    private func queue() -> HTTPResponse {
        let (running, pending) = core.withState { state in
            (
                state.running.map { [$0.tuple] } ?? [],
                state.pending.sorted { ($0.priority, $0.sequence) < ($1.priority, $1.sequence) }.map(\.tuple)
            )
        }
        return .json(["queue_running": .array(running), "queue_pending": .array(pending)])
    }

    private func editQueue(_ body: Data) -> HTTPResponse {
        guard let json = try? StandInJSON(parsing: body) else { return .error(500) }
        var changed = false
        if let clear = json["clear"], clear.isTruthy {
            core.withState { $0.pending.removeAll() }
            changed = true
        }
        if let ids = json["delete"]?.arrayValue {
            let names = ids.map { $0.stringValue ?? $0.text }
            let removed = core.withState { state in
                state.deleteRequests.append(names)
                let before = state.pending.count
                state.pending.removeAll { names.contains($0.id) }
                return before != state.pending.count
            }
            changed = changed || removed
        }
        if changed { core.broadcastStatus() }
        return .empty()
    }

    private func interrupt(_ body: Data) -> HTTPResponse {
        let json = (try? StandInJSON(parsing: body)) ?? [:]
        let target = json["prompt_id"].flatMap { $0.isTruthy ? ($0.stringValue ?? $0.text) : nil }
        core.withState { state in
            state.interruptRequests.append(target)
            guard let running = state.running else { return }
            if target == nil || target == running.id { state.interruptRequested = true }
        }
        return .empty()
    }

    private func history(maxItems: Int?) -> HTTPResponse {
        let entries = core.withState { state in
            let ids = maxItems.map { Array(state.historyOrder.suffix(max(0, $0))) } ?? state.historyOrder
            return ids.compactMap { id in state.history[id].map { (id, $0.json) } }
        }
        var object = JSONObject()
        for (id, json) in entries { object[id] = json }
        return .json(.object(object))
    }

    private func editHistory(_ body: Data) -> HTTPResponse {
        guard let json = try? StandInJSON(parsing: body) else { return .error(500) }
        core.withState { state in
            if let clear = json["clear"], clear.isTruthy {
                state.history.removeAll()
                state.historyOrder.removeAll()
            }
            for id in json["delete"]?.arrayValue ?? [] {
                let name = id.stringValue ?? id.text
                state.history[name] = nil
                state.historyOrder.removeAll { $0 == name }
            }
        }
        return .empty()
    }

    private func view(_ query: [String: String]) -> HTTPResponse {
        guard let filename = query["filename"] else { return .empty(.notFound) }
        guard !filename.isEmpty, !filename.hasPrefix("/"), !filename.contains("..") else { return .empty(.badRequest) }
        let type = query["type"] ?? "output"
        guard ["output", "input", "temp"].contains(type) else { return .empty(.badRequest) }
        let subfolder = query["subfolder"] ?? ""
        guard !subfolder.contains(".."), !subfolder.hasPrefix("/") else { return .empty(.forbidden) }
        let key = StandInState.fileKey(type: type, subfolder: subfolder, filename: filename)
        guard let png = core.withState({ $0.files[key] }) else {
            return .empty(.notFound)
        }
        return HTTPResponse(
            status: .ok,
            headers: [("Content-Type", "image/png"), ("Content-Disposition", "filename=\"\(filename)\"")],
            body: png
        )
    }

    private func models(folder: String) -> HTTPResponse {
        switch folder {
        case "checkpoints": return .json(.strings(core.withState { $0.checkpoints }))
        case "loras": return .json(.strings(core.withState { $0.loras }))
        case _ where NodeCatalog.modelFolders.contains(folder): return .json([])
        default: return .empty(.notFound)
        }
    }

    static let features: StandInJSON = ["supports_preview_metadata": true, "max_upload_size": 104_857_600]

    static let systemStats: StandInJSON = [
        "system": [
            "os": "posix", "ram_total": 25_276_514_304, "ram_free": 23_928_000_512, "comfyui_version": "0.3.64",
            "required_frontend_version": "1.27.10", "installed_templates_version": "0.1.95",
            "required_templates_version": "0.1.95",
            "python_version": "3.11.7 (main, May  9 2026, 07:35:25) [GCC 12.2.0]",
            "pytorch_version": "2.13.0+cu130", "embedded_python": false,
            "argv": ["main.py", "--listen", "127.0.0.1", "--port", "8188"],
        ],
        "devices": [
            [
                "name": "cpu", "type": "cpu", "index": nil, "vram_total": 25_276_514_304, "vram_free": 23_928_000_512,
                "torch_vram_total": 25_276_514_304, "torch_vram_free": 23_928_000_512,
            ]
        ],
    ]
}
