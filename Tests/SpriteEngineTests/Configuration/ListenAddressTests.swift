import Testing

@testable import SpriteEngine

@Suite("ListenAddress: [HOST:]PORT")
struct ListenAddressTests {
    @Test(
        "Parses a port alone (on 127.0.0.1), host:port and [IPv6]:port",
        arguments: [
            ("8765", "127.0.0.1", 8765), ("0", "127.0.0.1", 0), ("127.0.0.1:8765", "127.0.0.1", 8765),
            ("0.0.0.0:80", "0.0.0.0", 80), ("[::1]:8765", "::1", 8765), ("localhost:1", "localhost", 1),
            ("dgx-spark.lan:8765", "dgx-spark.lan", 8765),
        ]
    )
    func parses(_ text: String, host: String, port: Int) throws {
        let address = try #require(ListenAddress(parsing: text))
        #expect(address == ListenAddress(host: host, port: port))
    }

    @Test("Refuses what is not [HOST:]PORT", arguments: ["", "host", ":80", "host:", "host:65536", "::1:80", "a b:80"])
    func refuses(_ text: String) {
        #expect(ListenAddress(parsing: text) == nil)
    }

    @Test("Loopback is localhost, 127.0.0.0/8 and ::1; everything else needs a token")
    func loopback() throws {
        for text in ["8765", "localhost:1", "127.1.2.3:1", "[::1]:1"] {
            #expect(try #require(ListenAddress(parsing: text)).isLoopback, "\(text)")
        }
        for text in ["0.0.0.0:1", "[::]:1", "192.168.1.5:1", "dgx-spark:1", "127.0.0.1.evil.example:1"] {
            #expect(try !#require(ListenAddress(parsing: text)).isLoopback, "\(text)")
        }
        #expect(ListenAddress(host: "::1", port: 8765).description == "[::1]:8765")
    }
}
