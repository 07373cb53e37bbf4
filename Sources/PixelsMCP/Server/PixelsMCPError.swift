/// What can stop the server from starting to serve MCP.
package enum PixelsMCPError: Error, CustomStringConvertible, Equatable {
    /// A bind beyond loopback without a bearer token.
    case tokenRequired(address: String)
    /// The address could not be bound.
    case cannotListen(address: String, reason: String)

    package var description: String {
        switch self {
        case .tokenRequired(let address):
            "refusing to serve MCP over HTTP on \(address) without a token: anyone who can reach that address could "
                + "run jobs and write into Bevy projects. Set http.token in dgx-pixels.yaml or $DGX_PIXELS_TOKEN "
                + "(e.g. `export DGX_PIXELS_TOKEN=$(openssl rand -hex 32)`), or serve on 127.0.0.1 and reach it "
                + "through an SSH tunnel (see docs/http.md)"
        case .cannotListen(let address, let reason):
            "cannot listen on \(address): \(reason). Choose another port, or stop what is using it"
        }
    }
}
