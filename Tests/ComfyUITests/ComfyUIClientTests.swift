import ComfyUI
import ComfyUIStandIn
import Foundation
import PixelArt
import Testing

@Suite("ComfyUIClient against the stand-in")
struct ComfyUIClientTests {
    @Test("A run reports steps, downloads the PNG, and a re-run of the same graph comes fully cached")
    func runAndCachedRerun() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        let client = ComfyUIClient.testing(standIn.url)
        let log = UpdateLog()
        let result = try await client.run(TestGraphs.sd15(size: 128)) { log.record($0) }
        let image = try PNGCodec.decode(try #require(result.images.first).data)
        #expect(image.width == 128 && image.height == 128)
        // Every step, in order; on a starved machine the history poll may see the prompt done before the socket's
        // last steps are read, and the run rightly ends there.
        #expect(!log.steps.isEmpty && [1, 2, 3, 4].starts(with: log.steps), "\(log.steps)")
        #expect(log.all.contains(.started))
        #expect(log.all.last == .fetching)
        #expect(!result.fullyCached)
        #expect(result.backend == standIn.url.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")))

        let again = try await client.run(TestGraphs.sd15(size: 128))
        #expect(again.fullyCached)
        #expect(again.images.first?.output.filename == result.images.first?.output.filename)
        #expect(standIn.executedCount == 1)
        await client.shutdown()
    }

