import ComfyUI
import ComfyUIStandIn
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs `body` against a fresh stand-in and shuts it down afterwards, also when the body throws.
func withStandIn<Result>(
    _ setup: ComfyUIStandIn.Setup = .init(),
    _ body: (ComfyUIStandIn) async throws -> Result
) async throws -> Result {
    let standIn = try await ComfyUIStandIn.start(setup)
    do {
        let result = try await body(standIn)
        await standIn.shutdown()
        return result
    } catch {
        await standIn.shutdown()
        throw error
    }
}

/// One HTTP answer in a test.
struct HTTPAnswer {
    let status: Int
    let body: Data
    let headers: [String: String]

    var json: JSONValue { (try? JSONValue(parsing: body)) ?? .null }
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Plain URLSession calls against a stand-in.
struct StandInHTTP {
    let base: URL
    /// A session of its own, so connections do not outlive the stand-in in a shared pool.
    let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        return URLSession(configuration: configuration)
    }()

    init(_ standIn: ComfyUIStandIn) {
        base = standIn.url
    }

    /// Plain calls to any ComfyUI-like server (a real one in the `COMFYUI_URL` tests).
    init(base: URL) {
        self.base = base
    }

    func get(_ path: String) async throws -> HTTPAnswer {
        try await send(URLRequest(url: try url(path)))
    }

    func post(_ path: String, json: JSONValue) async throws -> HTTPAnswer {
        try await post(path, body: json.encoded())
    }

    func post(_ path: String, body: Data, contentType: String = "application/json") async throws -> HTTPAnswer {
        var request = URLRequest(url: try url(path))
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        return try await send(request)
    }

    /// `POST /upload/image` with `parts` written as given (`(headers, content)`), so tests control every byte.
    func upload(_ parts: [(String, Data)], path: String = "/upload/image") async throws -> HTTPAnswer {
        let boundary = "StandInTestBoundary"
        var body = Data()
        for (headers, content) in parts {
            body.append(Data("--\(boundary)\r\n\(headers)\r\n\r\n".utf8))
            body.append(content)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return try await post(path, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    /// Submits a graph for `clientID` and returns the prompt id.
    func submit(_ graph: JSONValue, clientID: String?, extra: [String: JSONValue] = [:]) async throws -> String {
        var body: [String: JSONValue] = ["prompt": graph]
        if let clientID { body["client_id"] = .string(clientID) }
        for (key, value) in extra { body[key] = value }
        let answer = try await post("/prompt", json: .object(body))
        #expect(answer.status == 200, "POST /prompt answered \(answer.status): \(answer.text)")
        return try #require(answer.json["prompt_id"]?.stringValue)
    }

    /// Polls `/history/{id}` until the prompt is there.
    func waitForHistory(_ id: String, timeout: Duration = .seconds(10)) async throws -> JSONValue {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let entry = try await get("/history/\(id)").json[id] { return entry }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw StandInTestError.timedOut("history of \(id)")
    }

    private func url(_ path: String) throws -> URL {
        try #require(URL(string: base.absoluteString + path))
    }

    private func send(_ request: URLRequest) async throws -> HTTPAnswer {
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return HTTPAnswer(status: http.statusCode, body: data, headers: headers)
    }
}

enum StandInTestError: Error, CustomStringConvertible {
    case timedOut(String)

    var description: String {
        switch self {
        case .timedOut(let what): "timed out waiting for \(what)"
        }
    }
}

/// The standard text-to-image graph of the reference trace (node 3 KSampler … 9 SaveImage).
func workflow(
    text: String = "a knight, pixel art",
    seed: Int64 = 42,
    width: JSONValue = 64,
    height: JSONValue = 64,
    checkpoint: String = "v1-5-pruned-emaonly.safetensors",
    sampler: String = "euler",
    prefix: String = "sprite"
) -> JSONValue {
    [
        "3": [
            "class_type": "KSampler",
            "inputs": [
                "seed": .int(seed), "steps": 4, "cfg": 7.0, "sampler_name": .string(sampler), "scheduler": "normal",
                "denoise": 1.0, "model": ["4", 0], "positive": ["6", 0], "negative": ["7", 0],
                "latent_image": ["5", 0],
            ],
        ],
        "4": ["class_type": "CheckpointLoaderSimple", "inputs": ["ckpt_name": .string(checkpoint)]],
        "5": ["class_type": "EmptyLatentImage", "inputs": ["width": width, "height": height, "batch_size": 1]],
        "6": ["class_type": "CLIPTextEncode", "inputs": ["text": .string(text), "clip": ["4", 1]]],
        "7": ["class_type": "CLIPTextEncode", "inputs": ["text": "blurry", "clip": ["4", 1]]],
        "8": ["class_type": "VAEDecode", "inputs": ["samples": ["3", 0], "vae": ["4", 2]]],
        "9": ["class_type": "SaveImage", "inputs": ["filename_prefix": .string(prefix), "images": ["8", 0]]],
    ]
}

extension JSONValue {
    /// A copy with `value` at `path` (object keys), for breaking one input of a graph.
    func setting(_ path: [String], to value: JSONValue?) -> JSONValue {
        guard let key = path.first, case .object(var members) = self else { return self }
        if path.count == 1 {
            members[key] = value
        } else {
            members[key] = (members[key] ?? [:]).setting(Array(path.dropFirst()), to: value)
        }
        return .object(members)
    }
}
