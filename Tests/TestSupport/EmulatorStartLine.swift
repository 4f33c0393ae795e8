/// The start-up line `preflight emulator` prints first on standard output:
/// `http://127.0.0.1:41234 control-token=<hex>`.
public struct EmulatorStartLine: Sendable, Equatable {
    /// The header the `/__emulator/…` control endpoints read the token from.
    public static let tokenHeader = "X-Emulator-Token"

    /// The base URL, e.g. `http://127.0.0.1:41234`.
    public var baseURL: String
    /// The token the control endpoints require.
    public var controlToken: String

    /// Parses the line; nil when it is not a loopback base URL followed by `control-token=…`.
    public init?(_ line: String) {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count == 2, words[0].hasPrefix("http://127.0.0.1:"), words[1].hasPrefix("control-token=") else { return nil }
        let token = String(words[1].dropFirst("control-token=".count))
        guard !token.isEmpty else { return nil }
        baseURL = words[0]
        controlToken = token
    }
}
