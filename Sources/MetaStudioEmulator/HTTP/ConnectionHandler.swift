import Crypto
import Foundation
import MetaStudio
import MetaStudioUpload
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serves one HTTP/1.1 connection: reads requests in order, dispatches them to the API, the upload
/// receiver or the control endpoints, plays injected faults, and records each request.
///
/// Disk work (writing a body, moving it into place) runs on `threadPool`, never on the cooperative pool or an
/// event loop.
struct ConnectionHandler: Sendable {
    let projectID: String
    let store: JobStore
    let api: JobAPI
    let faults: FaultRegistry
    let log: RequestLog
    let authenticator: RequestAuthenticator
    let threadPool: NIOThreadPool
    /// `true` once the server is shutting down: the request being served is the connection's last.
    let draining: NIOLockedValueBox<Bool>

    /// Largest JSON body accepted by the API and control endpoints.
    static let maxJSONBody = 1 << 20

    /// Thrown to end a connection on purpose (an injected reset).
    struct ConnectionDropped: Error {}

    typealias Outbound = NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>

    func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async {
        let channel = connection.channel
        do {
            try await connection.executeThenClose { inbound, outbound in
                let reader = PartReader(inbound)
                while let head = try await reader.nextHead() {
                    let keepAlive = try await handle(head, reader: reader, outbound: outbound, channel: channel)
                    if !keepAlive || draining.withLockedValue({ $0 }) { return }
                }
            }
        } catch {
            // Resets, truncated bodies and closed sockets end the connection; the request was already recorded.
        }
    }

    private func handle(_ head: HTTPRequestHead, reader: PartReader, outbound: Outbound, channel: any Channel) async throws -> Bool {
        let target = RequestTarget(uri: head.uri)
        let segments = target.segments
        if segments.first == "__emulator" {
            return try await control(head, target: target, reader: reader, outbound: outbound, channel: channel)
        }
        if segments.count == 2, segments[0] == "upload" {
            return try await upload(head, target: target, ticketID: segments[1], reader: reader, outbound: outbound, channel: channel)
        }
        return try await apiCall(head, target: target, reader: reader, outbound: outbound, channel: channel)
    }

    // MARK: - API

    private func apiCall(_ head: HTTPRequestHead, target: RequestTarget, reader: PartReader, outbound: Outbound, channel: any Channel) async throws -> Bool {
        let method = head.method.rawValue
        func record(_ status: Int?) {
            log.record(ReceivedRequest(method: method, path: target.rawPath, status: status, time: Date(), kind: .api))
        }
        let fault = faults.take(for: FaultContext(method: method, path: target.rawPath, isUpload: false))
        switch fault {
        case .status(let status):
            try await reader.drain()
            record(status)
            try await send(.error(.injected(status)), head: head, outbound: outbound)
            return head.isKeepAlive
        case .connectionReset:
            try await reader.drain()
            try await Self.drop(channel, record: record)
        default:
            break
        }
        let throttle = Self.throttle(for: fault)
        guard let body = try await reader.collect(limit: Self.maxJSONBody, throttle: throttle) else {
            let response = EmulatorResponse.error(.invalidBody("the body is larger than \(Self.maxJSONBody) bytes"))
            record(response.status)
            try await send(response, head: head, outbound: outbound)
            return head.isKeepAlive
        }
        let response = await apiResponse(head, target: target, body: body)
        if fault == .dropAnswer { try await Self.drop(channel, record: record) }
        if case .delay(let milliseconds) = fault { try await Task.sleep(for: .milliseconds(milliseconds)) }
        record(response.status)
        try await send(response, head: head, outbound: outbound)
        return head.isKeepAlive
    }

    private func apiResponse(_ head: HTTPRequestHead, target: RequestTarget, body: [UInt8]) async -> EmulatorResponse {
        let method = head.method.rawValue
        let routed: (route: JobAPI.Route, project: String)
        switch JobAPI.route(method: method, segments: target.segments, rawPath: target.rawPath) {
        case .failure(let error): return .error(error)
        case .success(let value): routed = value
        }
        let headers = head.headers.map { ($0.name, $0.value) }
        if let failure = authenticator.check(
            method: method, path: target.rawPath, query: target.query, headers: headers, body: body, now: Date()) {
            return .error(failure)
        }
        guard routed.project == projectID else { return .error(.projectMismatch(routed.project)) }
        if let headerProject = head.headers.first(name: "X-Project-Id"), headerProject != projectID {
            return .error(.projectMismatch(headerProject))
        }
        return await api.handle(routed.route, query: target.query, body: body, appUserID: head.headers.first(name: "X-App-UserId"))
    }

    // MARK: - Uploads

