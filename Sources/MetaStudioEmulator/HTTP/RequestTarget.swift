import MetaStudio

/// A request URI split into its raw path and decoded query pairs.
struct RequestTarget: Sendable {
    /// The path as sent (still percent-encoded), without the query.
    var rawPath: String
    /// Query pairs, percent-decoded, in the order received. `+` is kept literally (the SDK encodes spaces as `%20`).
    var query: [(String, String)]

    init(uri: String) {
        let pieces = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        rawPath = pieces.first.map(String.init) ?? "/"
        if rawPath.isEmpty { rawPath = "/" }
        var pairs: [(String, String)] = []
        if pieces.count == 2 {
            for item in pieces[1].split(separator: "&") where !item.isEmpty {
                let kv = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = Self.percentDecode(String(kv[0]))
                let value = kv.count == 2 ? Self.percentDecode(String(kv[1])) : ""
                pairs.append((key, value))
            }
        }
        query = pairs
    }

    /// Decoded, non-empty path segments.
    var segments: [String] { rawPath.split(separator: "/").map { Self.percentDecode(String($0)) } }

    func value(_ name: String) -> String? { query.first { $0.0 == name }?.1 }

    /// Decodes `%XX` exactly as the signer does when it canonicalises a path, so both sides agree.
    static func percentDecode(_ text: String) -> String { Signer.percentDecode(text) }
}
