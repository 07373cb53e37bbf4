import PixelArt

/// The bearer token every HTTP request must carry when `http.token` (or `$DGX_PIXELS_TOKEN`) is set.
///
/// Tokens are compared as SHA-256 digests with a comparison that looks at every byte whatever it finds, so the time
/// an answer takes says nothing about how much of a guess was right, nor how long the token is.
struct BearerToken: Sendable {
    private let digest: [UInt8]

    init(_ token: String) {
        digest = SHA256.digest(Array(token.utf8))
    }

    /// Whether `authorization` (the header's value) is `Bearer <this token>`; the scheme is case-insensitive.
    func admits(_ authorization: String?) -> Bool {
        guard let authorization else { return false }
        let trimmed = authorization.trimmingWhitespace
        guard trimmed.count > 7, trimmed.prefix(7).lowercased() == "bearer " else { return false }
        let offered = SHA256.digest(Array(String(trimmed.dropFirst(7)).trimmingWhitespace.utf8))
        var difference: UInt8 = 0
        for (left, right) in zip(offered, digest) { difference |= left ^ right }
        return difference == 0 && offered.count == digest.count
    }

    /// The challenge of a 401 (RFC 6750 §3): `error="invalid_token"` when a token was offered and is wrong.
    static func challenge(offered: Bool) -> String {
        offered ? #"Bearer realm="dgx-pixels", error="invalid_token""# : #"Bearer realm="dgx-pixels""#
    }
}
