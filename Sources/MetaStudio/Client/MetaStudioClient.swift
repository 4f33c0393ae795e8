public import AsyncHTTPClient
public import Foundation
public import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// A client of the MetaStudio 2D model-training job API (create, show, list, update, delete, execute command).
///
/// Every call validates its input before touching the network, signs the request (or sends the IAM token),
/// applies explicit deadlines, and retries with exponential backoff and full jitter on HTTP 429, 5xx and
/// connection errors — but only calls that are safe to repeat:
/// - show, list and delete (deleting twice leaves the same state; a second attempt may report the job missing);
/// - the read-only commands `GET_MULTIPART_UPLOADED` and `GET_ACTION_VIDEO_MULTIPART_UPLOADED`.
/// Create, update and every other command are sent once: a repeated create could make a second job, and a
/// repeated update would issue fresh single-use upload URLs and invalidate the ones the first attempt returned.
///
/// Call `shutdown()` when done; a client given an `HTTPClient` leaves that client running.
public final class MetaStudioClient: Sendable, CustomStringConvertible {
    /// The configuration in use.
    public let configuration: MetaStudioClientConfiguration
    private let httpClient: HTTPClient
    private let ownsHTTPClient: Bool
    private let logger: Logger?
    private let clock: @Sendable () -> Date
    private let signer: Signer?
    private let state = ShutdownFlag()

    /// Largest response body read into memory.
    static let maxResponseBytes = 16 * 1024 * 1024

