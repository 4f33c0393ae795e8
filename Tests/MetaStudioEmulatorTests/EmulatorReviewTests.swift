import Foundation
import NIOHTTP1
import MetaStudioEmulator
import Testing

@Suite("Emulator: automated review on SUBMITVERIFYING")
struct EmulatorReviewTests {
    /// Creates a job, uploads `video` as two parts, confirms and submits it; returns the job id.
    private func submit(_ video: [UInt8], _ h: EmulatorHarness) async throws -> String {
        let created = try await h.createJob(["video_multipart_count": 2])
        let jobID = try #require(created.string("job_id"))
        let urls = created.strings("training_video_upload_url")
        let middle = video.count / 2
        #expect(try await h.upload(urls[1], Array(video[middle...])).status == 200)
        #expect(try await h.upload(urls[0], Array(video[..<middle])).status == 200)
        #expect(try await h.command(jobID, "CONFIRM_MULTIPART_UPLOADED").string("commond_result") == "EXCUTE_SUCCESS")
        let submitted = try await h.command(jobID, "SUBMITVERIFYING")
        #expect(submitted.status == 200)
        #expect(submitted.string("commond_result") == "EXCUTE_SUCCESS")
        return jobID
    }

    @Test func lowResolutionVideoFailsWithTheResolutionCode() async throws {
        let video = try await Fixtures.lowResolutionVideo()
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let jobID = try await submit(video, h)
            #expect(h.server.jobState(jobID) == "AUTO_VERIFY_FAILED")
            let log = try #require(h.server.job(jobID)?.operationLogs.last)
            #expect(log.logType == "SYSTEM_VERIFY_FAILED")
            #expect(log.operateUser == "SYSTEM")
            #expect(log.errorCode == "44005901")
            #expect(log.logDescription?.contains("resolution") == true)

            // The client sees the same log through Show.
            let shown = try await h.call(.GET, "/\(jobID)")
            let logs = try #require(shown.json["operation_logs"] as? [[String: Any]])
            #expect(logs.last?["error_code"] as? String == "44005901")
            #expect(logs.last?["operate_user"] as? String == "SYSTEM")
        }
    }

    @Test func passingVideoMovesTheJobToManualReview() async throws {
        let video = try await Fixtures.passingVideo()
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let jobID = try await submit(video, h)
            #expect(h.server.jobState(jobID) == "MANUAL_VERIFYING")
            let log = try #require(h.server.job(jobID)?.operationLogs.last)
            #expect(log.logType == "SYSTEM_VERIFY_SUCCESS")
            #expect(log.errorCode == nil)
        }
    }

    @Test func missingTrainingVideoFailsTheReview() async throws {
        try await EmulatorHarness.with { (h: EmulatorHarness) async throws in
            let created = try await h.createJob()
            let jobID = try #require(created.string("job_id"))
            #expect(try await h.command(jobID, "SUBMITVERIFYING").status == 200)
            #expect(h.server.jobState(jobID) == "AUTO_VERIFY_FAILED")
            let log = try #require(h.server.job(jobID)?.operationLogs.last)
            #expect(log.logType == "SYSTEM_VERIFY_FAILED")
            #expect(log.logDescription?.contains("no training video") == true)

            // Resubmission needs an Update first; after it the job can be submitted again.
            #expect(try await h.command(jobID, "SUBMITVERIFYING").status == 400)
            #expect(try await h.call(.PUT, "/\(jobID)", json: ["name": "again"]).status == 200)
            #expect(try await h.command(jobID, "SUBMITVERIFYING").status == 200)
            #expect(h.server.jobState(jobID) == "AUTO_VERIFY_FAILED")
        }
    }
}
