import Foundation

/// `POST /prompt`: numbering, validation and queueing, as ComfyUI's `post_prompt` does them.
struct PromptSubmission {
    let core: StandInCore

    func submit(_ body: Data) -> HTTPResponse {
        guard let json = try? StandInJSON(parsing: body) else { return .error(500) }
        // The number is taken before validation, so rejected prompts use one up too.
        let (number, priority, sequence): (StandInJSON, Double, Int) = core.withState { state in
            state.nextSequence += 1
            if let given = json["number"], let value = given.doubleValue {
                return (.double(value), value, state.nextSequence)
            }
            var number = state.nextNumber
            state.nextNumber += 1
            if json["front"]?.isTruthy == true { number = -number }
            return (.int(number), Double(number), state.nextSequence)
        }
        guard let prompt = json["prompt"] else {
            return .json(
                PromptValidator.body("no_prompt", "No prompt provided", details: "No prompt provided"),
                status: .badRequest
            )
        }
        guard let graph = prompt.objectValue else { return .error(500) }
        let catalog = core.withState { $0.catalog }
        let validator = PromptValidator(catalog: catalog) { type, path in
            core.withState { $0.entry(type: type, path: path) }
        }
        switch validator.validate(graph) {
        case .invalid(let answer):
            return .json(answer, status: .badRequest)
        case .valid(let outputs, let nodeErrors):
            let id = json["prompt_id"].map { $0.stringValue ?? $0.text } ?? UUID().uuidString.lowercased()
            var extraData = json["extra_data"]?.objectValue ?? JSONObject()
            if let clientID = json["client_id"] { extraData["client_id"] = clientID }
            let texts = [String(decoding: body, as: UTF8.self), prompt.text]
            core.withState { state in
                let item = QueueItem(
                    number: number,
                    priority: priority,
                    sequence: sequence,
                    id: id,
                    graph: graph,
                    extraData: .object(extraData),
                    outputs: outputs,
                    behaviour: state.behaviour(forPromptText: texts)
                )
                state.pending.append(item)
                state.submittedPrompts.append(
                    SubmittedPrompt(id: id, number: priority, clientID: item.clientID, graph: prompt)
                )
                state.timelineIndex[id] = state.timeline.count
                state.timeline.append(PromptTimes(id: id, queued: .now))
            }
            core.broadcastStatus()
            core.wakeUp.yield()
            return .json(["prompt_id": .string(id), "number": number, "node_errors": nodeErrors])
        }
    }
}
