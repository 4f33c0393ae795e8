public import Foundation

/// A request as the signer sees it: method, host, resource path, query, headers and body.
///
/// The path is the resource path as it will be sent (already percent-encoded where needed, without the
/// query). Query parameters are decoded name/value pairs; list values are given as repeated pairs and
/// booleans as `true`/`false`.
public struct SignableRequest: Sendable {
    /// The HTTP method, such as `GET` or `PUT`.
    public var method: String
    /// The authority the request goes to: the host, with `:port` when the URL names one.
    public var host: String
    /// The resource path as sent, percent-encoded, without the query.
    public var path: String
    /// Decoded query parameters in the order given.
    public var query: [(name: String, value: String)]
    /// Headers in the order given, with their original spelling.
    public var headers: [(name: String, value: String)]
    /// The body bytes, or `nil` for a request without a body.
    public var body: [UInt8]?

    /// Creates a request from its parts.
    public init(
        method: String,
        host: String,
        path: String,
        query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [],
        body: [UInt8]? = nil
    ) {
        self.method = method
        self.host = host
        self.path = path.isEmpty ? "/" : path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// Creates a request from a URL; the URL's host (and port), percent-encoded path and decoded query are used.
    /// - Returns: `nil` when the URL has no host.
    public init?(
        method: String,
        url: URL,
        headers: [(name: String, value: String)] = [],
        body: [UInt8]? = nil
    ) {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
              let host = components.percentEncodedHost, !host.isEmpty
        else { return nil }
        var authority = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        if let port = components.port { authority += ":\(port)" }
        let query = (components.queryItems ?? []).map { (name: $0.name, value: $0.value ?? "") }
        self.init(
            method: method, host: authority, path: components.percentEncodedPath,
            query: query, headers: headers, body: body)
    }

    /// The path and canonical query as they go on the request line (`/path?a=1&b=2`).
    public var uri: String {
        let canonicalQuery = Signer.canonicalQueryString(query)
        return canonicalQuery.isEmpty ? path : "\(path)?\(canonicalQuery)"
    }

    /// The value of a header, matched without regard to case.
    func header(named name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }
}
