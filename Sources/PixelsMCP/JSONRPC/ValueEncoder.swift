import Foundation
import MCP

/// Encodes any `Encodable` straight into the SDK's `Value`, with `JSONEncoder`'s default conventions (nil optionals
/// left out, `Data` as base64, `URL` as its absolute string, `Date` as seconds since 2001).
///
/// Tool results carry their structured content as `Value`. Going through JSON bytes and decoding them back costs a
/// thrown `DecodingError` per miss (`JSONDecoder` has no "any JSON" type, so each value is tried as Bool, Int,
/// Double, String, array, object in turn); this builds the tree once. docs/benchmarks.md has what it saved.
enum ValueEncoder {
    static func encode(_ value: some Encodable) throws -> Value {
        let root = Node()
        try root.store(value, codingPath: [])
        return root.value
    }
}

/// One value being built: a scalar, or an object or array whose members are still being encoded.
///
/// Members and elements are stored properties (not enum payloads) so that adding one mutates in place instead of
/// copying the collection.
private final class Node {
    private var scalar: Value = .null
    private var members: [String: Node]?
    private var elements: [Node]?

    var value: Value {
        if let members { return .object(members.mapValues(\.value)) }
        if let elements { return .array(elements.map(\.value)) }
        return scalar
    }

    func set(_ value: Value) {
        scalar = value
        members = nil
        elements = nil
    }

    /// Encodes `value` into this node, short-cutting the types `JSONEncoder` treats specially.
    func store(_ value: some Encodable, codingPath: [any CodingKey]) throws {
        switch value {
        case let data as Data: set(.string(data.base64EncodedString()))
        case let url as URL: set(.string(url.absoluteString))
        case let date as Date: set(.double(date.timeIntervalSinceReferenceDate))
        default: try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
        }
    }

    func child(forKey key: String) -> Node {
        becomeObject()
        if let existing = members?[key] { return existing }
        let node = Node()
        members?[key] = node
        return node
    }

    func appendChild() -> Node {
        becomeArray()
        let node = Node()
        elements?.append(node)
        return node
    }

    var count: Int { elements?.count ?? 0 }

    func becomeObject() {
        guard members == nil else { return }
        elements = nil
        members = [:]
    }

    func becomeArray() {
        guard elements == nil else { return }
        members = nil
        elements = []
    }
}

private struct NodeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath)
    }
}

/// The scalar encodings every container shares.
private enum Scalar {
    static func int<T: BinaryInteger>(_ value: T) -> Value {
        Int(exactly: value).map(Value.int) ?? .double(Double(value))
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.set(.null) }
    mutating func encode(_ value: Bool) throws { node.set(.bool(value)) }
    mutating func encode(_ value: String) throws { node.set(.string(value)) }
    mutating func encode(_ value: Double) throws { node.set(.double(value)) }
    mutating func encode(_ value: Float) throws { node.set(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { node.set(.int(value)) }
    mutating func encode(_ value: Int8) throws { node.set(Scalar.int(value)) }
    mutating func encode(_ value: Int16) throws { node.set(Scalar.int(value)) }
    mutating func encode(_ value: Int32) throws { node.set(Scalar.int(value)) }
    mutating func encode(_ value: Int64) throws { node.set(Scalar.int(value)) }
    mutating func encode(_ value: UInt) throws { node.set(Scalar.int(value)) }
    mutating func encode(_ value: UInt8) throws { node.set(Scalar.int(value)) }
    mutating func encode(_ value: UInt16) throws { node.set(Scalar.int(value)) }
    mutating func encode(_ value: UInt32) throws { node.set(Scalar.int(value)) }
    mutating func encode(_ value: UInt64) throws { node.set(Scalar.int(value)) }
    mutating func encode(_ value: some Encodable) throws { try node.store(value, codingPath: codingPath) }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    private func set(_ value: Value, _ key: Key) { node.child(forKey: key.stringValue).set(value) }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(.double(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(.double(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.int(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(Scalar.int(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(Scalar.int(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(Scalar.int(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(Scalar.int(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(Scalar.int(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(Scalar.int(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(Scalar.int(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(Scalar.int(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(Scalar.int(value), key) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try node.child(forKey: key.stringValue).store(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(forKey: key.stringValue)
        child.becomeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(forKey: key.stringValue)
        child.becomeArray()
        return UnkeyedNodeContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.child(forKey: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    private func append(_ value: Value) { node.appendChild().set(value) }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(.double(value)) }
    mutating func encode(_ value: Float) throws { append(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { append(.int(value)) }
    mutating func encode(_ value: Int8) throws { append(Scalar.int(value)) }
    mutating func encode(_ value: Int16) throws { append(Scalar.int(value)) }
    mutating func encode(_ value: Int32) throws { append(Scalar.int(value)) }
    mutating func encode(_ value: Int64) throws { append(Scalar.int(value)) }
    mutating func encode(_ value: UInt) throws { append(Scalar.int(value)) }
    mutating func encode(_ value: UInt8) throws { append(Scalar.int(value)) }
    mutating func encode(_ value: UInt16) throws { append(Scalar.int(value)) }
    mutating func encode(_ value: UInt32) throws { append(Scalar.int(value)) }
    mutating func encode(_ value: UInt64) throws { append(Scalar.int(value)) }

    mutating func encode(_ value: some Encodable) throws {
        try node.appendChild().store(value, codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.appendChild()
        child.becomeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.appendChild()
        child.becomeArray()
        return UnkeyedNodeContainer(node: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.appendChild(), codingPath: codingPath)
    }
}
