import Testing

@testable import PixelsMCP

@Suite("OriginPolicy: DNS-rebinding protection")
struct OriginPolicyTests {
    let policy = OriginPolicy(allowedOrigins: ["https://tools.example.com", "http://10.0.0.2:8080"])

    @Test("No Origin header (command-line and desktop clients) is allowed")
    func noOrigin() {
        #expect(policy.admits(nil))
    }

    @Test(
        "Localhost origins on any port are allowed",
        arguments: ["http://localhost:6274", "http://127.0.0.1", "https://LOCALHOST:8443/", "http://[::1]:3000"]
    )
    func localhost(_ origin: String) {
        #expect(policy.admits(origin))
    }

    @Test(
        "Listed origins are allowed, matched after normalising",
        arguments: ["https://Tools.Example.com:443", "http://10.0.0.2:8080/"]
    )
    func listed(_ origin: String) {
        #expect(policy.admits(origin))
    }

    @Test(
        "Anything else is refused",
        arguments: [
            "http://evil.example", "null", "http://localhost.evil.example", "https://tools.example.com:8443",
            "http://10.0.0.2", "file://", "http://127.0.0.1.nip.io:8765", "",
        ]
    )
    func foreign(_ origin: String) {
        #expect(!policy.admits(origin))
    }
}

@Suite("OriginPolicy: Host on a loopback bind")
struct HostPolicyTests {
    @Test("A loopback bind answers only to loopback names; a request without Host is let through")
    func loopbackHosts() {
        let policy = OriginPolicy(allowedOrigins: [], loopbackHostOnly: true)
        for host in ["127.0.0.1:8765", "localhost:8765", "LOCALHOST", "[::1]:8765", "127.9.9.9"] {
            #expect(policy.admits(host: host), "\(host)")
        }
        for host in ["attacker.example:8765", "127.0.0.1.nip.io:8765", "dgx-spark:8765", ""] {
            #expect(!policy.admits(host: host), "\(host)")
        }
        #expect(policy.admits(host: nil))
    }

    @Test("A bind beyond loopback (behind a token) answers to any Host")
    func anyHost() {
        #expect(OriginPolicy(allowedOrigins: []).admits(host: "dgx-spark:8765"))
    }
}