    @Test("A workflow naming a checkpoint that is not installed is rejected with ComfyUI's node errors")
    func rejectedWorkflow() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        let client = ComfyUIClient.testing(standIn.url)
        await #expect {
            try await client.run(TestGraphs.sd15(checkpoint: "nope.safetensors"))
        } throws: { error in
            guard case .rejected(_, let rejection) = error as? ComfyUIError else { return false }
            return rejection.type == "prompt_outputs_failed_validation"
                && rejection.nodeErrors.first?.nodeID == "4"
                && "\(error)".contains("nope.safetensors")
        }
        await client.shutdown()
    }

    @Test("A node failing at run time is an executionFailed naming the node and ComfyUI's message")
    func runtimeError() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        standIn.enqueue(.failing(at: "4", message: "Error while deserializing header: header too large"))
        let client = ComfyUIClient.testing(standIn.url)
        await #expect {
            try await client.run(TestGraphs.sd15())
        } throws: { error in
            guard case .executionFailed(_, _, let node, let type, let message) = error as? ComfyUIError else {
                return false
            }
            return node == "4" && type == "CheckpointLoaderSimple" && message.contains("header too large")
        }
        await client.shutdown()
    }

    @Test("A socket dropped mid-run still yields the finished image (reconnect or /history polling)")
    func droppedSocket() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        standIn.enqueue(Behaviour(steps: 6, stepDelay: .milliseconds(20), dropSocketAfterStep: 2))
        let client = ComfyUIClient.testing(standIn.url)
        let result = try await client.run(TestGraphs.sd15())
        #expect(result.images.count == 1)
        #expect(try PNGCodec.decode(try #require(result.images.first).data).width == 64)
        await client.shutdown()
    }

    @Test("500 answers are retried with backoff; past the retries the error says HTTP 500")
    func serverErrors() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        let client = ComfyUIClient.testing(standIn.url)
        standIn.failNextRequests(path: "/prompt", count: 2)
        let result = try await client.run(TestGraphs.sd15())
        #expect(result.images.count == 1)

        standIn.failNextRequests(path: "/prompt", count: 3)
        await #expect {
            try await client.run(TestGraphs.sd15(seed: 8))
        } throws: { error in
            guard case .httpStatus(_, let operation, let status, _) = error as? ComfyUIError else { return false }
            return status == 500 && operation == "POST /prompt"
        }
        await client.shutdown()
    }

    @Test("A server that is down fails fast with a message naming it")
    func backendDown() async throws {
        let standIn = try await ComfyUIStandIn.start()
        let url = standIn.url
        await standIn.shutdown()
        var options = ComfyUIClient.Options.fast
        options.requestTimeout = .seconds(60)
        options.connectTimeout = .seconds(60)
        let client = ComfyUIClient.testing(url, options: options)
        let clock = ContinuousClock()
        let start = clock.now
        await #expect {
            try await client.run(TestGraphs.sd15())
        } throws: { error in
            guard case .unreachable = error as? ComfyUIError else { return false }
            return "\(error)".contains("not reachable at \(url.absoluteString.trimmingCharacters(in: ["/"]))")
        }
        // A refused connection fails at once, never after the 60 s timeouts (bound loose for a loaded machine).
        #expect(clock.now - start < .seconds(30))
        await client.shutdown()
    }

    @Test("An answer slower than the request timeout is a timedOut naming the request")
    func slowServer() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        standIn.setResponseDelay(path: "/queue", .seconds(2))
        var options = ComfyUIClient.Options.fast
        options.requestTimeout = .milliseconds(300)
        options.retry = .none
        let client = ComfyUIClient.testing(standIn.url, options: options)
        await #expect {
            try await client.queue()
        } throws: { error in
            guard case .timedOut(_, let operation, _) = error as? ComfyUIError else { return false }
            return operation == "GET /queue" && "\(error)".contains("within 0.3 s")
        }
        await client.shutdown()
    }

    @Test("Cancelling a running prompt interrupts exactly that prompt")
    func cancelRunning() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        standIn.enqueue(.hanging)
        let client = ComfyUIClient.testing(standIn.url)
        let started = AsyncStream.makeStream(of: Void.self)
        let promptID = "cancel-running-" + UUID().uuidString.lowercased()
        let run = Task {
            try await client.run(TestGraphs.sd15(), promptID: promptID) { update in
                if case .step = update { started.continuation.yield() }
            }
        }
        for await _ in started.stream { break }
        run.cancel()
        await #expect(throws: CancellationError.self) { try await run.value }
        #expect(standIn.interruptRequests == [promptID])
        let history = try await client.history(promptID)
        #expect(history?.outcome == .interrupted)
        await client.shutdown()
    }

    @Test("Cancelled while POST /prompt is still unanswered: the prompt ComfyUI queued anyway is taken off")
    func cancelDuringSubmit() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        standIn.enqueue(.hanging)
        standIn.setResponseDelay(path: "/prompt", .seconds(5))  // queued and started at once; the answer waits
        let client = ComfyUIClient.testing(standIn.url)
        let promptID = "cancel-submit-" + UUID().uuidString.lowercased()
        let run = Task { try await client.run(TestGraphs.sd15(), promptID: promptID) }
        let deadline = ContinuousClock.now + .seconds(60)  // an upper bound for a loaded machine, not a duration
        while standIn.runningPromptID != promptID, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(standIn.runningPromptID == promptID)
        run.cancel()
        await #expect(throws: CancellationError.self) { try await run.value }
        #expect(standIn.interruptRequests == [promptID])
        // The interrupt is answered a moment before the stand-in's worker stops the prompt, as on ComfyUI.
        let stopped = ContinuousClock.now + .seconds(30)
        while standIn.runningPromptID != nil, ContinuousClock.now < stopped {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(standIn.runningPromptID == nil)
        await client.shutdown()
    }

    @Test("Cancelling a queued prompt dequeues it and never interrupts another client's running prompt")
    func cancelQueued() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        standIn.enqueue(.hanging)
        let other = ComfyUIClient.testing(standIn.url)
        let otherID = "other-" + UUID().uuidString.lowercased()
        let otherStarted = AsyncStream.makeStream(of: Void.self)
        let otherRun = Task {
            try await other.run(TestGraphs.sd15(prompt: "other client"), promptID: otherID) { update in
                if case .step = update { otherStarted.continuation.yield() }
            }
        }
        for await _ in otherStarted.stream { break }

        let client = ComfyUIClient.testing(standIn.url)
        let mineID = "mine-" + UUID().uuidString.lowercased()
        let queued = AsyncStream.makeStream(of: Int.self)
        let mine = Task {
            try await client.run(TestGraphs.sd15(prompt: "mine"), promptID: mineID) { update in
                if case .queued(let position) = update { queued.continuation.yield(position) }
            }
        }
        var position = 0
        for await reported in queued.stream {
            position = reported
            break
        }
        #expect(position == 1)
        mine.cancel()
        await #expect(throws: CancellationError.self) { try await mine.value }
        #expect(standIn.deleteRequests.contains([mineID]))
        #expect(!standIn.interruptRequests.contains(otherID))
        #expect(try await client.queue().position(of: otherID) == 0)
        #expect(try await client.history(mineID) == nil)

        otherRun.cancel()
        _ = try? await otherRun.value
        await client.shutdown()
        await other.shutdown()
    }

    @Test("Binary preview frames larger than 16 KiB arrive whole as preview updates")
    func previews() async throws {
        let standIn = try await ComfyUIStandIn.start()
        defer { Task { await standIn.shutdown() } }
        standIn.enqueue(Behaviour(steps: 2, sendPreviews: true))
        // The socket is what is under test: no safety poll may finish a starved run before its previews are read.
        var options = ComfyUIClient.Options.fast
        options.safetyPollInterval = .seconds(300)
        let client = ComfyUIClient.testing(standIn.url, options: options)
        let log = UpdateLog()
        _ = try await client.run(TestGraphs.sd15()) { log.record($0) }
        let previews = log.all.compactMap { update -> Data? in
            if case .preview(_, let data) = update { data } else { nil }
        }
        #expect(previews.count == 2)
        #expect(previews.allSatisfy { $0.count > 16_384 })
        await client.shutdown()
    }
}
