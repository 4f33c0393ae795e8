/// A decoded service answer together with the response facts worth keeping.
public struct MetaStudioResponse<Body: Sendable>: Sendable {
    /// The decoded body.
    public let body: Body
    /// The `X-Request-Id` response header, to quote when asking for support.
    public let requestID: String?
    /// The HTTP status (2xx).
    public let statusCode: Int
    /// How many attempts the call took (1 when it was not retried).
    public let attempts: Int

    /// Creates a response.
    public init(body: Body, requestID: String?, statusCode: Int, attempts: Int) {
        self.body = body
        self.requestID = requestID
        self.statusCode = statusCode
        self.attempts = attempts
    }
}

/// The body of a response that carries no fields (Delete).
public struct EmptyBody: Codable, Hashable, Sendable {
    /// Creates the empty body.
    public init() {}
}
