import AsyncHTTPClient
import Foundation
import MetaStudio
import MetaStudioEmulator
import NIOCore
import NIOHTTP1
import Preflight
import Testing
import TestSupport

/// The emulator's low-severity limits: stored files private, one 401 wording, an upload size limit, secrets from the
/// environment.
@Suite("Emulator security: limits")
struct EmulatorLimitTests {
    /// Connects to `port` on loopback, sends `text`, and reads until the server closes the connection; on a thread of
    /// its own (the reads block). Returns what the server sent, or `nil` if it had not closed after 30 s (a hang-catcher).
    static func sendAndAwaitClose(port: Int, _ text: String) async -> String? {
        await onThread { () -> String? in
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var timeout = timeval(tv_sec: 30, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { return nil }
            let bytes = Array(text.utf8)
            guard write(fd, bytes, bytes.count) == bytes.count else { return nil }
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(fd, &buffer, buffer.count)
                if count == 0 { return String(decoding: received, as: UTF8.self) }
                if count < 0 { return errno == EINTR ? nil : (errno == ECONNRESET ? String(decoding: received, as: UTF8.self) : nil) }
                received += buffer[0..<count]
            }
        }
    }

    @Test("a request head that never completes is cut off by the header timeout", .hangGuard)
    func headerTimeout() async throws {
        try await EmulatorHarness.with(configure: { $0.headerTimeout = .milliseconds(300) }) { (h: EmulatorHarness) async throws in
            let port = try #require(h.baseURL.port)
            // Half a head: the request line and one header, no blank line. The emulator must not wait for the rest.
            let answer = await Self.sendAndAwaitClose(port: port, "GET /v1/x HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            #expect(answer == "", "closed without an answer")
        }
    }

    @Test("an idle keep-alive connection is closed by the idle timeout; an answered request is not cut short",
          .hangGuard)
    func idleTimeout() async throws {
        try await EmulatorHarness.with(configure: {
            $0.idleTimeout = .milliseconds(500)
            $0.headerTimeout = .seconds(20)
        }) { (h: EmulatorHarness) async throws in
            let port = try #require(h.baseURL.port)
            // A whole request on a keep-alive connection: answered, then the connection sits idle and is closed.
            let answer = await Self.sendAndAwaitClose(port: port, "GET /v1/x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            #expect(answer?.hasPrefix("HTTP/1.1 ") == true, "\(answer ?? "no close")")
            #expect(answer?.contains("keep-alive") == true, "the server meant to keep the connection")
        }
    }

    @Test("stored files are mode 0600")
    func storedFilesArePrivate() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let created = try await h.createJob()
            let jobID = try #require(created.string("job_id"))
            let cover = try #require(created.string("cover_upload_url"))
            #expect(try await h.upload(cover, [1, 2, 3]).status == 200)
            let stored = try #require(h.server.storedFileURL(jobID: jobID, role: .cover))
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: stored.path)[.posixPermissions] as? NSNumber)
            #expect(mode.intValue & 0o777 == 0o600)
        }
    }

    @Test("an unknown access key gets the same 401 message as a wrong signature")
    func unknownAccessKeyLooksLikeBadSignature() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let unknown = try await h.call(.GET, auth: .signed(accessKey: "NOSUCHACCESSKEY0", secretKey: EmulatorHarness.secretKey))
            let wrong = try await h.call(.GET, auth: .signed(accessKey: EmulatorHarness.accessKey, secretKey: "not-the-secret"))
            #expect(unknown.status == 401 && wrong.status == 401)
            #expect(unknown.string("error_msg") == wrong.string("error_msg"))
            #expect(unknown.string("error_code") == wrong.string("error_code"))
        }
    }

    @Test("a body over the upload size limit is refused, and the URL stays usable")
    func uploadSizeLimit() async throws {
        try await EmulatorHarness.with(maximumUploadSize: 1000) { (h: EmulatorHarness) async throws in
            let created = try await h.createJob()
            let jobID = try #require(created.string("job_id"))
            let cover = try #require(created.string("cover_upload_url"))
            let tooBig = try await h.upload(cover, [UInt8](repeating: 7, count: 5000))
            #expect(tooBig.status == 400)
            #expect(tooBig.text.contains("EntityTooLarge"))
            #expect(h.server.storedFileURL(jobID: jobID, role: .cover) == nil)
            #expect(try await h.upload(cover, [UInt8](repeating: 7, count: 1000)).status == 200)
        }
    }

    @Test("`preflight emulator` takes its token from CLOUD_SDK_TOKEN, so it stays out of the process list")
    func tokenFromEnvironment() async throws {
        let binary = RepoPaths.preflightBinary
        let emulator = try await ChildProcess.start(
            binary.path, ["emulator", "--project-id", "p-env", "--job", "j1=AUTO_VERIFY_FAILED"],
            environment: ["CLOUD_SDK_TOKEN": "env-token-value", "CLOUD_SDK_AK": "", "CLOUD_SDK_SK": ""])
        let line = await emulator.firstLine()
        let start = try #require(line.flatMap { EmulatorStartLine($0.trimmingCharacters(in: .whitespaces)) }, "got \(line ?? "nothing")")
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var status: UInt = 0
        do {
            var request = HTTPClientRequest(url: start.baseURL + "/v1/p-env/digital-human-training-manage/user/jobs/j1")
            request.headers.add(name: "X-Auth-Token", value: "env-token-value")
            status = try await client.execute(request, timeout: .seconds(10)).status.code
        } catch {
            Issue.record("request failed: \(error)")
        }
        try await client.shutdown()
        emulator.send(SIGTERM)
        let result = await emulator.exit()
        #expect(status == 200)
        #expect(result.status == 0)
        #expect(!result.stderr.contains("env-token-value"))
    }
}
