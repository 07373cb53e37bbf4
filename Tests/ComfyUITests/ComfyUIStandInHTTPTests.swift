import ComfyUI
import ComfyUIStandIn
import Foundation
import Testing

/// The stand-in's HTTP side: validation bodies, /view, queue editing, discovery routes and scripted faults.
@Suite("ComfyUIStandIn HTTP")
struct ComfyUIStandInHTTPTests {
    @Test("Rejected prompts answer ComfyUI's 400 and 500 bodies and still use up a number")
    func validationErrors() async throws {
        try await withStandIn { standIn in
            let http = StandInHTTP(standIn)

            let notJSON = try await http.post("/prompt", body: Data("{not json".utf8))
            #expect(notJSON.status == 500)
            #expect(notJSON.text == "500 Internal Server Error\n\nServer got itself in trouble")

            let noPrompt = try await http.post("/prompt", json: ["client_id": "x"])
            #expect(noPrompt.status == 400)
            #expect(
                noPrompt.json == [
                    "error": [
                        "type": "no_prompt", "message": "No prompt provided", "details": "No prompt provided",
                        "extra_info": [:],
                    ],
                    "node_errors": [:],
                ]
            )

            let noClass = try await http.post(
                "/prompt",
                json: ["prompt": workflow().setting(["4", "class_type"], to: nil)]
            )
            #expect(noClass.status == 400)
            #expect(noClass.json["error"]?["type"] == "invalid_prompt")
            #expect(
                noClass.json["error"]?["message"] == "Cannot execute because a node is missing the class_type property."
            )
            #expect(noClass.json["error"]?["details"] == "Node ID '#4'")

            let unknown = try await http.post(
                "/prompt",
                json: ["prompt": workflow().setting(["99"], to: ["class_type": "NoSuchNode", "inputs": [:]])]
            )
            #expect(unknown.json["error"]?["message"] == "Cannot execute because node NoSuchNode does not exist.")
            #expect(unknown.json["error"]?["details"] == "Node ID '#99'")

            let noOutputs = try await http.post("/prompt", json: ["prompt": workflow().setting(["9"], to: nil)])
            #expect(noOutputs.status == 400 && noOutputs.json["error"]?["type"] == "prompt_no_outputs")

