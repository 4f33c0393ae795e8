import AsyncHTTPClient
import Crypto
import Foundation
import MetaStudio
import MetaStudioEmulator
import NIOCore
import NIOHTTP1
import TestSupport

/// A running emulator plus an HTTP client that signs requests with the project's `Signer`.
final class EmulatorHarness: Sendable {
    static let accessKey = "EMUTESTACCESSKEY01"
    static let secretKey = "emu-test-secret-key-0123456789"
    static let token = "emu-test-token-abc"
    static let projectID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
    static let jobsPath = "/v1/\(projectID)/digital-human-training-manage/user/jobs"

    let server: EmulatorServer
    let baseURL: URL
    let client: HTTPClient

    private init(server: EmulatorServer, baseURL: URL) {
        self.server = server
        self.baseURL = baseURL
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(timeout: .init(connect: .seconds(5))))
    }

    /// Starts an emulator, runs `body`, and always shuts both the client and the emulator down.
    static func with<T: Sendable>(
        seeded: [String: String] = [:], storage: URL? = nil,
        maximumUploadSize: Int64 = EmulatorConfiguration.defaultMaximumUploadSize,
        configure: (inout EmulatorConfiguration) -> Void = { _ in },
        _ body: (EmulatorHarness) async throws -> T
    ) async throws -> T {
        var configuration = EmulatorConfiguration(
            projectID: projectID, credentials: [accessKey: secretKey], tokens: [token], seededJobs: seeded,
            storageDirectory: storage, maximumUploadSize: maximumUploadSize)
        configure(&configuration)
        let server = try EmulatorServer(configuration: configuration)
        let url = try await server.start()
        let harness = EmulatorHarness(server: server, baseURL: url)
        do {
            let result = try await body(harness)
            try await harness.close()
            return result
        } catch {
            try? await harness.close()
            throw error
        }
    }

    func close() async throws {
        try await client.shutdown()
        try await server.shutdown()
    }

    var hostHeader: String { "\(baseURL.host ?? "127.0.0.1"):\(baseURL.port ?? 80)" }

    /// How a test request authenticates.
    enum Auth {
        case signed(accessKey: String = EmulatorHarness.accessKey, secretKey: String = EmulatorHarness.secretKey, date: Date = Date())
        case token(String)
        case none
    }

    /// An answer, with its JSON body parsed when it is an object.
    struct Reply {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
        var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]) ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
        func string(_ key: String) -> String? { json[key] as? String }
        func strings(_ key: String) -> [String] { json[key] as? [String] ?? [] }
    }

    /// Calls the job API. `path` is appended to `/v1/{project}/digital-human-training-manage/user/jobs`.
    func call(
        _ method: HTTPMethod, _ path: String = "", query: [(String, String)] = [], json: Any? = nil, rawBody: [UInt8]? = nil,
        auth: Auth = .signed(), headers extra: [(String, String)] = [], removeHeaders: [String] = [],
        fullPath: String? = nil, timeout: TimeAmount = .seconds(30)
    ) async throws -> Reply {
        var body = rawBody
        if let json { body = Array(try JSONSerialization.data(withJSONObject: json)) }
        let resourcePath = fullPath ?? Self.jobsPath + path
        var headers: [(String, String)] = [("Content-Type", "application/json"), ("X-Project-Id", Self.projectID)] + extra
        let request = SignableRequest(
            method: method.rawValue, host: hostHeader, path: resourcePath,
            query: query.map { (name: $0.0, value: $0.1) }, headers: headers.map { (name: $0.0, value: $0.1) }, body: body)
        switch auth {
        case .signed(let accessKey, let secretKey, let date):
            headers = Signer(accessKey: accessKey, secretKey: secretKey).sign(request, date: date).map { ($0.name, $0.value) }
        case .token(let token):
            headers.append(("X-Auth-Token", token))
        case .none:
            break
        }
        headers.removeAll { header in removeHeaders.contains { $0.lowercased() == header.0.lowercased() } }
        var http = HTTPClientRequest(url: baseURL.absoluteString + request.uri)
        http.method = method
        for (name, value) in headers { http.headers.add(name: name, value: value) }
        if let body { http.body = .bytes(ByteBuffer(bytes: body)) }
        return try await execute(http, timeout: timeout)
    }

    /// PUTs bytes to an upload URL.
    func upload(_ url: String, _ bytes: [UInt8], contentType: String? = "application/octet-stream", timeout: TimeAmount = .seconds(60)) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = .PUT
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        request.body = .bytes(ByteBuffer(bytes: bytes))
        return try await execute(request, timeout: timeout)
    }

    func execute(_ request: HTTPClientRequest, timeout: TimeAmount) async throws -> Reply {
        let response = try await client.execute(request, timeout: timeout)
        let buffer = try await response.body.collect(upTo: 16 << 20)
        return Reply(status: Int(response.status.code), headers: response.headers, body: Array(buffer.readableBytesView))
    }

    /// Creates a job and returns the create reply.
    func createJob(_ fields: [String: Any] = [:]) async throws -> Reply {
        var body: [String: Any] = ["name": "emulator-test"]
        body.merge(fields) { $1 }
        return try await call(.POST, json: body)
    }

    /// Runs a command and returns the reply.
    func command(_ jobID: String, _ command: String) async throws -> Reply {
        try await call(.POST, "/\(jobID)/command", json: ["command": command])
    }

    /// Waits (bounded) until the emulator has recorded `count` requests; used after client-side aborts.
    func waitForRecordedRequests(_ count: Int) async throws {
        for _ in 0..<200 where server.receivedRequests().count < count {
            try await Task.sleep(for: .milliseconds(25))
        }
    }
}

/// Deterministic test bytes: byte `i` is `i·31 + seed·7 + i/256` (mod 256).
///
/// That sequence repeats every 65 536 bytes, so one period is computed and then copied: megabytes of it cost
/// microseconds, not the seconds a per-byte closure took in a debug build on the cooperative pool.
func patternBytes(_ count: Int, seed: UInt8) -> [UInt8] {
    let period = 1 << 16
    var block = [UInt8](repeating: 0, count: min(count, period))
    for index in block.indices {
        block[index] = UInt8(truncatingIfNeeded: index &* 31 &+ Int(seed) &* 7 &+ (index >> 8))
    }
    var bytes = [UInt8]()
    bytes.reserveCapacity(count)
    while bytes.count < count {
        bytes.append(contentsOf: block.prefix(count - bytes.count))
    }
    return bytes
}

func sha256Hex(_ bytes: [UInt8]) -> String { Signer.sha256Hex(bytes) }

func md5Hex(_ bytes: [UInt8]) -> String {
    Insecure.MD5.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
}

/// SHA-256 of a file, read in chunks.
func sha256OfFile(_ url: URL) throws -> String {
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    var hasher = SHA256()
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
    return hasher.finalize().map { String(format: "%02x", $0) }.joined()
}

/// Builds raw requests for tests that need to bend the protocol.
enum HTTPClientRequestBuilder {
    static func make(url: String, method: HTTPMethod, headers: [(name: String, value: String)], body: [UInt8]?) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for header in headers { request.headers.add(name: header.name, value: header.value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        return request
    }
}
