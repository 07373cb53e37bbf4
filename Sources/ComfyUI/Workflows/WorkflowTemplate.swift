import Foundation

/// A ComfyUI API-format graph with `{{name}}` placeholders and the parameters it declares, loaded from one JSON file:
/// the graph's node entries plus a top-level `"_dgx_pixels"` block
/// `{"description": "…", "parameters": {"seed": {"type": "int", "default": 0, "min": 0, "max": …}, …}}`.
///
/// A string that is exactly one placeholder (`"seed": "{{seed}}"`) is replaced by a typed value; a placeholder inside
/// longer text (`"pixel art, {{prompt}}"`) is replaced by the value's text. Loading checks that every placeholder is
/// declared, every declaration used, `prompt` and `seed` present, links resolve and an output node exists, so a
/// template that loads binds into a graph ComfyUI can take (given installed models: see `problems(against:…)`).
package struct WorkflowTemplate: Sendable, Equatable {
    /// The name of the block that declares parameters.
    package static let blockKey = "_dgx_pixels"
    /// Node classes that make a graph produce something.
    package static let outputNodeClasses: Set<String> = ["SaveImage", "PreviewImage"]

    /// The file stem (`sd15-pixel-art`).
    package let name: String
    /// The file name errors mention (`sd15-pixel-art.json`).
    package let fileName: String
    package let description: String
    /// The declared parameters, sorted by name.
    package let parameters: [WorkflowParameter]
    /// The node entries (node id → `{"class_type", "inputs", "_meta"?}`), placeholders in place.
    package let nodes: [String: JSONValue]

    /// Loads `url`; the template's name is the file stem.
    package init(contentsOf url: URL) throws(WorkflowError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(file: url.lastPathComponent, reason: error.localizedDescription)
        }
        try self.init(data: data, fileName: url.lastPathComponent)
    }

    /// Loads template JSON text; the name is `fileName` without its `.json` extension.
    package init(data: Data, fileName: String) throws(WorkflowError) {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: data)
        } catch {
            throw .invalidJSON(file: fileName, reason: Self.reason(error))
        }
        try self.init(json: json, fileName: fileName)
    }

    package init(json: JSONValue, fileName: String) throws(WorkflowError) {
        guard var members = json.objectValue else { throw .notAGraph(file: fileName) }
        guard let block = members.removeValue(forKey: Self.blockKey) else {
            throw .missingParameterBlock(file: fileName)
        }
        self.fileName = fileName
        self.name = fileName.hasSuffix(".json") ? String(fileName.dropLast(".json".count)) : fileName
        (self.description, self.parameters) = try Self.readBlock(block, file: fileName)
        self.nodes = members
        try checkGraph()
    }

    /// The ids of the output nodes (SaveImage, PreviewImage), sorted.
    package var outputNodes: [String] {
        Self.sortedIDs(
            nodes.keys.filter { id in nodes[id].flatMap(Self.classType).map(Self.outputNodeClasses.contains) ?? false }
        )
    }

    /// Every node class the graph uses, sorted: what to ask `/object_info/{class}` about.
    package var usedNodeClasses: [String] {
        Set(nodes.values.compactMap(Self.classType)).sorted()
    }

    package func parameter(named name: String) -> WorkflowParameter? {
        parameters.first { $0.name == name }
    }

    /// Node ids in numeric order when they are numbers (`"2"` before `"10"`), then the rest by text.
    package static func sortedIDs(_ ids: some Sequence<String>) -> [String] {
        ids.sorted { left, right in
            switch (Int(left), Int(right)) {
            case (let l?, let r?): l < r
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): left < right
            }
        }
    }

    static func classType(of node: JSONValue) -> String? {
        node["class_type"]?.stringValue
    }

    static func reason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return "\(error)"
    }
}
