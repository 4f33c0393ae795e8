public import Foundation

/// Settings of one emulator instance: who may call it, which jobs exist at start, where uploads go.
public struct EmulatorConfiguration: Sendable {
    /// The project id every API path must carry (`/v1/{project_id}/…`).
    public var projectID: String
    /// Accepted AK/SK pairs, keyed by access key.
    public var credentials: [String: String]
    /// Accepted IAM tokens for `X-Auth-Token` authentication.
    public var tokens: Set<String>
    /// Jobs that exist when the emulator starts, as job id → state (e.g. `AUTO_VERIFY_FAILED`).
    public var seededJobs: [String: String]
    /// Folder receiving uploaded parts and assembled files; `nil` means a fresh temporary folder,
    /// removed again by ``EmulatorServer/shutdown(gracePeriod:)``.
    public var storageDirectory: URL?
    /// Largest accepted difference between `X-Sdk-Date` and the emulator's clock.
    public var maxClockSkew: Duration
    /// Address to bind. Only loopback addresses are accepted unless ``allowNonLoopback`` is set.
    public var host: String
    /// Must be set explicitly to bind anything other than a loopback address.
    public var allowNonLoopback: Bool
    /// The most bytes one PUT to an upload URL may carry; a longer body is answered 400 `EntityTooLarge` and the
    /// connection closed. Defaults to ``defaultMaximumUploadSize``.
    public var maximumUploadSize: Int64
    /// 5 GiB, OBS's limit for one PUT.
    public static let defaultMaximumUploadSize: Int64 = 5 * 1024 * 1024 * 1024
    /// Called once per finished request (never with secrets: method, path without query, status).
    public var onRequest: (@Sendable (ReceivedRequest) -> Void)?
    /// How long a client may go quiet while sending a request body, or between an answer and its next request, before
    /// the emulator closes the connection (75 s by default: longer than clients' own idle timeouts).
    public var idleTimeout: Duration = .seconds(75)
    /// How long the first request's head (request line and headers) may take to arrive, counted from the
    /// connection's start (10 s by default): a client that trickles a header is cut off.
    public var headerTimeout: Duration = .seconds(10)

    /// Creates a configuration.
    /// - Parameters:
    ///   - projectID: the project id expected in every API path.
    ///   - credentials: accepted access key → secret key pairs.
    ///   - tokens: accepted `X-Auth-Token` values.
    ///   - seededJobs: jobs to create at start, job id → state.
    ///   - storageDirectory: where uploads are stored; `nil` for a fresh temporary folder.
    ///   - maxClockSkew: the tolerated `X-Sdk-Date` skew (15 minutes by default, like the service).
    ///   - host: the address to bind (`127.0.0.1` by default).
    ///   - allowNonLoopback: opt-in for binding a non-loopback address.
    ///   - maximumUploadSize: the most bytes one upload PUT may carry.
    ///   - onRequest: an observer called after each request, e.g. for a log line.
    public init(
        projectID: String,
        credentials: [String: String] = [:],
        tokens: Set<String> = [],
        seededJobs: [String: String] = [:],
        storageDirectory: URL? = nil,
        maxClockSkew: Duration = .seconds(15 * 60),
        host: String = "127.0.0.1",
        allowNonLoopback: Bool = false,
        maximumUploadSize: Int64 = EmulatorConfiguration.defaultMaximumUploadSize,
        onRequest: (@Sendable (ReceivedRequest) -> Void)? = nil
    ) {
        self.projectID = projectID
        self.credentials = credentials
        self.tokens = tokens
        self.seededJobs = seededJobs
        self.storageDirectory = storageDirectory
        self.maxClockSkew = maxClockSkew
        self.host = host
        self.allowNonLoopback = allowNonLoopback
        self.maximumUploadSize = maximumUploadSize
        self.onRequest = onRequest
    }
}

/// Errors raised by the emulator's own API (not HTTP errors sent to clients).
public struct EmulatorError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, without secrets.
    public let description: String

    init(_ description: String) { self.description = description }

    static func nonLoopbackHost(_ host: String) -> EmulatorError {
        EmulatorError("emulator: refusing to bind \(host): only loopback addresses are allowed unless allowNonLoopback is set")
    }
    static func alreadyStarted() -> EmulatorError { EmulatorError("emulator: start() was already called") }
    static func invalidJobID(_ id: String) -> EmulatorError {
        EmulatorError("emulator: '\(id)' is not a job id; use 1 to 64 letters, digits, '-' or '_'")
    }
    static func unknownState(_ state: String, job: String) -> EmulatorError {
        EmulatorError("emulator: seeded job \(job) has unknown state \(state); use a state of the contract, e.g. AUTO_VERIFY_FAILED")
    }
}
