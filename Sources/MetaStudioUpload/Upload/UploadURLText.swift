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

    /// Why an upload URL must not be used, or `nil` when it may: it must be `https`, or plain `http` to a loopback
    /// address (the emulator); anything else (`http` to another host, `http+unix`, `file`, no host) is refused, so a
    /// tampered journal or a wrong answer cannot send the files elsewhere in clear text.
    package static func problem(_ url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else {
            return "it is not an absolute URL with a host"
        }
        switch scheme {
        case "https": return nil
        case "http": return MetaStudioEndpoint.isLoopback(host) ? nil : "plain http to \(host), not https"
        default: return "its scheme is \(scheme), not https"
        }
    }
}
