import Foundation

/// Makes URLs safe to display: signed upload URLs carry their credentials in the query string.
package enum URLRedaction {
    /// Scheme, host, port and path of a URL, with any query replaced by `?…` and user info and fragment dropped.
    ///
    /// `https://bucket.obs.example.com/video.mp4?AccessKeyId=…&Signature=…` becomes
    /// `https://bucket.obs.example.com/video.mp4?…`. Text that is not a URL keeps only what precedes `?` and `#`.
    package static func redact(_ url: String) -> String {
        let hasQuery = url.contains("?")
        if var components = URLComponents(string: url), components.scheme != nil, components.percentEncodedHost != nil {
            components.user = nil
            components.password = nil
            components.query = nil
            components.fragment = nil
            if let base = components.string { return base + (hasQuery ? "?…" : "") }
        }
        let head = url.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let noFragment = head.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        // Drop user info (`scheme://user:password@host`) from unparseable text too.
        var display = noFragment
        if let schemeEnd = display.range(of: "://"), let at = display[schemeEnd.upperBound...].firstIndex(of: "@"),
           !display[schemeEnd.upperBound..<at].contains("/") {
            display.removeSubrange(schemeEnd.upperBound...at)
        }
        return display + (hasQuery ? "?…" : "")
    }
}
