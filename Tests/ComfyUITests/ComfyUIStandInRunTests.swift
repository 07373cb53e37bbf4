import ComfyUI
import ComfyUIStandIn
import Foundation
import PixelArt
import Testing

/// Runs through the stand-in's WebSocket: event order, caching, failures, interrupts, drops and previews.
@Suite("ComfyUIStandIn runs")
struct ComfyUIStandInRunTests {
    @Test("A successful run sends ComfyUI's exact event order and lands in /history and /view")
    func successfulRun() async throws {
        try await withStandIn { standIn in
            let http = StandInHTTP(standIn)
            let socket = try await SocketRecorder.connect(to: standIn, clientID: "client-a")
            let id = try await http.submit(workflow(), clientID: "client-a")
            try await socket.waitForCompletion(of: id)
            let events = await socket.events

            #expect(events.first?["data"]?["sid"] == "client-a")
            #expect(
                events.types() == [
                    "status", "status", "status", "execution_start", "execution_cached",
                    "executing", "executing", "executing", "executing", "executing",
                    "progress", "progress", "progress", "progress",
                    "executing", "executing", "executed", "execution_success", "status", "executing",
                ]
            )
            let statuses = events.ofType("status").map { $0["data"]?["status"]?["exec_info"]?["queue_remaining"] }
            #expect(statuses == [0, 1, 1, 0])
            #expect(events.ofType("execution_cached").first?["data"]?["nodes"] == [])
            let nodes = events.ofType("executing").compactMap { $0["data"]?["node"]?.stringValue }
            #expect(Set(nodes) == ["3", "4", "5", "6", "7", "8", "9"])
            #expect(nodes == ["4", "5", "6", "7", "3", "8", "9"])
            let progress = events.ofType("progress").map { $0["data"] }
            #expect(progress.map { $0?["value"] } == [1, 2, 3, 4])
            #expect(
                progress.allSatisfy { $0?["max"] == 4 && $0?["node"] == "3" && $0?["prompt_id"]?.stringValue == id }
            )
            #expect(!events.ofType("progress_state").isEmpty)
            let executed = try #require(events.ofType("executed").first?["data"])
            #expect(executed["node"] == "9")
            let image = try #require(executed["output"]?["images"]?[0])
            #expect(image == ["filename": "sprite_00001_.png", "subfolder": "", "type": "output"])
            #expect(events.last?["data"] == ["node": nil, "prompt_id": .string(id)])

            let entry = try await http.waitForHistory(id)
            #expect(entry["status"]?["status_str"] == "success")
            #expect(entry["status"]?["completed"] == true)
            #expect(entry["prompt"]?[1]?.stringValue == id)
            #expect(entry["prompt"]?[3] == ["client_id": "client-a"])
            #expect(entry["prompt"]?[4] == ["9"])
            #expect(entry["outputs"]?["9"]?["images"]?[0] == image)
            let messageTypes = entry["status"]?["messages"]?.arrayValue?.compactMap { $0[0]?.stringValue }
            #expect(messageTypes == ["execution_start", "execution_cached", "execution_success"])

