import Testing

@testable import PixelsMCP

@Suite("BearerToken: Authorization: Bearer <http.token>")
struct BearerTokenTests {
    let token = BearerToken("0123456789abcdef-secret")

    @Test("The right token is admitted; the scheme is case-insensitive and surrounding spaces are ignored")
    func admits() {
        #expect(token.admits("Bearer 0123456789abcdef-secret"))
        #expect(token.admits("bearer 0123456789abcdef-secret"))
        #expect(token.admits("  BEARER   0123456789abcdef-secret "))
    }

    @Test(
        "A missing, wrong, truncated or extended token, or another scheme, is refused",
        arguments: [
            nil, "", "Bearer", "Bearer ", "Bearer 0123456789abcdef-secre", "Bearer 0123456789abcdef-secret!",
            "Basic MDEyMzQ1Njc4OWFiY2RlZi1zZWNyZXQ=", "0123456789abcdef-secret", "Bearer0123456789abcdef-secret",
        ]
    )
    func refuses(_ header: String?) {
        #expect(!token.admits(header))
    }

    @Test("The 401 challenge says invalid_token only when a token was offered")
    func challenge() {
        #expect(BearerToken.challenge(offered: false) == #"Bearer realm="dgx-pixels""#)
        #expect(BearerToken.challenge(offered: true).contains(#"error="invalid_token""#))
    }
}