    private func upload(
        _ head: HTTPRequestHead, target: RequestTarget, ticketID: String, reader: PartReader, outbound: Outbound,
        channel: any Channel
    ) async throws -> Bool {
        let method = head.method.rawValue
        let destination = store.ticketTarget(ticketID)
        func record(_ status: Int?) {
            log.record(ReceivedRequest(
                method: method, path: target.rawPath, status: status, time: Date(), kind: .upload,
                uploadRoleName: destination?.role.wire.name, uploadPart: destination?.part))
        }
        func answer(_ response: EmulatorResponse) async throws -> Bool {
            // Logged before the answer goes out: a client that has read the answer always finds the request in the log.
            record(response.status)
            try await send(response, head: head, outbound: outbound)
            return head.isKeepAlive
        }
        guard head.method == .PUT else {
            try await reader.drain()
            return try await answer(.uploadError(UploadError(status: 405, code: "MethodNotAllowed", message: "upload URLs accept PUT only")))
        }
        let fault = faults.take(for: FaultContext(
            method: method, path: target.rawPath, isUpload: true, role: destination?.role, part: destination?.part))
        switch fault {
        case .status(let status):
            try await reader.drain()
            return try await answer(.uploadError(.injected(status)))
        case .connectionReset:
            // Take in about half of the body first, so the client sees the reset mid-upload.
            let declared = head.headers.first(name: "Content-Length").flatMap(Int.init) ?? 0
            var received = 0
            repeat {
                guard let chunk = try await reader.nextChunk() else { break }
                received += chunk.readableBytes
            } while received < declared / 2
            try await Self.drop(channel, record: record)
        default:
            break
        }
        let throttle = Self.throttle(for: fault)

        let lease: UploadLease
        do {
            lease = try store.beginUpload(
                ticketID: ticketID, signature: target.value("signature"), expires: target.value("expires"),
                contentType: head.headers.first(name: "Content-Type"))
        } catch {
            try await reader.drain()
            return try await answer(.uploadError(error))
        }

        let etag: String
        do {
            let received = try await Self.receive(into: lease.temporaryFile, from: reader, throttle: throttle,
                                                  limit: lease.maximumSize, threadPool: threadPool)
            etag = "\"\(received.md5)\""
            let store = self.store
            try await threadPool.runIfActive { try store.finishUpload(lease, etag: etag, size: received.size) }
        } catch let error as UploadError where error.code == "EntityTooLarge" {
            // Answer with Connection: close, so the client does not send its next request on this connection.
            let store = self.store
            try? await threadPool.runIfActive { store.abandonUpload(lease) }
            var refusal = EmulatorResponse.uploadError(error)
            refusal.headers.append(("Connection", "close"))
            _ = try await answer(refusal)
            // Read and drop the rest of a body that is over the limit by little, then close: closing with bytes
            // unread makes the kernel reset the connection, and the client can lose the answer with it. A body far
            // over the limit is not waited for.
            let declared = head.headers.first(name: "Content-Length").flatMap(Int64.init) ?? .max
            if declared - lease.maximumSize <= Self.lingeringDrainLimit { try? await reader.drain() }
            return false
        } catch let error as UploadError {
            return try await answer(.uploadError(error))
        } catch {
            // The body did not arrive completely: the URL stays usable.
            let store = self.store
            try? await threadPool.runIfActive { store.abandonUpload(lease) }
            record(nil)
            throw error
        }
        if fault == .dropAnswer { try await Self.drop(channel, record: record) }
        if case .delay(let milliseconds) = fault { try await Task.sleep(for: .milliseconds(milliseconds)) }
        var response = EmulatorResponse.empty()
        response.headers.append(("ETag", fault == .wrongETag ? Self.damaged(etag) : etag))
        return try await answer(response)
    }

    /// How many bytes past the upload limit are still read (and dropped) after answering `EntityTooLarge`.
    static let lingeringDrainLimit: Int64 = 8 << 20

    /// A quoted hex MD5 with its first digit changed: well-formed, and certainly not the body's.
    static func damaged(_ etag: String) -> String {
        var digits = Array(etag)
        guard digits.count > 1 else { return "\"00000000000000000000000000000000\"" }
        digits[1] = digits[1] == "0" ? "1" : "0"
        return String(digits)
    }