            let view = try await http.get("/view?filename=sprite_00001_.png&subfolder=&type=output")
            #expect(view.status == 200)
            #expect(view.headers["content-type"] == "image/png")
            let png = try PNGCodec.decode(view.body)
            #expect(png.width == 64 && png.height == 64)
            // A pixel sprite: flat 4×4 blocks (16×16 logical pixels), opaque everywhere.
            #expect(png[0, 0].a == 255 && png[5, 5] == png[4, 4] && png[7, 7] == png[4, 4])
            #expect(standIn.executedCount == 1)
            await socket.close()
        }
    }

    @Test("An identical graph re-run is fully cached: executed re-sent, no executing for nodes, nothing generated")
    func fullyCachedRerun() async throws {
        try await withStandIn { standIn in
            let http = StandInHTTP(standIn)
            let socket = try await SocketRecorder.connect(to: standIn, clientID: "client-c")
            let first = try await http.submit(workflow(), clientID: "client-c")
            try await socket.waitForCompletion(of: first)
            let countBefore = await socket.events.count
            let second = try await http.submit(workflow(), clientID: "client-c")
            try await socket.waitForCompletion(of: second)
            let events = Array(await socket.events.dropFirst(countBefore))

            #expect(
                events.types() == [
                    "status", "status", "execution_start", "execution_cached", "executed", "execution_success",
                    "status", "executing",
                ]
            )
            #expect(events.ofType("execution_cached").first?["data"]?["nodes"] == ["3", "4", "5", "6", "7", "8", "9"])
            let image = events.ofType("executed").first?["data"]?["output"]?["images"]?[0]?["filename"]
            #expect(image == "sprite_00001_.png")
            #expect(standIn.executedCount == 1)
            let entry = try await http.waitForHistory(second)
            #expect(entry["status"]?["status_str"] == "success")
            await socket.close()
        }
    }

    @Test("A runtime failure at a node sends execution_error and records an error in /history")
    func executionError() async throws {
        try await withStandIn { standIn in
            standIn.enqueue(.failing(at: "4", message: "Error while deserializing header: header too large\n"))
            let http = StandInHTTP(standIn)
            let socket = try await SocketRecorder.connect(to: standIn, clientID: "client-e")
            let id = try await http.submit(workflow(), clientID: "client-e")
            try await socket.waitForCompletion(of: id)
            let events = await socket.events
            #expect(
                events.types() == [
                    "status", "status", "status", "execution_start", "execution_cached", "executing", "execution_error",
                    "status", "executing",
                ]
            )
            let error = try #require(events.ofType("execution_error").first?["data"])
            #expect(error["node_id"] == "4")
            #expect(error["node_type"] == "CheckpointLoaderSimple")
            #expect(error["executed"] == [])
            #expect(error["exception_message"] == "Error while deserializing header: header too large\n")
            #expect(error["current_inputs"] == ["ckpt_name": ["v1-5-pruned-emaonly.safetensors"]])
            let entry = try await http.waitForHistory(id)
            #expect(entry["status"]?["status_str"] == "error")
            #expect(entry["status"]?["completed"] == false)
            #expect(entry["outputs"] == [:])
            #expect(standIn.executedCount == 0)
            await socket.close()
        }
    }

    @Test("Interrupting a hanging prompt stops it; a targeted interrupt of a pending id is a no-op")
    func interruptHangingPrompt() async throws {
        try await withStandIn { standIn in
            standIn.enqueue(.hanging)
            let http = StandInHTTP(standIn)
            let socket = try await SocketRecorder.connect(to: standIn, clientID: "client-i")
            let running = try await http.submit(workflow(seed: 1), clientID: "client-i")
            let pending = try await http.submit(workflow(seed: 2), clientID: "client-i")
            try await socket.waitFor("first step") { $0.ofType("progress").count == 1 }

            #expect(try await http.post("/interrupt", json: ["prompt_id": .string(pending)]).status == 200)
            // A no-op: the hanging run polls every 5 ms, so 20 polls later it must still be running.
            try await Task.sleep(for: .milliseconds(100))
            #expect(standIn.runningPromptID == running)
            #expect(await socket.events.ofType("execution_interrupted").isEmpty)

            let answer = try await http.post("/interrupt", json: ["prompt_id": .string(running)])
            #expect(answer.status == 200 && answer.body.isEmpty)
            try await socket.waitForCompletion(of: running)
            // The pending prompt starts right after: look at the events up to the interrupted run's end.
            let all = await socket.events
            let end = try #require(
                all.firstIndex { $0["type"] == "executing" && $0["data"]?["node"] == .null }
            )
            let events = Array(all[...end])
            let interrupted = try #require(events.ofType("execution_interrupted").first?["data"])
            #expect(interrupted["prompt_id"]?.stringValue == running)
            #expect(interrupted["node_id"] == "3" && interrupted["node_type"] == "KSampler")
            let tail = events.types().suffix(3)
            #expect(Array(tail) == ["execution_interrupted", "status", "executing"])
            let entry = try await http.waitForHistory(running)
            #expect(entry["status"]?["status_str"] == "error" && entry["outputs"] == [:])
            // The pending prompt runs next, normally.
            try await socket.waitForCompletion(of: pending)
            #expect(standIn.interruptRequests == [pending, running])
            await socket.close()
        }
    }

    @Test("Status broadcasts reach every socket; execution events only the submitting client's")
    func statusBroadcast() async throws {
        try await withStandIn { standIn in
            let http = StandInHTTP(standIn)
            let submitter = try await SocketRecorder.connect(to: standIn, clientID: "submitter")
            let bystander = try await SocketRecorder.connect(to: standIn, clientID: "bystander")
            let id = try await http.submit(workflow(), clientID: "submitter")
            try await submitter.waitForCompletion(of: id)
            try await bystander.waitFor("final status") { $0.ofType("status").count == 4 }
            let seen = await bystander.events
            #expect(seen.types() == ["status", "status", "status", "status"])
            #expect(seen.first?["data"]?["sid"] == "bystander")
            await submitter.close()
            await bystander.close()
        }
    }

    @Test("A socket dropped mid-run ends the message stream; the run still lands in /history")
    func droppedSocketMidRun() async throws {
        try await withStandIn { standIn in
            standIn.enqueue(Behaviour(steps: 4, dropSocketAfterStep: 2))
            let http = StandInHTTP(standIn)
            let socket = try await SocketRecorder.connect(to: standIn, clientID: "client-d")
            let id = try await http.submit(workflow(), clientID: "client-d")
            try await socket.waitForClose()
            let progress = await socket.events.ofType("progress").map { $0["data"]?["value"] }
            #expect(progress == [1, 2])
            let entry = try await http.waitForHistory(id)
            #expect(entry["status"]?["status_str"] == "success")
            #expect(standIn.executedCount == 1)
            await socket.close()
        }
    }

    @Test("Preview frames over 16 KiB arrive intact: type 1 without feature_flags")
    func previewFramesWithoutMetadata() async throws {
        try await withStandIn { standIn in
            standIn.enqueue(Behaviour(steps: 2, sendPreviews: true))
            let http = StandInHTTP(standIn)
            let socket = try await SocketRecorder.connect(to: standIn, clientID: "client-p")
            let id = try await http.submit(workflow(), clientID: "client-p")
            try await socket.waitForCompletion(of: id)
            let frames = await socket.binaries
            #expect(frames.count == 2)
            for frame in frames {
                #expect(frame.count == 8 + 50_000)
                #expect(Array(frame.prefix(12)) == [0, 0, 0, 1, 0, 0, 0, 1, 0xFF, 0xD8, 0xFF, 0xE0])
                #expect(Array(frame.suffix(2)) == [0xFF, 0xD9])
            }
            // The JSON progress of a step comes just before its binary frame.
            let messages = await socket.messages
            let firstBinary = try #require(messages.firstIndex { if case .binary = $0 { true } else { false } })
            guard case .text(let before) = messages[firstBinary - 1] else { throw StandInTestError.timedOut("order") }
            #expect(before.contains("\"progress\""))
            await socket.close()
        }
    }

    @Test("After feature_flags the server answers in kind and sends type-4 previews with metadata")
    func featureFlagsAndMetadataPreviews() async throws {
        try await withStandIn { standIn in
            standIn.enqueue(Behaviour(steps: 2, sendPreviews: true))
            let http = StandInHTTP(standIn)
            let socket = try await SocketRecorder.connect(to: standIn, clientID: "client-f", featureFlags: true)
            let flags = try #require(await socket.events.ofType("feature_flags").first?["data"])
            #expect(flags == ["supports_preview_metadata": true, "max_upload_size": 104_857_600])
            let id = try await http.submit(workflow(), clientID: "client-f")
            try await socket.waitForCompletion(of: id)
            let frames = await socket.binaries
            #expect(frames.count == 2)
            let frame = try #require(frames.first)
            #expect(Array(frame.prefix(4)) == [0, 0, 0, 4])
            let length = frame.dropFirst(4).prefix(4).reduce(0) { $0 << 8 | Int($1) }
            let metadata = try JSONValue(parsing: Data(frame.dropFirst(8).prefix(length)))
            #expect(metadata["prompt_id"]?.stringValue == id)
            #expect(metadata["node_id"] == "3" && metadata["image_type"] == "image/jpeg")
            // The key order a real ComfyUI 0.3.64 sends.
            #expect(
                String(decoding: frame.dropFirst(8).prefix(length), as: UTF8.self)
                    == #"{"node_id": "3", "prompt_id": ""# + id
                    + #"", "display_node_id": "3", "parent_node_id": null, "real_node_id": "3", "image_type": "image/jpeg"}"#
            )
            #expect(frame.count == 8 + length + 50_000)
            await socket.close()
        }
    }

    @Test("Many prompts from several clients all run once, serially, in queue order")
    func manyConcurrentPrompts() async throws {
        try await withStandIn { standIn in
            let http = StandInHTTP(standIn)
            let clients = ["c0", "c1", "c2", "c3"]
            var sockets: [SocketRecorder] = []
            for client in clients { sockets.append(try await SocketRecorder.connect(to: standIn, clientID: client)) }
            let ids = try await withThrowingTaskGroup(of: [String].self) { group in
                for (index, client) in clients.enumerated() {
                    group.addTask {
                        var ids: [String] = []
                        for round in 0..<8 {
                            let graph = workflow(seed: Int64(index * 100 + round), prefix: client)
                            ids.append(try await http.submit(graph, clientID: client))
                        }
                        return ids
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(Set(ids).count == 32)
            for id in ids { _ = try await http.waitForHistory(id, timeout: .seconds(30)) }
            #expect(standIn.executedCount == 32)
            #expect(try await http.get("/queue").json == ["queue_running": [], "queue_pending": []])
            for socket in sockets {
                let successes = await socket.events.ofType("execution_success").count
                #expect(successes == 8)
                await socket.close()
            }
        }
    }
}
