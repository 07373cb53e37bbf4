/// What a write did to the file at its target.
package enum WriteOutcome: String, Codable, Sendable {
    case created
    case replaced
    /// The file already held these bytes and was not touched, so a running game does not hot-reload it.
    case unchanged
}
