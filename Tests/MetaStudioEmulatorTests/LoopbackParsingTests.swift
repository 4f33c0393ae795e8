import MetaStudio
import Testing

/// The one loopback check parses addresses instead of matching text.
@Suite("Security: loopback addresses are parsed")
struct LoopbackParsingTests {
    @Test("spellings that are not loopback addresses", arguments: ["127.0.0.08", "0127.0.0.1", "127.0.0.1.", "127.0.0.1 ", "127.0.0.256", "127.0.0", "::ffff:10.0.0.1", "::2", "127.evil.com"])
    func notLoopback(host: String) throws {
        #expect(!MetaStudioEndpoint.isLoopback(host))
        #expect(throws: (any Error).self) { _ = try MetaStudioEndpoint(url: "http://\(host):8080") }
    }

    @Test("loopback spellings", arguments: ["localhost", "LOCALHOST", "127.0.0.1", "127.255.0.9", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"])
    func loopback(host: String) {
        #expect(MetaStudioEndpoint.isLoopback(host))
    }
}
