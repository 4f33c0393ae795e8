public import Foundation
import MetaStudio
import MetaStudioUpload
public import Preflight
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
    private let runtime = LockedBox(Runtime())

    private struct Runtime {
        var started = false
        var stopped = false
        var serverChannel: (any Channel)?
        var acceptTask: Task<Void, Never>?
        var connections: [ObjectIdentifier: (channel: any Channel, task: Task<Void, Never>?)] = [:]
        var baseURL: URL?
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
    public var baseURL: URL? { runtime.withLock { $0.baseURL } }

    /// Binds the configured host and starts serving.
    /// - Parameter port: the TCP port; `0` picks a free one.
    /// - Returns: the base URL with the real port, e.g. `http://127.0.0.1:41234`.
    public func start(port: Int = 0) async throws -> URL {
        try runtime.withLock { state in
            guard !state.started else { throw EmulatorError.alreadyStarted() }
            state.started = true
        }
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .bind(host: configuration.host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(wrappingChannelSynchronously: channel)
                }
            }
        guard let address = server.channel.localAddress, let boundPort = address.port, let ip = address.ipAddress,
              let url = URL(string: "http://\(ip.contains(":") ? "[\(ip)]" : ip):\(boundPort)")
        else {
            try? await server.channel.close()
            throw EmulatorError("emulator: could not read the bound address")
        }
        store.setBaseURL(url.absoluteString)
        let handler = ConnectionHandler(
            projectID: configuration.projectID, store: store,
            api: JobAPI(store: store, review: AutomatedReview(), threadPool: .singleton), faults: faults, log: log,
            authenticator: RequestAuthenticator(
                credentials: configuration.credentials, tokens: configuration.tokens,
                maxClockSkew: configuration.maxClockSkew),
            threadPool: .singleton)
        let acceptTask = Task { await self.accept(server, handler: handler) }
        runtime.withLock { state in
            state.serverChannel = server.channel
            state.acceptTask = acceptTask
            state.baseURL = url
        }
        return url
    }

    private func accept(_ server: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>, handler: ConnectionHandler) async {
        do {
            try await server.executeThenClose { inbound in
                for try await connection in inbound {
                    let id = ObjectIdentifier(connection.channel)
                    let accepted = runtime.withLock { state -> Bool in
                        guard !state.stopped else { return false }
                        state.connections[id] = (connection.channel, nil)
                        return true
                    }
                    guard accepted else {
                        connection.channel.close(promise: nil)
                        continue
                    }
                    let task = Task {
                        await handler.serve(connection)
                        self.runtime.withLock { _ = $0.connections.removeValue(forKey: id) }
                    }
                    runtime.withLock { state in
                        if state.connections[id] != nil { state.connections[id]?.task = task }
                    }
                }
            }
        } catch {
            // The listening socket was closed by shutdown().
        }
    }

    /// Stops listening, closes open connections (cancelling requests in flight) and waits for them.
    /// A temporary storage folder is removed; a configured one is kept.
    public func shutdown() async throws {
        let (server, acceptTask, connections) = runtime.withLock { state in
            state.stopped = true
            let taken = (state.serverChannel, state.acceptTask, Array(state.connections.values))
            state.serverChannel = nil
            state.acceptTask = nil
            return taken
        }
        try? await server?.close()
        await acceptTask?.value
        for connection in connections {
            connection.task?.cancel()
            connection.channel.close(promise: nil)
        }
        for connection in connections { await connection.task?.value }
        let remaining = runtime.withLock { state in Array(state.connections.values) }
        for connection in remaining {
            connection.task?.cancel()
            connection.channel.close(promise: nil)
            await connection.task?.value
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
