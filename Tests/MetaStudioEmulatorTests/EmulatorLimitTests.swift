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
            environment: ["CLOUD_SDK_TOKEN": "env-token-value", "CLOUD_SDK_AK": "", "CLOUD_SDK_SK": ""], timeout: 120)
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
