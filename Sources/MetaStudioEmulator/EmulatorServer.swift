public import Foundation
import MetaStudio
import MetaStudioUpload
public import Preflight
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A loopback emulator of the MetaStudio 2D training-job API and of its upload URLs, for tests and local runs.
///
/// ```swift
/// let server = try EmulatorServer(configuration: .init(projectID: "p1", credentials: ["AK": "SK"]))
/// let baseURL = try await server.start()          // e.g. http://127.0.0.1:41234
/// server.injectFault(.status(503), matching: .api(method: "POST"), times: 1)
/// // … run a client against baseURL …
/// print(server.receivedRequests().map(\.status))
/// try await server.shutdown()
/// ```
///
/// Choices where the contract is silent (the service's real answers are undocumented):
/// * Errors: 400 `MSS.00000002` bad body field, `MSS.10000002` not JSON, `MSS.00000003` bad query parameter,
///   `MSS.10000003` call not allowed in the job's state (the message names the state and the allowed ones),
///   `MSS.00010009` wrong project id, 404 `MSS.00000003` unknown job, 404 `APIGW.0101` unknown path,
///   400 `MSS.00010004` wrong method, 401 `APIGW.0301` every authentication failure.
/// * Create and Update return one URL per part (`video_multipart_count`, default 1, also for Update); an Update
///   starts a new upload round: earlier URLs and unconfirmed parts are void, assembled files are kept.
/// * Upload URLs: PUT only (405), exact content type (400 `InvalidArgument`), unknown/used/tampered/expired
///   (24 h) → 403 `AccessDenied`, OBS-style XML errors; 200 with `ETag` = quoted hex MD5. Part sizes are not checked.
/// * `CONFIRM_*_MULTIPART_UPLOADED` with parts missing → 200 `EXCUTE_FAILED` with `excute_failed_msg` and
///   `error_info`; complete → parts concatenated in part order. Allowed in WAIT_FILE_UPLOAD and *_VERIFY_FAILED.
/// * `SUBMITVERIFYING` (from WAIT_FILE_UPLOAD, or *_VERIFY_FAILED after an Update) reviews synchronously with
///   the project's linter before answering: AUTO_VERIFY_FAILED (`SYSTEM_VERIFY_FAILED`, `44005901` for the
///   resolution rule) or MANUAL_VERIFYING (`SYSTEM_VERIFY_SUCCESS`). Later states are set with ``setJobState(_:_:)``.
/// * NA commands: CONFIRM_ACCEPT/REJECT/PENDING from WAIT_USER_CONFIRM (→ JOB_FINISH/JOB_REJECT/JOB_PENDING),
///   CONFIRM_ACTIVE from JOB_PENDING, CONFIRM_ANSWER leaves the state; CONFIRM_REPAIR needs JOB_SUCCESS.
public final class EmulatorServer: Sendable {
    /// The configuration the server was created with.
    public let configuration: EmulatorConfiguration
    /// Where uploads and assembled files are stored.
    public let storageDirectory: URL

    let store: JobStore
    let faults = FaultRegistry()
    let log: RequestLog
    private let ownsStorage: Bool
    private let lifecycle = NIOLockedValueBox(Lifecycle.created)
    /// Set once shutdown begins: connections answer their current request with `Connection: close` and end.
    private let draining = NIOLockedValueBox(false)

    /// Where the server is in its life. There is no list of connections: each lives in a child task of ``run(_:handler:)``.
    private enum Lifecycle {
        case created
        case starting
        case running(listener: any Channel, serving: Task<Void, Never>, baseURL: URL)
        case stopped
    }

    /// Creates a server (not yet listening).
    /// - Throws: ``EmulatorError`` for a non-loopback host without `allowNonLoopback`, a seeded job with an
    ///   unknown state, or a storage folder that cannot be created.
    public init(configuration: EmulatorConfiguration) throws {
        guard configuration.allowNonLoopback || MetaStudioEndpoint.isLoopback(configuration.host) else {
            throw EmulatorError.nonLoopbackHost(configuration.host)
        }
        self.configuration = configuration
        if let directory = configuration.storageDirectory {
            storageDirectory = directory
            ownsStorage = false
        } else {
            storageDirectory = FileManager.default.temporaryDirectory
                .appendingPathComponent("metastudio-emulator-\(Randomness.hex(bytes: 8))", isDirectory: true)
            ownsStorage = true
        }
        do {
            try FileManager.default.createDirectory(at: storageDirectory, withIntermediateDirectories: true)
        } catch {
            throw EmulatorError("emulator: cannot create the storage folder \(storageDirectory.path): \(error.localizedDescription)")
        }
        store = try JobStore(projectID: configuration.projectID, storageRoot: storageDirectory, seeded: configuration.seededJobs,
                             maximumUploadSize: configuration.maximumUploadSize)
        log = RequestLog(observer: configuration.onRequest)
    }

    /// The base URL once started (e.g. `http://127.0.0.1:41234`), else `nil`.
    public var baseURL: URL? {
        lifecycle.withLockedValue { state in
            if case .running(_, _, let baseURL) = state { return baseURL }
            return nil
        }
    }

