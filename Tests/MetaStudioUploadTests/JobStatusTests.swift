import Foundation
import MetaStudio
import MetaStudioEmulator
import MetaStudioUpload
import Testing

@Suite("Job status: phases, history and next steps")
struct JobStatusTests {
    /// A job as Show returns it, in `state`, with these operation-log entries (each a JSON object).
    private func job(_ state: String, logs: [String]) throws -> TrainingJob {
        let json = #"{"job_id": "job-1", "name": "Avatar", "state": "\#(state)", "operation_logs": [\#(logs.joined(separator: ", "))]}"#
        return try JSONDecoder().decode(TrainingJob.self, from: Data(json.utf8))
    }

    @Test("every documented state has a phase, and an unknown state is .unknown", arguments: [
        ("WAIT_FILE_UPLOAD", JobStatusReport.Phase.waitingForFiles), ("AUTO_VERIFYING", .inReview),
        ("MANUAL_VERIFYING", .inReview), ("AUTO_VERIFY_FAILED", .rejected), ("MANUAL_VERIFY_FAILED", .rejected),
        ("MANUAL_VERIFY_SUCCESS", .inProgress), ("TRAINING", .inProgress), ("COMPILING", .inProgress),
        ("TRAIN_FAILED", .failed), ("MANUAL_STOP_TRAIN", .failed), ("JOB_REJECT", .failed),
        ("WAIT_USER_CONFIRM", .waitingForYou), ("JOB_SUCCESS", .finished), ("JOB_FINISH", .finished),
        ("SOMETHING_NEW", .unknown),
    ])
    func phases(state: String, phase: JobStatusReport.Phase) {
        #expect(JobStatusReport.Phase(JobState(rawValue: state)) == phase)
    }

    @Test("every state the contract lists gets a phase other than unknown")
    func noKnownStateIsUnknown() {
        for state in JobState.knownValues { #expect(JobStatusReport.Phase(state) != .unknown, "\(state.rawValue)") }
    }

    @Test("history is newest first; 44005901 maps to resolution.unsupported with its advice; other codes stay as they are")
    func historyAndCodes() throws {
        let report = JobStatusReport(job: try job("AUTO_VERIFY_FAILED", logs: [
            #"{"operate_time": "2026-12-01T10:00:00Z", "log_type": "USER_CREATE_JOD", "operate_user": "USER"}"#,
            #"{"operate_time": "2026-12-01T12:00:00Z", "log_type": "SYSTEM_VERIFY_FAILED", "log_description": "720p", "#
                + #""operate_user": "SYSTEM", "error_code": "44005901", "redo_reasons": ["1080p please"]}"#,
            #"{"operate_time": "2026-12-01T11:00:00Z", "log_type": "USER_VERIFYING_SUBMITTED", "error_code": "12345"}"#,
        ]), updateCommand: "preflight update --job-id job-1 --training-video NEW-TAKE.mp4 --submit")
        #expect(report.history.map(\.type) == ["SYSTEM_VERIFY_FAILED", "USER_VERIFYING_SUBMITTED", "USER_CREATE_JOD"])
        #expect(report.history[0].rule == "resolution.unsupported")
        #expect(report.history[0].advice?.contains("1080p or 4K") == true)
        #expect(report.history[0].redoReasons == ["1080p please"])
        #expect(report.history[1].errorCode == "12345" && report.history[1].rule == nil && report.history[1].meaning == nil)
        #expect(report.nextStep.contains("preflight update --job-id job-1 --training-video NEW-TAKE.mp4 --submit"))
        #expect(report.nextStep.contains("resolution.unsupported"))
    }

    @Test("the backoff doubles from the first pause up to the longest")
    func backoff() {
        let watcher = JobWatcher(initialInterval: .seconds(30), maxInterval: .seconds(300))
        var pauses: [Duration] = [watcher.initialInterval]
        for _ in 0..<5 { pauses.append(watcher.next(after: pauses[pauses.count - 1])) }
        #expect(pauses == [.seconds(30), .seconds(60), .seconds(120), .seconds(240), .seconds(300), .seconds(300)])
        #expect(JobWatcher(initialInterval: .seconds(600), maxInterval: .seconds(300)).maxInterval == .seconds(600))
    }

    @Test("the watcher follows a job through review on the emulator, and times out while it stays in review")
    func watcherAgainstTheEmulator() async throws {
        try await UpdateHarness.with(state: "MANUAL_VERIFYING") { harness in
            let client = harness.client, server = harness.server, jobID = harness.jobID
            let watcher = JobWatcher(initialInterval: .milliseconds(20), maxInterval: .milliseconds(80))
            let polls = PollCounter()
            let outcome = try await watcher.watch(jobID: jobID, show: { id in
                let job = try await client.showJob(jobID: id).body
                // After the second poll, the review rejects the job.
                if await polls.increment() == 2 { try server.setJobState(id, "MANUAL_VERIFY_FAILED") }
                return job
            })
            guard case .settled(let job) = outcome else { Issue.record("expected the watch to settle"); return }
            #expect(job.summary.state == .manualVerifyFailed)
            #expect(await polls.count == 3)

            try server.setJobState(jobID, "MANUAL_VERIFYING")
            let limited = JobWatcher(initialInterval: .milliseconds(20), maxInterval: .milliseconds(40), timeout: .milliseconds(200))
            let timedOut = try await limited.watch(jobID: jobID, show: { try await client.showJob(jobID: $0).body })
            guard case .timedOut(let still) = timedOut else { Issue.record("expected a timeout"); return }
            #expect(still.summary.state == .manualVerifying)

            await #expect(throws: MetaStudioServiceError.self) {
                _ = try await watcher.watch(jobID: "no-such-job", show: { try await client.showJob(jobID: $0).body })
            }
        }
    }
}

private actor PollCounter {
    private(set) var count = 0
    func increment() -> Int {
        count += 1
        return count
    }
}
