import Foundation
import MetaStudio
import MetaStudioEmulator
import MetaStudioUpload
import Preflight
import TestSupport
import Testing

/// `update` with the content rules: judged by the request's settings, and by the job's own where the request is silent.
@Suite("Update: content rules and the job's own settings", .serialized)
struct UpdateDeepTests {
    /// A 181 s 1080p take the content rules pass unless a green screen is required: a grey room with a dark figure
    /// swaying in it (a key frame each second, two sides of the sway), noise for sound. Made once per test process.
    static let greyRoomTake = Task { () throws -> URL in
        let folder = try TestRun.folder("update-deep")
        let clip = folder.appendingPathComponent("clip.mp4"), take = folder.appendingPathComponent("grey-room.mp4")
        let picture = "color=c=gray:s=1920x1080:r=25:d=2[bg];color=c=0x303030:s=360x640:r=25[p];"
            + "[bg][p]overlay=x='780+90*cos(PI*t)':y=300:shortest=1"
        try await FFmpegTools.ffmpeg(["-f", "lavfi", "-i", picture] + FFmpegTools.x264 + ["-g", "25", clip.path])
        try await FFmpegTools.ffmpeg(["-stream_loop", "91", "-i", clip.path, "-f", "lavfi", "-i", "anoisesrc=d=181:a=0.3:r=48000",
                                      "-map", "0:v", "-map", "1:a", "-c:v", "copy", "-c:a", "aac", "-b:a", "128k", "-t", "181",
                                      take.path])
        return take
    }

    /// Creates a job that replaces its background (`is_background_replacement` true) and fails its review.
    private func jobReplacingBackground(_ harness: UpdateHarness) async throws -> String {
        let created = try await harness.client.createJob(CreateTrainingJobRequest(name: "green", isBackgroundReplacement: true))
        let jobID = try #require(created.body.jobID)
        try harness.server.setJobState(jobID, "AUTO_VERIFY_FAILED")
        return jobID
    }

    @Test("the request silent, the job replacing its background: a take without a green screen fails after one Show")
    func jobsOwnBackgroundReplacement() async throws {
        let take = try await Self.greyRoomTake.value
        try await UpdateHarness.with { harness in
            let jobID = try await jobReplacingBackground(harness)
            let before = harness.server.receivedRequests().count
            var options = harness.options([UpdateFile(role: .trainingVideo, path: take.path)], submit: true)
            options.jobID = jobID
            options.deep = true
            let outcome = try await UpdateWorkflow(service: harness.client).run(options)
            guard case .lintFailed(let report) = outcome else {
                Issue.record("expected the missing green screen to fail, got \(outcome)")
                return
            }
            #expect(report.files.first?.errors.map(\.rule) == ["background.not-green"],
                    "\(report.files.first?.findings.map(\.rule) ?? [])")
            let sent = harness.server.receivedRequests().dropFirst(before)
            #expect(sent.map(\.method) == ["GET"], "only the Show; no Update, no upload")
            #expect(harness.server.jobState(jobID) == "AUTO_VERIFY_FAILED")
        }
    }

    @Test("the request turning background replacement off overrides the job's record; --no-deep skips the content")
    func requestOverridesJob() async throws {
        let take = try await Self.greyRoomTake.value
        try await UpdateHarness.with { harness in
            let jobID = try await jobReplacingBackground(harness)
            var options = harness.options([UpdateFile(role: .trainingVideo, path: take.path)], submit: true)
            options.jobID = jobID
            options.deep = true
            options.dryRun = true
            options.request.isBackgroundReplacement = false
            guard case .planned(_, let report) = try await UpdateWorkflow(service: harness.client).run(options) else {
                Issue.record("expected a plan")
                return
            }
            #expect(report.passed)
            #expect(!report.files.flatMap(\.findings).contains { $0.rule == "background.not-green" })

            options.request.isBackgroundReplacement = nil
            options.deep = false
            guard case .planned(_, let shallow) = try await UpdateWorkflow(service: harness.client).run(options) else {
                Issue.record("expected a plan without the content rules")
                return
            }
            #expect(shallow.files.allSatisfy { $0.content == nil }, "no content was analysed")
        }
    }

    @Test("a still take fails the content rules before any request; without them its headers pass")
    func stillTakeStopsBeforeAnyRequest() async throws {
        let inputs = try await UpdateInputs.shared()
        try await UpdateHarness.with { harness in
            var options = harness.options([UpdateFile(role: .trainingVideo, path: inputs.trainingVideo.path)], submit: true)
            options.deep = true
            guard case .lintFailed(let report) = try await UpdateWorkflow(service: harness.client).run(options) else {
                Issue.record("expected the still take to fail")
                return
            }
            #expect(report.files.first?.errors.map(\.rule).contains("video.still") == true)
            #expect(harness.server.receivedRequests().isEmpty)
        }
    }

    @Test("judging again under other settings replaces only the content findings, from the same measurements")
    func rejudgeKeepsHeaderFindings() async throws {
        let take = try await Self.greyRoomTake.value
        let linted = await Linter(contentChecks: ContentCheckOptions()).lint(path: take.path, role: .trainingVideo)
        #expect(linted.content != nil)
        #expect(!linted.findings.contains { $0.rule == "background.not-green" })
        let green = Linter.rejudgeContent(linted, with: ContentCheckOptions(backgroundReplacement: true))
        #expect(green.errors.map(\.rule) == ["background.not-green"])
        let back = Linter.rejudgeContent(green, with: ContentCheckOptions())
        #expect(back.findings == linted.findings)
    }
}