            let badCheckpoint = try await http.post(
                "/prompt",
                json: ["prompt": workflow(checkpoint: "nope.safetensors")]
            )
            #expect(badCheckpoint.status == 400)
            #expect(badCheckpoint.json["error"]?["type"] == "prompt_outputs_failed_validation")
            let checkpointError = try #require(badCheckpoint.json["node_errors"]?["4"])
            #expect(checkpointError["class_type"] == "CheckpointLoaderSimple")
            #expect(checkpointError["dependent_outputs"] == ["9"])
            #expect(checkpointError["errors"]?[0]?["type"] == "value_not_in_list")
            #expect(
                checkpointError["errors"]?[0]?["details"]
                    == "ckpt_name: 'nope.safetensors' not in ['sd_xl_base_1.0.safetensors', 'v1-5-pruned-emaonly.safetensors']"
            )

            let badSampler = try await http.post("/prompt", json: ["prompt": workflow(sampler: "nope")])
            let samplerError = try #require(badSampler.json["node_errors"]?["3"]?["errors"]?[0])
            #expect(samplerError["details"] == "sampler_name: 'nope' not in (list of length 42)")
            #expect(samplerError["extra_info"]?["input_config"] == .null)

            let small = try await http.post("/prompt", json: ["prompt": workflow(width: 3)])
            let smallError = try #require(small.json["node_errors"]?["5"]?["errors"]?[0])
            #expect(smallError["type"] == "value_smaller_than_min")
            #expect(smallError["message"] == "Value 3 smaller than min of 16")
            #expect(smallError["details"] == "width")

            let notNumber = try await http.post("/prompt", json: ["prompt": workflow(width: "abc")])
            let typeError = try #require(notNumber.json["node_errors"]?["5"]?["errors"]?[0])
            #expect(typeError["type"] == "invalid_input_type")
            #expect(typeError["details"] == "width, abc, invalid literal for int() with base 10: 'abc'")

            let noSeed = try await http.post(
                "/prompt",
                json: ["prompt": workflow().setting(["3", "inputs", "seed"], to: nil)]
            )
            let seedError = try #require(noSeed.json["node_errors"]?["3"]?["errors"]?[0])
            #expect(
                seedError == [
                    "type": "required_input_missing", "message": "Required input is missing", "details": "seed",
                    "extra_info": ["input_name": "seed"],
                ]
            )

            let accepted = try await http.post("/prompt", json: ["prompt": workflow(), "client_id": "x"])
            #expect(accepted.status == 200)
            // The unparseable body failed before numbering (0.3.64 reads the JSON first); the nine 400s used 0...8.
            #expect(accepted.json["number"] == 9)
            #expect(accepted.json["node_errors"] == [:])
            #expect(standIn.submittedPrompts.count == 1)
        }
    }

    @Test("A client prompt_id is honoured, front gives a negative number, and /api mounts every route")
    func promptIDsNumbersAndAPIPrefix() async throws {
        try await withStandIn { standIn in
            standIn.setDefaultBehaviour(.hanging)
            let http = StandInHTTP(standIn)
            let first = try await http.post("/api/prompt", json: ["prompt": workflow(seed: 1), "prompt_id": "mine"])
            #expect(first.json == ["prompt_id": "mine", "number": 0, "node_errors": [:]])
            _ = try await http.post("/prompt", json: ["prompt": workflow(seed: 2), "prompt_id": "second"])
            let front = try await http.post(
                "/prompt",
                json: ["prompt": workflow(seed: 3), "prompt_id": "urgent", "front": true]
            )
            #expect(front.json["number"] == -2)
            let queue = try await http.get("/api/queue").json
            #expect(queue["queue_running"]?[0]?[1] == "mine")
            #expect(queue["queue_pending"]?.arrayValue?.map { $0[1] } == ["urgent", "second"])
            #expect(queue["queue_running"]?[0]?[4] == ["9"])
            #expect(try await http.get("/prompt").json == ["exec_info": ["queue_remaining": 3]])
            _ = try await http.post("/queue", json: ["clear": true])
            _ = try await http.post("/interrupt", json: [:])
            _ = try await http.waitForHistory("mine")
            #expect(try await http.get("/history/urgent").json == [:])
        }
    }

    @Test("Queue delete removes a pending prompt (never in history) and ignores the running one")
    func queueDelete() async throws {
        try await withStandIn { standIn in
            standIn.enqueue(.hanging)
            let http = StandInHTTP(standIn)
            let socket = try await SocketRecorder.connect(to: standIn, clientID: "client-q")
            let running = try await http.submit(workflow(seed: 1), clientID: "client-q")
            let pending = try await http.submit(workflow(seed: 2), clientID: "client-q")
            try await socket.waitFor("first step") { $0.ofType("progress").count == 1 }

            let deleted = try await http.post("/queue", json: ["delete": [.string(pending)]])
            #expect(deleted.status == 200 && deleted.body.isEmpty)
            #expect(standIn.pendingPromptIDs.isEmpty)
            _ = try await http.post("/queue", json: ["delete": [.string(running)]])
            #expect(standIn.runningPromptID == running)
            let queue = try await http.get("/queue").json
            #expect(queue["queue_running"]?[0]?[1]?.stringValue == running)
            #expect(queue["queue_pending"] == [])
            #expect(standIn.deleteRequests == [[pending], [running]])

            _ = try await http.post("/interrupt", body: Data())
            try await socket.waitForCompletion(of: running)
            #expect(try await http.get("/history/\(pending)").json == [:])
            #expect(try await http.get("/history?max_items=1").json[running] != nil)
            _ = try await http.post("/history", json: ["delete": [.string(running)]])
            #expect(try await http.get("/history/\(running)").json == [:])
            #expect(standIn.interruptRequests == [nil])
            await socket.close()
        }
    }

    @Test("/view answers 200 with PNG bytes, 404 for an unknown file, 400 for '..' or a bad type")
    func view() async throws {
        try await withStandIn { standIn in
            let http = StandInHTTP(standIn)
            let socket = try await SocketRecorder.connect(to: standIn, clientID: "client-v")
            let id = try await http.submit(workflow(prefix: "hero"), clientID: "client-v")
            try await socket.waitForCompletion(of: id)
            let found = try await http.get("/api/view?filename=hero_00001_.png&subfolder=&type=output")
            #expect(found.status == 200 && found.body.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            let missing = try await http.get("/view?filename=nope.png&type=output")
            #expect(missing.status == 404 && missing.body.isEmpty)
            let escape = try await http.get("/view?filename=../../etc/passwd&type=output")
            #expect(escape.status == 400 && escape.body.isEmpty)
            let badType = try await http.get("/view?filename=hero_00001_.png&type=bogus")
            #expect(badType.status == 400 && badType.body.isEmpty)
            await socket.close()
        }
    }

    @Test("Discovery routes show the installed models and the reference shapes")
    func discoveryRoutes() async throws {
        try await withStandIn { standIn in
            let http = StandInHTTP(standIn)
            let loader = try await http.get("/object_info/CheckpointLoaderSimple").json["CheckpointLoaderSimple"]
            #expect(
                loader?["input"]?["required"]?["ckpt_name"]?[0] == [
                    "sd_xl_base_1.0.safetensors", "v1-5-pruned-emaonly.safetensors",
                ]
            )
            #expect(loader?["output"] == ["MODEL", "CLIP", "VAE"] && loader?["output_node"] == false)
            standIn.setInstalled(checkpoints: ["only.safetensors"], loras: ["pixel.safetensors"])
            #expect(try await http.get("/models/checkpoints").json == ["only.safetensors"])
            #expect(try await http.get("/models/loras").json == ["pixel.safetensors"])
            let all = try await http.get("/object_info").json
            #expect(all["LoraLoader"]?["input"]?["required"]?["lora_name"]?[0] == ["pixel.safetensors"])
            #expect(all["SaveImage"]?["output_node"] == true)
            #expect(all["KSampler"]?["input"]?["required"]?["sampler_name"]?[0]?.arrayValue?.count == 42)
            #expect(try await http.get("/object_info/NoSuchNode").json == [:])
            #expect(try await http.get("/system_stats").json["system"]?["comfyui_version"] == "0.3.64")
            #expect(try await http.get("/features").json["supports_preview_metadata"] == true)
            #expect(try await http.get("/models").json.arrayValue?.first == "checkpoints")
            let free = try await http.post("/free", json: ["unload_models": true, "free_memory": true])
            #expect(free.status == 200 && free.body.isEmpty)
            #expect(try await http.get("/nope").status == 404)
        }
    }

    @Test("Scripted faults answer without doing the work; delays slow answers down")
    func faultsAndDelays() async throws {
        try await withStandIn { standIn in
            let http = StandInHTTP(standIn)
            standIn.failNextRequests(path: "/prompt", count: 2)
            standIn.failNextRequests(path: "/history", count: 1, status: 503)
            for _ in 0..<2 {
                let failed = try await http.post("/prompt", json: ["prompt": workflow()])
                #expect(failed.status == 500)
                #expect(failed.text == "500 Internal Server Error\n\nServer got itself in trouble")
            }
            #expect(standIn.submittedPrompts.isEmpty)
            #expect(try await http.get("/history/abc").status == 503)
            #expect(try await http.get("/history/abc").status == 200)
            let accepted = try await http.post("/prompt", json: ["prompt": workflow()])
            #expect(accepted.status == 200 && accepted.json["number"] == 0)
            #expect(standIn.requestCount(path: "/prompt") == 3)
            #expect(standIn.requestCount(path: "/history") == 2)

            standIn.setResponseDelay(path: "/system_stats", .milliseconds(200))
            let start = ContinuousClock.now
            #expect(try await http.get("/system_stats").status == 200)
            #expect(ContinuousClock.now - start >= .milliseconds(200))
        }
    }
}
