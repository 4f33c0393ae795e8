import Foundation
import MetaStudio

/// Signed URLs shown safely: scheme, host, port and path, never the query (it holds the signature).
package enum UploadURLText {
    /// `https://host/path?…` for a URL with a query, `https://host/path` otherwise (see `URLRedaction`).
    package static func redacted(_ url: String) -> String {
        URLRedaction.redact(url)
    }

    /// Removes any copy of `url`'s query string from `text`.
    static func scrub(_ text: String, url: String) -> String {
        guard let query = URLComponents(string: url)?.percentEncodedQuery, !query.isEmpty else { return text }
        return text.replacingOccurrences(of: query, with: "…")
    }
}
