/// An error raised by the client itself (bad input, configuration, transport), before or instead of a service answer.
///
/// Compare with the static members to tell kinds apart (`error == .invalidField`); equality looks only at the
/// kind, so the set of kinds can grow without breaking callers. Messages never contain secrets.
public struct MetaStudioClientError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: String, Hashable, Sendable {
        case invalidField, missingCredentials, insecureEndpoint, invalidEndpoint, timeout, connection
        case invalidResponse, shutdown
    }

    private let code: Code
    /// The request field, header or environment variable concerned, when there is one (e.g. `video_multipart_count`).
    public let field: String?
    /// The request concerned as `METHOD /path` without the query, when there is one.
    public let request: String?
    /// What is wrong and what to do next.
    public let message: String

    private init(_ code: Code, field: String? = nil, request: String? = nil, message: String = "") {
        self.code = code
        self.field = field
        self.request = request
        self.message = message
    }

    /// A request field is missing, out of range or not one of the documented values; nothing was sent.
    public static let invalidField = MetaStudioClientError(.invalidField)
    /// No usable credentials (AK/SK or token) were given.
    public static let missingCredentials = MetaStudioClientError(.missingCredentials)
    /// The endpoint is plain HTTP and not a loopback address.
    public static let insecureEndpoint = MetaStudioClientError(.insecureEndpoint)
    /// The endpoint URL or region cannot be used.
    public static let invalidEndpoint = MetaStudioClientError(.invalidEndpoint)
    /// A connect or request deadline passed.
    public static let timeout = MetaStudioClientError(.timeout)
    /// The connection failed or was reset.
    public static let connection = MetaStudioClientError(.connection)
    /// The service answered 2xx with a body this client cannot decode.
    public static let invalidResponse = MetaStudioClientError(.invalidResponse)
    /// The client was used after `shutdown()`.
    public static let shutdown = MetaStudioClientError(.shutdown)

    static func invalid(_ field: String, _ problem: String, request: String? = nil) -> MetaStudioClientError {
        MetaStudioClientError(.invalidField, field: field, request: request,
                              message: "\(field): \(problem). Nothing was sent; fix the value and retry.")
    }

    static func missingCredentials(_ message: String) -> MetaStudioClientError {
        MetaStudioClientError(.missingCredentials, message: message)
    }

    static func insecureEndpoint(_ redactedURL: String) -> MetaStudioClientError {
        MetaStudioClientError(
            .insecureEndpoint, field: "endpoint",
            message: "endpoint \(redactedURL) uses plain HTTP; credentials would travel unencrypted. "
                + "Use https:// (plain http:// is allowed only for loopback hosts such as 127.0.0.1 or localhost).")
    }

    static func invalidEndpoint(_ message: String) -> MetaStudioClientError {
        MetaStudioClientError(.invalidEndpoint, field: "endpoint", message: message)
    }

    static func timeout(request: String, attempts: Int, detail: String) -> MetaStudioClientError {
        MetaStudioClientError(
            .timeout, request: request,
            message: "\(request) timed out (\(detail)) after \(attempts) attempt(s). "
                + "Check the network or endpoint, or raise the timeout, then retry.")
    }

    static func connection(request: String, attempts: Int, detail: String) -> MetaStudioClientError {
        MetaStudioClientError(
            .connection, request: request,
            message: "\(request) failed: connection error (\(detail)) after \(attempts) attempt(s). "
                + "Check that the endpoint is reachable, then retry.")
    }

    static func invalidResponse(request: String, requestID: String?, detail: String) -> MetaStudioClientError {
        MetaStudioClientError(
            .invalidResponse, request: request,
            message: "\(request): the service's answer could not be read (\(detail))"
                + (requestID.map { "; request id \($0)" } ?? "")
                + ". Report it with the request id; the call may have taken effect, so check with show/list before repeating it.")
    }

    static func shutdown(request: String) -> MetaStudioClientError {
        MetaStudioClientError(.shutdown, request: request,
                              message: "\(request): the client was already shut down; create a new client.")
    }

    /// The kind's name and the message.
    public var description: String {
        let text = message.isEmpty ? code.rawValue : message
        // Transport messages already start with the request; validation messages get it prefixed.
        if let request, !text.hasPrefix(request) { return "MetaStudioClientError.\(code.rawValue): \(request): \(text)" }
        return "MetaStudioClientError.\(code.rawValue): \(text)"
    }

    /// Two errors are equal when they are of the same kind.
    public static func == (lhs: MetaStudioClientError, rhs: MetaStudioClientError) -> Bool { lhs.code == rhs.code }

    /// Hashes the kind only, consistently with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
