import Foundation
import TestSupport
import Testing

/// `preflight status`, `watch` and `jobs` against a `preflight emulator` process, scripted through its control API.
@Suite("preflight status, watch and jobs (end to end)")
struct JobCommandsTests {
    private func expectNoSecrets(_ result: ProcessResult, sourceLocation: SourceLocation = #_sourceLocation) {
        for text in [result.stdout, result.stderr] {
            #expect(!text.contains(EmulatorProcess.secretKey), sourceLocation: sourceLocation)
            #expect(!text.contains(EmulatorProcess.accessKey), sourceLocation: sourceLocation)
        }
    }

    /// Sets a job's state, with an operation-log entry when `log` is given (JSON object text).
    private func setState(_ emulator: EmulatorProcess, _ job: String, _ state: String, log: String? = nil) async throws {
        let body = "{\"state\": \"\(state)\"" + (log.map { ", \"log\": \($0)" } ?? "") + "}"
        try await emulator.control("PUT", "jobs/\(job)", body: body)
    }

    private static let rejection = """
        {"log_type": "SYSTEM_VERIFY_FAILED", "operate_user": "SYSTEM", "description": "video resolution 1280x720",
         "error_code": "44005901", "redo_reasons": ["record again in 1080p"]}
        """

    @Test("status of a rejected job: the reason, its rule, and the exact update command; JSON too")
    func statusOfARejectedJob() async throws {
        try await EmulatorProcess.with(state: "MANUAL_VERIFYING") { emulator in
            try await setState(emulator, emulator.jobID, "AUTO_VERIFY_FAILED", log: Self.rejection)
            try await setState(emulator, emulator.jobID, "AUTO_VERIFY_FAILED",
                               log: #"{"log_type": "ADMIN_COMMENT", "operate_user": "ADMIN", "description": "later entry", "error_code": "99999999"}"#)
            let text = try await runPreflight(["status", emulator.jobID, "--endpoint", emulator.baseURL],
                                              environment: emulator.clientEnvironment)
            #expect(text.status == 0, "stderr: \(text.stderr)")
            expectNoSecrets(text)
            #expect(text.stdout.contains("AUTO_VERIFY_FAILED"))
            #expect(text.stdout.contains("video resolution 1280x720"))
            #expect(text.stdout.contains("error code 44005901") && text.stdout.contains("resolution.unsupported"))
            #expect(text.stdout.contains("redo: record again in 1080p"))
            #expect(text.stdout.contains("error code 99999999"), "an unknown code is shown as it is")
            #expect(text.stdout.contains("preflight update --job-id \(emulator.jobID) --endpoint \(emulator.baseURL) --training-video NEW-TAKE.mp4 --submit"))
            // Newest first: the later comment comes before the rejection.
            let later = try #require(text.stdout.range(of: "later entry")), earlier = try #require(text.stdout.range(of: "1280x720"))
            #expect(later.lowerBound < earlier.lowerBound)

            let json = try await runPreflight(["status", emulator.jobID, "--endpoint", emulator.baseURL, "--format", "json"],
                                              environment: emulator.clientEnvironment)
            #expect(json.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
            #expect(object["state"] as? String == "AUTO_VERIFY_FAILED")
            #expect(object["phase"] as? String == "rejected")
            let history = try #require(object["history"] as? [[String: Any]])
            let coded = try #require(history.first { $0["error_code"] as? String == "44005901" })
            #expect(coded["rule"] as? String == "resolution.unsupported")
            #expect(coded["redo_reasons"] as? [String] == ["record again in 1080p"])
            #expect(history.first { $0["error_code"] as? String == "99999999" }?["rule"] == nil)
        }
    }

    @Test("status and watch of a job that does not exist exit 5; a state group gets its next step")
    func missingJobAndNextSteps() async throws {
        try await EmulatorProcess.with(state: "WAIT_FILE_UPLOAD") { emulator in
            for command in ["status", "watch"] {
                let result = try await runPreflight([command, "no-such-job", "--endpoint", emulator.baseURL],
                                                    environment: emulator.clientEnvironment)
                #expect(result.status == 5, "\(command): \(result.stderr)")
                #expect(result.stderr.contains("no-such-job") && result.stderr.contains("does not exist"))
            }
            let expectations = [("WAIT_FILE_UPLOAD", "--resume"), ("MANUAL_VERIFYING", "preflight watch"),
                                ("TRAINING", "Nothing to do"), ("JOB_SUCCESS", "finished"), ("TRAIN_FAILED", "contact support")]
            for (state, advice) in expectations {
                try await setState(emulator, emulator.jobID, state)
                let result = try await runPreflight(["status", emulator.jobID, "--endpoint", emulator.baseURL],
                                                    environment: emulator.clientEnvironment)
                #expect(result.status == 0)
                #expect(result.stdout.contains("Next: ") && result.stdout.contains(advice), "\(state): \(result.stdout)")
            }
            // A job not in review has nothing to wait for.
            let watch = try await runPreflight(["watch", emulator.jobID, "--endpoint", emulator.baseURL],
                                               environment: emulator.clientEnvironment)
            #expect(watch.status == 3)
        }
    }

    /// Starts `preflight watch` on the job and returns once it has read the job at least once.
    private func startWatch(_ emulator: EmulatorProcess, _ extra: [String] = []) async throws -> ChildProcess {
        let child = try await ChildProcess.start(
            RepoPaths.preflightBinary.path,
            ["watch", emulator.jobID, "--endpoint", emulator.baseURL, "--interval", "100ms", "--max-interval", "400ms"] + extra,
            environment: emulator.clientEnvironment.merging(["NO_COLOR": "1"]) { $1 })
        // The first line is printed after the first Show.
        _ = await child.waitForOutput { $0.contains("\n") }
        return child
    }

    @Test("watch follows a review that passes (exit 0) and one that fails (exit 1, with the reason)",
          arguments: [("MANUAL_VERIFY_SUCCESS", Int32(0)), ("MANUAL_VERIFY_FAILED", Int32(1))])
    func watchThroughAReview(outcome: String, status: Int32) async throws {
        try await EmulatorProcess.with(state: "MANUAL_VERIFYING") { emulator in
            let child = try await startWatch(emulator)
            let log = outcome.hasSuffix("FAILED")
                ? #"{"log_type": "ADMIN_VERIFY_FAILED", "operate_user": "ADMIN", "description": "mouth open at the start"}"# : nil
            try await setState(emulator, emulator.jobID, outcome, log: log)
            let result = await child.exit()
            #expect(result.status == status, "stderr: \(result.stderr)")
            expectNoSecrets(result)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first?.contains("MANUAL_VERIFYING") == true, "the first state is printed: \(result.stdout)")
            #expect(lines.contains { $0.contains(": \(outcome) (") }, "the change is printed: \(result.stdout)")
            if status == 1 {
                #expect(result.stdout.contains("mouth open at the start"))
                #expect(result.stdout.contains("preflight update --job-id \(emulator.jobID)"))
            }
        }
    }

