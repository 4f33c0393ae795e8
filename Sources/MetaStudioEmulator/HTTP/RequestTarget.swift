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

    /// Decodes `%XX`; malformed escapes stay as they are.
    static func percentDecode(_ text: String) -> String {
        guard text.contains("%") else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