    /// Streams the request body to `file` chunk by chunk, hashing as it goes; never holds the body whole. Opening,
    /// each write and the clean-up run on `threadPool`.
    static func receive(into file: URL, from reader: PartReader, throttle: (Int) async throws -> Void,
                        limit: Int64, threadPool: NIOThreadPool) async throws -> (md5: String, size: Int64) {
        let output = try await threadPool.runIfActive { () throws -> UploadFile in try UploadFile(creating: file) }
        var md5 = Insecure.MD5()
        var size: Int64 = 0
        do {
            while let chunk = try await reader.nextChunk() {
                try await throttle(chunk.readableBytes)
                guard size + Int64(chunk.readableBytes) <= limit else { throw UploadError.tooLarge(limit: limit) }
                chunk.withUnsafeReadableBytes { md5.update(bufferPointer: $0) }
                try await threadPool.runIfActive { try output.write(chunk) }
                size += Int64(chunk.readableBytes)
            }
        } catch {
            try? await threadPool.runIfActive { output.discard() }
            throw error
        }
        try await threadPool.runIfActive { output.close() }
        return (Signer.hex(md5.finalize()), size)
    }

    /// A file being written by one upload: created on open, closed once, removed on discard.
    final class UploadFile: Sendable {
        let url: URL
        private let fd: Int32
        private let closed = NIOLockedValueBox(false)

        init(creating url: URL) throws {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw UploadError.internalError("cannot create a file for the upload (errno \(errno))") }
            self.url = url
            self.fd = fd
        }

        func write(_ chunk: ByteBuffer) throws {
            try chunk.withUnsafeReadableBytes { try ConnectionHandler.writeAll(fd, $0) }
        }

        func close() {
            let wasClosed = closed.withLockedValue { value in defer { value = true }; return value }
            if !wasClosed { closeDescriptor(fd) }
        }

        func discard() {
            close()
            unlink(url.path)
        }

        deinit { close() }
    }

    fileprivate static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            guard let base = bytes.baseAddress else { return }
            let written = write(fd, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw UploadError.internalError("writing the upload to disk failed (errno \(errno))")
            }
            offset += written
        }
    }

    // MARK: - Control endpoints

    private func control(_ head: HTTPRequestHead, target: RequestTarget, reader: PartReader, outbound: Outbound, channel: any Channel) async throws -> Bool {
        let body = try await reader.collect(limit: Self.maxJSONBody)
        let response: EmulatorResponse
        if !Self.isLoopback(channel.remoteAddress) {
            response = .error(APIError(status: 403, code: "EMULATOR.FORBIDDEN", message: "control endpoints answer loopback clients only"))
        } else if let body {
            response = ControlAPI(store: store, faults: faults, log: log)
                .handle(method: head.method.rawValue, segments: target.segments,
                        token: head.headers.first(name: ControlAPI.tokenHeader), body: body)
        } else {
            response = .error(.invalidBody("the body is larger than \(Self.maxJSONBody) bytes"))
        }
        try await send(response, head: head, outbound: outbound)
        return head.isKeepAlive
    }

    static func isLoopback(_ address: SocketAddress?) -> Bool {
        guard let ip = address?.ipAddress else { return false }
        return MetaStudioEndpoint.isLoopback(ip)
    }

    // MARK: - Helpers

    private func send(_ response: EmulatorResponse, head: HTTPRequestHead, outbound: Outbound) async throws {
        var headers = HTTPHeaders()
        for (name, value) in response.headers { headers.add(name: name, value: value) }
        headers.replaceOrAdd(name: "X-Request-Id", value: Randomness.hex(bytes: 16))
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        let closing = response.headers.contains { $0.0.lowercased() == "connection" && $0.1.lowercased() == "close" }
        let keepAlive = head.isKeepAlive && !closing && !draining.withLockedValue({ $0 })
        headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let responseHead = HTTPResponseHead(version: head.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        try await outbound.write(.head(responseHead))
        if !response.body.isEmpty {
            try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: response.body))))
        }
        try await outbound.write(.end(nil))
    }

    private static func throttle(for fault: EmulatorFault?) -> (Int) async throws -> Void {
        guard case .slowBody(let bytesPerSecond) = fault else { return { _ in } }
        return { bytes in
            try await Task.sleep(for: .nanoseconds(Int64(bytes) * 1_000_000_000 / Int64(max(1, bytesPerSecond))))
        }
    }

    /// Plays an injected reset: records the request without a status, resets the connection and ends it.
    private static func drop(_ channel: any Channel, record: (Int?) -> Void) async throws -> Never {
        record(nil)
        await reset(channel)
        throw ConnectionDropped()
    }

    /// Closes the connection with a TCP reset instead of an orderly FIN.
    static func reset(_ channel: any Channel) async {
        if let provider = channel as? any SocketOptionProvider {
            try? await provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
        }
        try? await channel.close()
    }
}

/// Lower-case hex of a digest.
/// `close(2)`, callable where a method named `close` hides the C function.
private func closeDescriptor(_ fd: Int32) { _ = close(fd) }
