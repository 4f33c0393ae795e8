import AsyncHTTPClient
import Preflight
import NIOHTTP1
import Foundation
import MetaStudioEmulator
import NIOCore
import Testing
import TestSupport

@Suite("Emulator: injected faults")
struct EmulatorFaultTests {
    @Test(arguments: [500, 503])
    func statusFaultAnswersOnceThenRecovers(status: Int) async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            h.server.injectFault(.status(status), matching: .api(method: "GET"), times: 1)
            let created = try await h.createJob()  // POST: not matched
            #expect(created.status == 200)
            let faulted = try await h.call(.GET)
            #expect(faulted.status == status)
            #expect(faulted.string("error_code") == "MSS.00000004")
            #expect(faulted.headers.first(name: "X-Request-Id") != nil)
            #expect(try await h.call(.GET).status == 200)
        }
    }

    @Test func statusFaultOnOneUploadPartDoesNotUseTheURL() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let created = try await h.createJob(["video_multipart_count": 2])
            let urls = created.strings("training_video_upload_url")
            h.server.injectFault(.status(503), matching: .uploadPart(role: .trainingVideo, part: 2), times: 1)
            #expect(try await h.upload(urls[0], [1]).status == 200)
            #expect(try await h.upload(urls[1], [2]).status == 503)
            #expect(try await h.upload(urls[1], [2]).status == 200)
            #expect(h.server.receivedRequests().compactMap(\.status).suffix(3) == [200, 503, 200])
        }
    }

    @Test func connectionResetMidUploadLeavesTheURLUnused() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let created = try await h.createJob()
            let jobID = try #require(created.string("job_id"))
            let url = try #require(created.strings("training_video_upload_url").first)
            let body = patternBytes(4 << 20, seed: 4)
            h.server.injectFault(.connectionReset, matching: .uploads)
            await #expect(throws: (any Error).self) { _ = try await h.upload(url, body) }
            try await h.waitForRecordedRequests(2)
            let dropped = try #require(h.server.receivedRequests().last)
            #expect(dropped.kind == .upload && dropped.status == nil)
            #expect(h.server.uploadedParts(jobID: jobID, role: .trainingVideo).isEmpty)
            let retry = try await h.upload(url, body)
            #expect(retry.status == 200)
            #expect(retry.headers.first(name: "ETag") == "\"\(md5Hex(body))\"")
        }
    }

    @Test func connectionResetOnAnAPICall() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            h.server.injectFault(.connectionReset, matching: .api(pathSuffix: "/jobs"))
            await #expect(throws: (any Error).self) { _ = try await h.call(.GET) }
            #expect(try await h.call(.GET).status == 200)
        }
    }

    @Test func slowBodyStillDeliversTheBytes() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let created = try await h.createJob()
            let jobID = try #require(created.string("job_id"))
            let url = try #require(created.string("cover_upload_url"))
            let body = patternBytes(256 << 10, seed: 8)
            h.server.injectFault(.slowBody(bytesPerSecond: 4 << 20), matching: .uploads)
            #expect(try await h.upload(url, body).status == 200)
            let stored = try #require(h.server.storedFileURL(jobID: jobID, role: .cover))
            #expect(try await Array(readFile(stored)) == body)
        }
    }

    @Test func slowBodyOutlastsAShortClientDeadline() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let created = try await h.createJob()
            let jobID = try #require(created.string("job_id"))
            let url = try #require(created.string("cover_upload_url"))
            // 16 MiB (more than loopback socket buffers hold) at 1 KB/s needs hours; a 1 s deadline must expire first.
            h.server.injectFault(.slowBody(bytesPerSecond: 1000), matching: .uploads)
            await #expect(throws: (any Error).self) {
                _ = try await h.upload(url, patternBytes(16 << 20, seed: 1), timeout: .seconds(1))
            }
            #expect(h.server.storedFileURL(jobID: jobID, role: .cover) == nil)
            // shutdown() (in the harness) must cancel the throttled reader rather than wait for it.
        }
    }

    @Test func delayedResponseOutlastsAShortClientDeadline() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            h.server.injectFault(.delay(milliseconds: 20_000), matching: .api(method: "GET"))
            await #expect(throws: (any Error).self) { _ = try await h.call(.GET, timeout: .milliseconds(500)) }
            #expect(try await h.call(.GET).status == 200)
        }
    }

    @Test func faultsAreUsedInOrderAndCountDown() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            h.server.injectFault(.status(503), matching: .any, times: 2)
            h.server.injectFault(.status(500), matching: .any, times: 1)
            var statuses: [Int] = []
            for _ in 0..<4 { statuses.append(try await h.call(.GET).status) }
            #expect(statuses == [503, 503, 500, 200])
        }
    }
}