    @Test("a take sent past the gate with the official SDK comes back rejected: watch exits 1 and status gives the reasons",
          .hangGuard)
    func rejectedThroughTheSDK() async throws {
        let folder = try TemporaryDirectory()
        // 720p and 5 s: the review rejects both (resolution has a service error code, 44005901).
        let take = folder.file("take-720p.mp4")
        try await FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=1280x720:r=25:d=5", "-f", "lavfi", "-i", "sine=d=5",
                                      "-shortest"] + FFmpegTools.x264 + ["-c:a", "aac", take.path])
        try await EmulatorProcess.with() { emulator in
            let python = try await OfficialSDK.python()
            let script = RepoPaths.oracles.appendingPathComponent("sdk_submit_unchecked.py").path
            let sdk = try await runProcess(python, [script, "--endpoint", emulator.baseURL, "--name", "unchecked",
                                                    "--video", take.path],
                                           environment: emulator.clientEnvironment)
            #expect(sdk.status == 0, "stdout: \(sdk.stdout) stderr: \(sdk.stderr)")
            let last = sdk.stdout.split(separator: "\n").last.map { Data($0.utf8) } ?? Data()
            let jobID = try #require((try? JSONSerialization.jsonObject(with: last) as? [String: Any])?["job_id"] as? String,
                                     "the SDK script printed the job id: \(sdk.stdout)")

            let watch = try await runPreflight(["watch", jobID, "--endpoint", emulator.baseURL, "--interval", "1",
                                                "--timeout", "120"], environment: emulator.clientEnvironment)
            #expect(watch.status == 1, "rejected: \(watch.stdout) \(watch.stderr)")
            #expect(watch.stdout.contains("AUTO_VERIFY_FAILED"))
            expectNoSecrets(watch)

            let status = try await runPreflight(["status", jobID, "--endpoint", emulator.baseURL, "--format", "json"],
                                                environment: emulator.clientEnvironment)
            #expect(status.status == 0, "stderr: \(status.stderr)")
            expectNoSecrets(status)
            let object = try #require(try JSONSerialization.jsonObject(with: status.stdoutData) as? [String: Any])
            let history = object["history"] as? [[String: Any]] ?? []
            let resolution = history.first { $0["error_code"] as? String == "44005901" }
            #expect(resolution?["rule"] as? String == "resolution.unsupported", "\(history)")
            #expect((resolution?["description"] as? String ?? "").contains("1280"), "a readable reason: \(history)")
            #expect(history.contains { ($0["description"] as? String ?? "").lowercased().contains("duration")
                || ($0["rule"] as? String ?? "").hasPrefix("duration.") }, "the length is a reason too: \(history)")
        }
    }

    @Test("watch gives up after --timeout (exit 6), and Ctrl-C stops it cleanly (exit 130), leaving the job as it is")
    func watchTimeoutAndInterrupt() async throws {
        try await EmulatorProcess.with(state: "MANUAL_VERIFYING") { emulator in
            let timedOut = try await runPreflight(
                ["watch", emulator.jobID, "--endpoint", emulator.baseURL, "--interval", "100ms", "--timeout", "1s"],
                environment: emulator.clientEnvironment)
            #expect(timedOut.status == 6, "stderr: \(timedOut.stderr)")
            #expect(timedOut.stderr.contains("still MANUAL_VERIFYING"))

            let child = try await startWatch(emulator)
            child.send(SIGINT)
            let interrupted = await child.exit()
            #expect(interrupted.status == 130, "stderr: \(interrupted.stderr)")
            #expect(interrupted.stderr.contains("stopped") && interrupted.stderr.contains("MANUAL_VERIFYING"))
            #expect(try await emulator.state() == "MANUAL_VERIFYING")
        }
    }

    @Test("jobs list filters by state and name, pages with --all, and prints a table or JSON")
    func listFiltersAndPages() async throws {
        try await EmulatorProcess.with(state: "AUTO_VERIFY_FAILED") { emulator in
            for index in 1...5 { try await setState(emulator, "extra-\(index)", index <= 3 ? "MANUAL_VERIFY_FAILED" : "TRAINING") }
            let base = ["jobs", "list", "--endpoint", emulator.baseURL, "--format", "json"]
            func ids(_ arguments: [String]) async throws -> (Int?, [String]) {
                let result = try await runPreflight(base + arguments, environment: emulator.clientEnvironment)
                #expect(result.status == 0, "stderr: \(result.stderr)")
                let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
                let jobs = try #require(object["jobs"] as? [[String: Any]])
                return (object["count"] as? Int, jobs.compactMap { $0["job_id"] as? String })
            }
            let (allCount, all) = try await ids(["--all", "--limit", "2"])
            #expect(allCount == 6 && Set(all).count == 6, "\(all)")
            let (pageCount, page) = try await ids(["--limit", "2"])
            #expect(pageCount == 6 && page.count == 2)
            let (_, rejected) = try await ids(["--state", "AUTO_VERIFY_FAILED,MANUAL_VERIFY_FAILED", "--all"])
            #expect(Set(rejected) == [emulator.jobID, "extra-1", "extra-2", "extra-3"])
            let (_, offset) = try await ids(["--state", "TRAINING", "--offset", "1"])
            #expect(offset.count == 1)

            let table = try await runPreflight(["jobs", "list", "--endpoint", emulator.baseURL, "--state", "TRAINING"],
                                               environment: emulator.clientEnvironment)
            #expect(table.status == 0)
            let rows = table.stdout.split(separator: "\n")
            #expect(rows.first?.hasPrefix("JOB ID") == true && rows.count == 4, "\(table.stdout)")
            #expect(table.stdout.contains("extra-4") && table.stdout.contains("extra-5") && !table.stdout.contains("extra-1"))

            let bad = try await runPreflight(["jobs", "list", "--endpoint", emulator.baseURL, "--state", "NOT_A_STATE"],
                                             environment: emulator.clientEnvironment)
            #expect(bad.status == 64 && bad.stderr.contains("NOT_A_STATE"))
        }
    }

    @Test("jobs delete is refused in a state that forbids it and without --yes, and deletes otherwise")
    func deleteRules() async throws {
        try await EmulatorProcess.with(state: "TRAINING") { emulator in
            let delete = ["jobs", "delete", emulator.jobID, "--endpoint", emulator.baseURL]
            let refused = try await runPreflight(delete + ["--yes"], environment: emulator.clientEnvironment)
            #expect(refused.status == 3 && refused.stderr.contains("TRAINING"), "stderr: \(refused.stderr)")
            #expect(try await emulator.state() == "TRAINING")
            #expect(try await emulator.requests().allSatisfy { $0.method != "DELETE" }, "nothing was sent to delete")

            try await setState(emulator, emulator.jobID, "AUTO_VERIFY_FAILED")
            let unconfirmed = try await runPreflight(delete, environment: emulator.clientEnvironment)
            #expect(unconfirmed.status == 64 && unconfirmed.stderr.contains("--yes"))
            #expect(try await emulator.state() == "AUTO_VERIFY_FAILED")

            let deleted = try await runPreflight(delete + ["--yes"], environment: emulator.clientEnvironment)
            #expect(deleted.status == 0, "stderr: \(deleted.stderr)")
            #expect(deleted.stdout.contains("Deleted job \(emulator.jobID)"))
            let gone = try await runPreflight(["status", emulator.jobID, "--endpoint", emulator.baseURL],
                                              environment: emulator.clientEnvironment)
            #expect(gone.status == 5)
        }
    }
}