    /// Creates a client.
    /// - Parameters:
    ///   - configuration: endpoint, credentials, project, timeouts and retry policy.
    ///   - httpClient: an HTTP client to use; when nil the client makes its own and `shutdown()` closes it.
    ///   - logger: receives one line per attempt (method, path without query, status, request id, attempt); never secrets.
    ///   - clock: the signing time source (tests inject a fixed date).
    public init(configuration: MetaStudioClientConfiguration, httpClient: HTTPClient? = nil, logger: Logger? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        if let httpClient {
            self.httpClient = httpClient
            self.ownsHTTPClient = false
        } else {
            var http = HTTPClient.Configuration(
                redirectConfiguration: .disallow,
                timeout: .init(connect: configuration.connectTimeout, read: configuration.requestTimeout))
            http.decompression = .disabled
            self.httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: http)
            self.ownsHTTPClient = true
        }
        self.logger = logger
        self.clock = clock
        if case .accessKey(let ak, let sk, _) = configuration.credentials {
            signer = Signer(accessKey: ak, secretKey: sk)
        } else {
            signer = nil
        }
    }

    /// Shuts the owned HTTP client down; later calls fail with `MetaStudioClientError.shutdown`. Safe to call twice.
    public func shutdown() async throws {
        guard state.markShutDown() else { return }
        if ownsHTTPClient { try await httpClient.shutdown() }
    }

    deinit {
        // Safety net for callers that forget `shutdown()`: start an asynchronous shutdown of the owned client
        // (it keeps itself alive until done) instead of leaking it or tripping AsyncHTTPClient's debug check.
        if ownsHTTPClient, state.markShutDown() { _ = httpClient.shutdown() }
    }

    /// Endpoint and project; no secrets.
    public var description: String {
        "MetaStudioClient(endpoint: \(configuration.endpoint), project: \(configuration.projectID), "
            + "credentials: \(configuration.credentials))"
    }

    // MARK: - Calls

    /// Creates a training job and returns its id and upload URLs. Sent once (never retried).
    public func createJob(_ request: CreateTrainingJobRequest) async throws -> MetaStudioResponse<TrainingJobUploadURLs> {
        let path = jobsPath()
        try request.validate(request: label(.POST, path))
        return try await perform(.POST, path: path, body: try encode(request), retryable: false)
    }

    /// Shows one job with all its details. Retried when safe.
    public func showJob(jobID: String) async throws -> MetaStudioResponse<TrainingJob> {
        let path = try jobPath(jobID, method: .GET)
        return try await perform(.GET, path: path, retryable: true)
    }

    /// Lists jobs, one page at a time. Retried when safe.
    public func listJobs(_ query: ListTrainingJobsQuery = ListTrainingJobsQuery()) async throws
        -> MetaStudioResponse<TrainingJobList> {
        let path = jobsPath()
        try query.validate(request: label(.GET, path))
        return try await perform(.GET, path: path, query: query.queryItems, retryable: true)
    }

    /// Updates a job rejected by review (`AUTO_VERIFY_FAILED` / `MANUAL_VERIFY_FAILED`) and returns fresh upload
    /// URLs. Sent once (never retried): each success issues new single-use URLs.
    public func updateJob(jobID: String, _ request: UpdateTrainingJobRequest) async throws
        -> MetaStudioResponse<TrainingJobUploadURLs> {
        let path = try jobPath(jobID, method: .PUT)
        try request.validate(request: label(.PUT, path))
        return try await perform(.PUT, path: path, body: try encode(request), retryable: false)
    }

    /// Deletes a job and its files. Retried when safe.
    public func deleteJob(jobID: String) async throws -> MetaStudioResponse<EmptyBody> {
        let path = try jobPath(jobID, method: .DELETE)
        return try await perform(.DELETE, path: path, retryable: true)
    }

    /// Executes a command on a job. Only the read-only commands are retried. A 200 answer can still report a
    /// refusal: check `body.succeeded`.
    public func executeCommand(jobID: String, _ request: TrainingCommandRequest) async throws
        -> MetaStudioResponse<TrainingCommandResponse> {
        let path = try jobPath(jobID, method: .POST) + "/command"
        try request.validate(request: label(.POST, path))
        return try await perform(.POST, path: path, body: try encode(request), retryable: request.command.isReadOnly)
    }

    /// Executes a command given only by name.
    public func executeCommand(jobID: String, _ command: TrainingCommand) async throws
        -> MetaStudioResponse<TrainingCommandResponse> {
        try await executeCommand(jobID: jobID, TrainingCommandRequest(command: command))
    }

    // MARK: - Paths

    private func jobsPath() -> String {
        "\(configuration.endpoint.basePath)/v1/\(Signer.percentEncode(configuration.projectID))"
            + "/digital-human-training-manage/user/jobs"
    }

    private func jobPath(_ jobID: String, method: HTTPMethod) throws -> String {
        try Validate.identifier(jobID, "job_id", request: label(method, jobsPath() + "/{job_id}"))
        return jobsPath() + "/" + Signer.percentEncode(jobID)
    }

    private func label(_ method: HTTPMethod, _ path: String) -> String { "\(method.rawValue) \(path)" }

    private func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = StableJSON.encoder()
        return Array(try encoder.encode(value))
    }

    // MARK: - Transport

    private func perform<Body: Decodable & Sendable>(
        _ method: HTTPMethod, path: String, query: [(name: String, value: String)] = [], body: [UInt8]? = nil,
        retryable: Bool
    ) async throws -> MetaStudioResponse<Body> {
        let name = label(method, path)
        try Validate.appUserID(configuration.appUserID, request: name)
        guard !state.isShutDown else { throw MetaStudioClientError.shutdown(request: name) }
        let policy = retryable ? configuration.retry : .never
        var attempts = 0
        let outcome: Outcome
        do {
            outcome = try await policy.run { attempt in
                attempts = attempt
                let answer: Outcome
                do {
                    answer = try await send(method, path: path, query: query, body: body, name: name, attempt: attempt)
                } catch let error as TransportFailure {
                    logger?.warning("MetaStudio request failed", metadata: [
                        "method": "\(method.rawValue)", "path": "\(path)", "attempt": "\(attempt)",
                        "error": "\(error.detail)",
                    ])
                    throw error
                }
                if RetryPolicy.isRetryable(status: answer.status) { throw RetryableStatus(outcome: answer) }
                return answer
            } shouldRetry: { error, _ in
                error is TransportFailure || error is RetryableStatus
            }
        } catch let error as TransportFailure {
            throw error.isTimeout
                ? MetaStudioClientError.timeout(request: name, attempts: attempts, detail: error.detail)
                : MetaStudioClientError.connection(request: name, attempts: attempts, detail: error.detail)
        } catch let error as RetryableStatus {
            outcome = error.outcome
        }
        if (200..<300).contains(outcome.status) {
            return MetaStudioResponse(
                body: try decode(Body.self, outcome, name: name), requestID: outcome.requestID,
                statusCode: outcome.status, attempts: attempts)
        }
        throw MetaStudioServiceError(
            statusCode: outcome.status, body: outcome.body, requestID: outcome.requestID, request: name)
    }

    /// An answer worth another attempt (429, 5xx); the last one is reported as the service's error.
    private struct RetryableStatus: Error {
        let outcome: Outcome
    }

    private struct Outcome {
        let status: Int
        let requestID: String?
        let body: [UInt8]
    }

    /// A failure below HTTP: no status was received.
    private struct TransportFailure: Error {
        let detail: String
        let isTimeout: Bool
    }

    private func send(
        _ method: HTTPMethod, path: String, query: [(name: String, value: String)], body: [UInt8]?, name: String,
        attempt: Int
    ) async throws -> Outcome {
        var headers: [(name: String, value: String)] = [
            (name: "Content-Type", value: "application/json"),
            (name: "User-Agent", value: configuration.userAgent),
            (name: "X-Project-Id", value: configuration.projectID),
        ]
        if let appUserID = configuration.appUserID { headers.append((name: "X-App-UserId", value: appUserID)) }
        let signable = SignableRequest(
            method: method.rawValue, host: configuration.endpoint.authority, path: path, query: query,
            headers: headers, body: body)
        switch configuration.credentials {
        case .accessKey(_, _, let securityToken):
            var withToken = signable
            if let securityToken { withToken.headers.append((name: "X-Security-Token", value: securityToken)) }
            headers = signer.map { $0.sign(withToken, date: clock()) } ?? withToken.headers
        case .token(let token):
            headers.append((name: "X-Auth-Token", value: token))
            headers.append((name: "Host", value: configuration.endpoint.authority))
        }

        let url = "\(configuration.endpoint.scheme)://\(configuration.endpoint.authority)\(signable.uri)"
        var request = HTTPClientRequest(url: url)
        request.method = method
        for header in headers { request.headers.add(name: header.name, value: header.value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }

        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await httpClient.execute(request, timeout: configuration.requestTimeout)
            bytes = try await response.body.collect(upTo: Self.maxResponseBytes)
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as HTTPClientError {
            if error == .alreadyShutdown { throw MetaStudioClientError.shutdown(request: name) }
            if error == .cancelled, Task.isCancelled { throw CancellationError() }
            let timeouts: [HTTPClientError] = [
                .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .tlsHandshakeTimeout,
                .getConnectionFromPoolTimeout,
            ]
            throw TransportFailure(detail: "\(error)", isTimeout: timeouts.contains(error))
        } catch {
            throw TransportFailure(detail: "\(error)", isTimeout: false)
        }

        let requestID = response.headers.first(name: "X-Request-Id")
        logger?.info("MetaStudio response", metadata: [
            "method": "\(method.rawValue)", "path": "\(path)", "status": "\(response.status.code)",
            "request_id": "\(requestID ?? "-")", "attempt": "\(attempt)",
        ])
        return Outcome(status: Int(response.status.code), requestID: requestID, body: Array(buffer: bytes))
    }

    private func decode<Body: Decodable>(_ type: Body.Type, _ outcome: Outcome, name: String) throws -> Body {
        if Body.self == EmptyBody.self, let empty = EmptyBody() as? Body { return empty }
        do {
            return try JSONDecoder().decode(Body.self, from: Data(outcome.body))
        } catch {
            throw MetaStudioClientError.invalidResponse(
                request: name, requestID: outcome.requestID, detail: Self.describe(error))
        }
    }

    /// A short description of a decoding error: the failing key path and problem, never the body.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not valid JSON" }
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return text.isEmpty ? "the body" : text
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)): required field \(key.stringValue) missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context)): wrong type"
        case .dataCorrupted(let context): return "\(path(context)): not valid JSON"
        @unknown default: return "not decodable"
        }
    }
}

/// A thread-safe one-way flag recording that the client was shut down.
private struct ShutdownFlag: Sendable {
    private let shutDown = NIOLockedValueBox(false)

    var isShutDown: Bool { shutDown.withLockedValue { $0 } }

    /// Sets the flag; returns false when it was already set.
    func markShutDown() -> Bool {
        shutDown.withLockedValue { value in
            defer { value = true }
            return !value
        }
    }
}
