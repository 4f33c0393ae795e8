package import Foundation

/// The package's one JSON encoder set-up for what it sends, stores and prints: keys sorted, slashes unescaped, dates in
/// ISO 8601, so the same value always gives the same bytes. (The lint report's encoder, in `Preflight`, adds only the
/// spelling of non-finite numbers.)
package enum StableJSON {
    /// A new encoder; `pretty` adds indentation and line breaks for files and terminals.
    package static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