    /// Binds the configured host and starts serving in a task of its own (``run(_:handler:)``).
    /// - Parameter port: the TCP port; `0` picks a free one.
    /// - Returns: the base URL with the real port, e.g. `http://127.0.0.1:41234`.
    public func start(port: Int = 0) async throws -> URL {
        try lifecycle.withLockedValue { state in
            guard case .created = state else { throw EmulatorError.alreadyStarted() }
            state = .starting
        }
        // Connections go through an inbox of ours rather than the listener's async inbound stream, which can drop
        // (and so trap on) a connection still being set up when the listener closes (swift-nio#2637).
        let inbox = ConnectionInbox<Connection>(close: { connection in
            Task { try? await connection.executeThenClose { _, _ in } }
        })
        let server: any Channel
        do {
            server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(ChannelOptions.backlog, value: 256)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
                .childChannelInitializer { [configuration] channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                        try channel.pipeline.syncOperations.addHandler(ConnectionDeadlines(
                            idleTimeout: configuration.idleTimeout, headerTimeout: configuration.headerTimeout))
                        inbox.deliver(try Connection(wrappingChannelSynchronously: channel))
                    }
                }
                .bind(host: configuration.host, port: port).get()
        } catch {
            lifecycle.withLockedValue { $0 = .stopped }
            throw error
        }
        server.closeFuture.whenComplete { _ in inbox.finish() }
        guard let address = server.localAddress, let boundPort = address.port, let ip = address.ipAddress,
              let url = URL(string: "http://\(ip.contains(":") ? "[\(ip)]" : ip):\(boundPort)")
        else {
            try? await server.close()
            lifecycle.withLockedValue { $0 = .stopped }
            throw EmulatorError("emulator: could not read the bound address")
        }
        store.setBaseURL(url.absoluteString)
        let handler = ConnectionHandler(
            projectID: configuration.projectID, store: store,
            api: JobAPI(store: store, review: AutomatedReview(), threadPool: .singleton), faults: faults, log: log,
            authenticator: RequestAuthenticator(
                credentials: configuration.credentials, tokens: configuration.tokens,
                maxClockSkew: configuration.maxClockSkew),
            threadPool: .singleton, draining: draining)
        let serving = Task { await self.run(inbox, handler: handler) }
        let running = lifecycle.withLockedValue { state -> Bool in
            guard case .starting = state else { return false }
            state = .running(listener: server, serving: serving, baseURL: url)
            return true
        }
        guard running else {
            // shutdown() came while binding: close what was just opened.
            try? await server.close()
            serving.cancel()
            await serving.value
            throw EmulatorError("emulator: shut down while starting")
        }
        return url
    }

    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    /// Serves the connections the listener accepts, each in a child task of a discarding task group, and returns
    /// once the listener has closed and every connection has ended. Cancelling the calling task ends the
    /// connections still open; every accepted connection is still taken from the inbox and closed.
    func run(_ inbox: ConnectionInbox<Connection>, handler: ConnectionHandler) async {
        await withDiscardingTaskGroup { group in
            while let connection = await inbox.next() {
                group.addTask { await handler.serve(connection) }
            }
        }
    }

    /// Shuts down gracefully: stops accepting, lets each connection finish the request it is serving (answered
    /// with `Connection: close`) for up to `gracePeriod`, then cancels what is still open (idle keep-alive
    /// connections, requests that outlast the grace period) and waits for it.
    /// A temporary storage folder is removed; a configured one is kept.
    /// - Parameter gracePeriod: how long requests in flight may take to finish.
    public func shutdown(gracePeriod: Duration = .seconds(1)) async throws {
        let running = lifecycle.withLockedValue { state -> (listener: any Channel, serving: Task<Void, Never>)? in
            defer { state = .stopped }
            if case .running(let listener, let serving, _) = state { return (listener, serving) }
            return nil
        }
        if let running {
            draining.withLockedValue { $0 = true }
            try? await running.listener.close()
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    guard (try? await Task.sleep(for: gracePeriod)) != nil else { return }
                    running.serving.cancel()
                }
                await running.serving.value
                group.cancelAll()
            }
        }
        if ownsStorage {
            let storageDirectory = self.storageDirectory
            try? await NIOThreadPool.singleton.runIfActive { try? FileManager.default.removeItem(at: storageDirectory) }
        }
    }

    // MARK: - Test API

    /// The token the `/__emulator/…` control endpoints require in their `X-Emulator-Token` header.
    public var controlToken: String { store.controlToken }

    /// Plays `fault` on the next `times` requests that `matcher` selects (faults are used in injection order).
    public func injectFault(_ fault: EmulatorFault, matching matcher: FaultMatcher = .any, times: Int = 1) {
        faults.add(fault, matching: matcher, times: times)
    }

    /// Removes every pending fault.
    public func clearFaults() { faults.removeAll() }

    /// The API and upload requests handled so far, oldest first (control-endpoint calls are not listed).
    public func receivedRequests() -> [ReceivedRequest] { log.all }

    /// The state of a job, or `nil` if it does not exist.
    public func jobState(_ jobID: String) -> String? { store.state(jobID) }

    /// A snapshot of a job (state, operation logs, uploaded parts), or `nil` if it does not exist.
    public func job(_ jobID: String) -> JobSnapshot? { store.snapshot(jobID) }

    /// Sets a job's state (creating a bare job when the id is unknown), e.g. to play a manual review.
    /// - Throws: ``EmulatorError`` for a state the contract does not list.
    public func setJobState(_ jobID: String, _ state: String) throws {
        try store.setState(jobID, state)
    }

    /// The stored file of a role: for videos the file assembled by the CONFIRM command, for the other roles the
    /// uploaded file; `nil` until there is one.
    public func storedFileURL(jobID: String, role: Role) -> URL? { store.storedFile(jobID, role: role) }

    /// The parts received for a role in the job's current upload round, by part number.
    public func uploadedParts(jobID: String, role: Role) -> [UploadedPart] { store.uploadedParts(jobID, role: role) }
}
