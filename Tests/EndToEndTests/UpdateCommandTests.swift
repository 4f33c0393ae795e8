import Foundation
import TestSupport
import Testing

@Suite("preflight update (end to end)", .serialized)
struct UpdateCommandTests {
    /// Fails the test if any secret or signed-URL query appears in the output.
    private func expectNoSecrets(_ result: ProcessResult, sourceLocation: SourceLocation = #_sourceLocation) {
        for text in [result.stdout, result.stderr] {
            #expect(!text.contains(EmulatorProcess.secretKey), sourceLocation: sourceLocation)
            #expect(!text.contains(EmulatorProcess.accessKey), sourceLocation: sourceLocation)
            #expect(text.range(of: #"[?&][A-Za-z0-9_.-]+="#, options: .regularExpression) == nil,
                    "a URL query string in the output", sourceLocation: sourceLocation)
        }
    }

    @Test("--submit uploads every file byte-exact and takes the job to MANUAL_VERIFYING; JSON summary")
    func happyPath() async throws {
        try await EmulatorProcess.with() { emulator in
            let cwd = try TemporaryDirectory()
            let training = try await E2EUpdateInputs.path("training.mp4")
            let front = try await E2EUpdateInputs.path("id-front.jpg"), back = try await E2EUpdateInputs.path("id-back.png")
            let audio = try await E2EUpdateInputs.path("audio.zip")
            let result = try await runPreflight(
                ["update"] + emulator.target + ["--training-video", training, "--id-card-front", front, "--id-card-back", back,
                                                "--audio-zip", audio, "--part-size", "512KiB", "--submit", "--format", "json",
                                                "--name", "Avatar 2", "--tag", "retry"],
                environment: emulator.clientEnvironment, currentDirectory: cwd.url)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            expectNoSecrets(result)
            let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
            #expect(json["status"] as? String == "completed")
            let summary = try #require(json["summary"] as? [String: Any])
            #expect(summary["commands"] as? [String] == ["CONFIRM_MULTIPART_UPLOADED", "SUBMITVERIFYING"])
            #expect(summary["submitted"] as? Bool == true)
            #expect(try await emulator.state() == "MANUAL_VERIFYING")
            for (role, path) in [("training_video", training), ("id_card_image1", front), ("id_card_image2", back), ("audio", audio)] {
                let stored = try #require(emulator.storedFile(role), "nothing stored for \(role)")
                #expect(try await fileSHA256(stored.path) == fileSHA256(path), "\(role) differs")
            }
            let uploads = try await emulator.requests().filter { $0.kind == "upload" && $0.uploadRole == "training_video" }
            #expect(uploads.count > 3, "the training video went up in several parts")
            // The journal is gone once the update is done.
            #expect(try FileManager.default.contentsOfDirectory(atPath: cwd.url.path).isEmpty)
        }
    }

    @Test("a failing file: lint's report and exit 1, and the emulator receives zero requests")
    func lintFailure() async throws {
        try await EmulatorProcess.with() { emulator in
            let short = try await E2EUpdateInputs.path("short.mp4")
            for format in ["text", "json"] {
                let result = try await runPreflight(["update"] + emulator.target + ["--training-video", short, "--submit", "--format", format],
                                              environment: emulator.clientEnvironment)
                #expect(result.status == 1)
                // Update checks content by default (here with the service's defaults: the request leaves them out).
                let lint = try await runPreflight(["lint", "--deep", "--role", "training-video", "--format", format, short])
                #expect(lint.status == 1)
                #expect(result.stdout == lint.stdout, "update reports lint failures exactly as lint does (\(format))")
                expectNoSecrets(result)
            }
            #expect(try await emulator.requests().isEmpty)
        }
    }

    @Test("update checks what is in the video by default: a still take fails (exit 1, nothing sent); --no-deep lets it through")
    func deepByDefault() async throws {
        try await EmulatorProcess.with() { emulator in
            let still = try await E2EUpdateInputs.path("still.mp4")
            let headerLint = try await runPreflight(["lint", "--role", "training-video", still])
            #expect(headerLint.status == 0, "the headers are fine: \(headerLint.stdout)")
            let result = try await runPreflight(["update"] + emulator.target + ["--training-video", still, "--format", "json"],
                                                environment: emulator.clientEnvironment)
            #expect(result.status == 1)
            let report = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
            let findings = ((report?["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]) ?? []
            #expect(findings.contains { $0["rule"] as? String == "video.still" }, "\(result.stdout)")
            #expect(try await emulator.requests().isEmpty, "nothing is sent for a take the review would reject")

            let shallow = try await runPreflight(["update"] + emulator.target + ["--training-video", still, "--no-deep", "--dry-run"],
                                                 environment: emulator.clientEnvironment)
            #expect(shallow.status == 0, "stderr: \(shallow.stderr)")
        }
    }

    @Test("a job in the wrong state is refused with exit 3, naming the state; nothing is uploaded")
    func wrongState() async throws {
        try await EmulatorProcess.with(state: "MANUAL_VERIFYING") { emulator in
            let result = try await runPreflight(["update"] + emulator.target + ["--training-video", try await E2EUpdateInputs.path("training.mp4")],
                                          environment: emulator.clientEnvironment)
            #expect(result.status == 3)
            #expect(result.stderr.contains("MANUAL_VERIFYING"))
            expectNoSecrets(result)
            #expect(try await emulator.requests().allSatisfy { $0.method == "GET" })
            #expect(try await emulator.state() == "MANUAL_VERIFYING")
        }
    }

    @Test("missing credentials: exit 2 with advice, after lint passed")
    func missingCredentials() async throws {
        try await EmulatorProcess.with() { emulator in
            let result = try await runPreflight(
                ["update"] + emulator.target + ["--training-video", try await E2EUpdateInputs.path("training.mp4")],
                environment: ["CLOUD_SDK_AK": "", "CLOUD_SDK_SK": "", "CLOUD_SDK_TOKEN": "", "CLOUD_SDK_PROJECT_ID": EmulatorProcess.projectID])
            #expect(result.status == 2)
            #expect(result.stderr.contains("CLOUD_SDK_AK"))
            #expect(try await emulator.requests().isEmpty)
        }
    }

    @Test("a CONFIRM that fails after the upload exits 4 with the --resume advice; --resume then confirms and submits")
    func confirmFailureExitsFour() async throws {
        try await EmulatorProcess.with() { emulator in
            let cwd = try TemporaryDirectory()
            let training = try await E2EUpdateInputs.path("training.mp4")
            try await emulator.injectFault(#"{"fault": "status", "status": 500, "match": "api", "method": "POST", "path_suffix": "/command", "times": 1}"#)
            let arguments = ["update"] + emulator.target + ["--training-video", training, "--submit"]
            do {
                let failed = try await runPreflight(arguments + ["--format", "json"], environment: emulator.clientEnvironment,
                                                    currentDirectory: cwd.url)
                #expect(failed.status == 4, "stderr: \(failed.stderr)")
                #expect(failed.stderr.contains("was updated") && failed.stderr.contains("--resume"))
                let json = try #require(try JSONSerialization.jsonObject(with: failed.stdoutData) as? [String: Any])
                #expect((json["error"] as? [String: Any])?["kind"] as? String == "upload-failed")
                expectNoSecrets(failed)
            }
            let resumed = try await runPreflight(arguments + ["--resume"], environment: emulator.clientEnvironment, currentDirectory: cwd.url)
            #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
            #expect(try await emulator.state() == "MANUAL_VERIFYING")
            let stored = try #require(emulator.storedFile("training_video"))
            #expect(try await fileSHA256(stored.path) == fileSHA256(training))
        }
    }

    @Test("an upload that keeps failing exits 4 and keeps a private journal; --resume then finishes it")
    func uploadFailureThenResume() async throws {
        try await EmulatorProcess.with() { emulator in
            let cwd = try TemporaryDirectory()
            let training = try await E2EUpdateInputs.path("training.mp4")
            try await emulator.injectFault(#"{"fault": "status", "status": 500, "match": "upload_part", "role": "training_video", "part": 2, "times": 50}"#)
            let arguments = ["update"] + emulator.target + ["--training-video", training, "--part-size", "512KiB", "--submit"]
            let failed = try await runPreflight(arguments, environment: emulator.clientEnvironment, currentDirectory: cwd.url)
            #expect(failed.status == 4, "stderr: \(failed.stderr)")
            #expect(failed.stderr.contains("--resume"))
            expectNoSecrets(failed)
            let journal = cwd.file(".preflight-update-\(emulator.jobID).journal.json")
            let mode = try FileManager.default.attributesOfItem(atPath: journal.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)

            try await emulator.clearFaults()
            let resumed = try await runPreflight(arguments + ["--resume"], environment: emulator.clientEnvironment, currentDirectory: cwd.url)
            #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
            expectNoSecrets(resumed)
            #expect(try await emulator.requests().filter { $0.kind == "api" && $0.method == "PUT" }.count == 1, "one Update call in all")
            let stored = try #require(emulator.storedFile("training_video"))
            #expect(try await fileSHA256(stored.path) == fileSHA256(training))
            #expect(try await emulator.state() == "MANUAL_VERIFYING")
        }
    }

    @Test("a SIGKILLed update mid-upload is finished by --resume, byte-exact, sending only the missing parts")
    func killThenResume() async throws {
        try await EmulatorProcess.with() { emulator in
            let cwd = try TemporaryDirectory()
            let training = try await E2EUpdateInputs.path("training.mp4")
            // Part 3 crawls (about 3.5 s for 512 KiB), so the process is surely mid-upload when it is killed.
            try await emulator.injectFault(#"{"fault": "slow_body", "bytes_per_second": 150000, "match": "upload_part", "role": "training_video", "part": 3}"#)
            let arguments = ["update"] + emulator.target + ["--training-video", training, "--part-size", "512KiB", "--parallel", "1", "--submit"]

            let update = try await ChildProcess.start(
                RepoPaths.preflightBinary.path, arguments, environment: emulator.clientEnvironment,
                currentDirectory: cwd.url)

            // With one part at a time, part 3 starts only after part 2 was answered and journalled. Wait for the
            // emulator's log to show the second upload answered, then kill the update while part 3 trickles.
            let log = await emulator.child.waitForOutput(on: .stderr, orUntilExitOf: update) { text in
                text.split(separator: "\n").filter { $0.contains("PUT /upload/") && $0.hasSuffix(" 200") }.count >= 2
            }
            #expect(log != nil, "the emulator never answered two uploads")
            update.send(SIGKILL)
            let killed = await update.exit()
            #expect(killed.killedBySignal)
            let journal = cwd.file(".preflight-update-\(emulator.jobID).journal.json")
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: journal)) as? [String: Any]
            let parts = (object?["files"] as? [[String: Any]])?.first?["parts"] as? [[String: Any]] ?? []
            let uploaded = parts.map { $0["uploaded"] as? Bool ?? false }
            #expect(uploaded.count > 3 && uploaded[0] && !uploaded[2], "the journal records part 1, and not part 3")
            #expect(emulator.storedFile("training_video") == nil, "nothing was assembled before the kill")

            try await emulator.clearFaults()
            let resumed = try await runPreflight(arguments + ["--resume"], environment: emulator.clientEnvironment, currentDirectory: cwd.url)
            #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
            expectNoSecrets(resumed)
            let requests = try await emulator.requests()
            #expect(requests.filter { $0.kind == "api" && $0.method == "PUT" }.count == 1, "resume makes no new Update call")
            // Part 3's bytes may already sit in the kernel's socket buffers when the process dies and still arrive; the
            // resume then finds its URL used (403), asks GET_MULTIPART_UPLOADED and counts it as uploaded.
            for part in [1, 2] {
                let sent = requests.filter { $0.kind == "upload" && $0.uploadPart == part && ($0.status ?? 0) < 300 }
                #expect(sent.count == 1, "part \(part) was not sent again")
            }
            let stored = try #require(emulator.storedFile("training_video"))
            #expect(try await fileSHA256(stored.path) == fileSHA256(training))
            #expect(try await emulator.state() == "MANUAL_VERIFYING")
            #expect(!FileManager.default.fileExists(atPath: journal.path))
        }
    }

    @Test("--dry-run prints the plan and sends nothing but the Show")
    func dryRun() async throws {
        try await EmulatorProcess.with() { emulator in
            let result = try await runPreflight(["update"] + emulator.target + ["--training-video", try await E2EUpdateInputs.path("training.mp4"),
                                                                          "--part-size", "1MiB", "--submit", "--dry-run"],
                                          environment: emulator.clientEnvironment)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.contains("Dry run: job \(emulator.jobID) is in AUTO_VERIFY_FAILED"))
            #expect(result.stdout.contains("training_video_upload_url"))
            #expect(result.stdout.contains("CONFIRM_MULTIPART_UPLOADED, SUBMITVERIFYING"))
            #expect(try await emulator.requests().allSatisfy { $0.method == "GET" })
        }
    }

    @Test("--output writes the result to files (text to the terminal, JSON to a file), lint failures included")
    func outputFiles() async throws {
        try await EmulatorProcess.with() { emulator in
            let folder = try TemporaryDirectory()
            let planJSON = folder.url.appendingPathComponent("plan.json").path
            let planText = folder.url.appendingPathComponent("plan.txt").path
            let training = try await E2EUpdateInputs.path("training.mp4")
            let result = try await runPreflight(["update"] + emulator.target + ["--training-video", training, "--dry-run",
                                                                                "--output", "json:" + planJSON, "--output", "text:" + planText],
                                                environment: emulator.clientEnvironment)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.contains("Dry run: job \(emulator.jobID)"), "text still goes to standard output")
            let plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: planJSON))) as? [String: Any])
            #expect(plan["status"] as? String == "planned")
            #expect(try String(contentsOfFile: planText, encoding: .utf8) == result.stdout)

            let lintJSON = folder.url.appendingPathComponent("lint.json").path
            let short = try await E2EUpdateInputs.path("short.mp4")
            let failing = try await runPreflight(["update"] + emulator.target + ["--training-video", short, "--output", lintJSON,
                                                                                 "--format", "json"],
                                                 environment: emulator.clientEnvironment)
            #expect(failing.status == 1)
            #expect(failing.stdout.isEmpty, "a bare FILE takes the place of standard output")
            let lint = try await runPreflight(["lint", "--format", "json", short])
            #expect(try String(contentsOfFile: lintJSON, encoding: .utf8) == lint.stdout)

            let junit = try await runPreflight(["update"] + emulator.target + ["--training-video", short, "--output", "junit:x.xml"])
            #expect(junit.status == 64 && junit.stderr.contains("text or json"))
        }
    }

    @Test("usage errors exit 64", arguments: [
        ["update", "--job-id", "j"],
        ["update", "--job-id", "j", "--training-video", "a.mp4", "--part-size", "10KiB"],
        ["update", "--job-id", "j", "--training-video", "a.mp4", "--parallel", "0"],
        ["update", "--job-id", "j", "--training-video", "a.mp4", "--supported-service", "VIDEO_3D"],
    ])
    func usage(arguments: [String]) async throws {
        #expect(try await runPreflight(arguments).status == 64)
    }

    @Test("--help documents the exit statuses")
    func help() async throws {
        let result = try await runPreflight(["update", "--help"])
        for status in ["0   done", "1   at least one file fails lint", "2   the tool could not run", "3   the job is in a state",
                       "4   an upload", "64  usage error"] {
            #expect(result.stdout.contains(status))
        }
    }
}
