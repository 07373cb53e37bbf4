import Foundation
import MCP
import SpriteEngine

/// The methods the server answers, each decoding its own parameters: parameters that do not fit are an
/// invalid-params error saying what the method expects.
extension MCPSession {
    func initialize(id: ID, _ params: Data) throws -> Data {
        // The SDK's type fills in what is missing; the spec requires these, so they are checked first.
        struct Required: Decodable {
            struct Info: Decodable { var name: String }
            var protocolVersion: String
            var clientInfo: Info
        }
        guard (try? JSONDecoder().decode(Required.self, from: params)) != nil,
            let parameters = try? JSONDecoder().decode(Initialize.Parameters.self, from: params)
        else {
            throw MCPError.invalidParams(
                "initialize needs params {\"protocolVersion\": string, \"capabilities\": object, "
                    + "\"clientInfo\": {\"name\": string, \"version\": string}}"
            )
        }
        // The client's version when we speak it, else our newest (the client then decides whether to go on).
        let version =
            Version.supported.contains(parameters.protocolVersion) ? parameters.protocolVersion : Version.latest
        agree(on: version)
        context.logger.info(
            "client connected",
            metadata: [
                "client": "\(parameters.clientInfo.name) \(parameters.clientInfo.version)", "protocol": "\(version)",
            ]
        )
        return try OutboundMessage.result(
            id: id,
            Initialize.Result(
                protocolVersion: version,
                capabilities: ServerContext.capabilities,
                serverInfo: ServerContext.serverInfo,
                instructions: ServerContext.instructions
            )
        )
    }

    func listTools(id: ID, _ params: Data) throws -> Data {
        try Self.checkNoCursor(params, method: ListTools.name)
        return OutboundMessage.result(id: id, json: context.toolList)
    }

    func callTool(id: ID, _ params: Data) async throws -> Data {
        guard let parameters = try? JSONDecoder().decode(CallTool.Parameters.self, from: params) else {
            throw MCPError.invalidParams(
                "tools/call needs params {\"name\": string, \"arguments\": object (optional)}"
            )
        }
        let progress = ProgressBridge.reporter(for: parameters._meta?.progressToken) { [weak self] notification in
            guard let line = try? OutboundMessage.notification(ProgressNotification.message(notification)) else {
                return
            }
            self?.sendDuring(id, line)
        }
        let result = try await context.registry.call(
            parameters,
            context: ToolContext(engine: context.engine, progress: progress)
        )
        return try OutboundMessage.result(id: id, value: ValueEncoder.encode(result))
    }

    func listResources(id: ID, _ params: Data) async throws -> Data {
        try Self.checkNoCursor(params, method: ListResources.name)
        let resources = await SpriteResources.list(engine: context.engine)
        return try OutboundMessage.result(id: id, ListResources.Result(resources: resources, nextCursor: nil))
    }

    func listResourceTemplates(id: ID, _ params: Data) throws -> Data {
        try Self.checkNoCursor(params, method: ListResourceTemplates.name)
        return try OutboundMessage.result(
            id: id,
            ListResourceTemplates.Result(templates: SpriteResources.templates, nextCursor: nil)
        )
    }

    func readResource(id: ID, _ params: Data) async throws -> Data {
        guard let parameters = try? JSONDecoder().decode(ReadResource.Parameters.self, from: params) else {
            throw MCPError.invalidParams("resources/read needs params {\"uri\": string}")
        }
        let contents = try await SpriteResources.read(parameters.uri, engine: context.engine)
        return try OutboundMessage.result(id: id, ReadResource.Result(contents: contents))
    }

    func setLoggingLevel(id: ID, _ params: Data) throws -> Data {
        guard let parameters = try? JSONDecoder().decode(SetLoggingLevel.Parameters.self, from: params) else {
            let levels = LogLevel.allCases.map(\.rawValue).joined(separator: ", ")
            throw MCPError.invalidParams("logging/setLevel needs params {\"level\": one of \(levels)}")
        }
        setLogLevel(parameters.level)
        return try OutboundMessage.result(id: id, Empty())
    }

    /// Lists come in one page: a cursor can only be one this server never gave out.
    private static func checkNoCursor(_ params: Data, method: String) throws {
        struct Paging: Decodable { var cursor: String? }
        guard let paging = try? JSONDecoder().decode(Paging.self, from: params) else {
            throw MCPError.invalidParams("\(method) takes params {\"cursor\": string (optional)}")
        }
        if let cursor = paging.cursor {
            throw MCPError.invalidParams("unknown cursor '\(cursor)': \(method) answers in one page")
        }
    }
}
