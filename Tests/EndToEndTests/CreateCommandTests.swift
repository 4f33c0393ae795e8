import Foundation
import TestSupport
import Testing

@Suite("preflight create (end to end)", .serialized)
struct CreateCommandTests {
    /// Fails the test if any secret or signed-URL query appears in the output.
    private func expectNoSecrets(_ result: ProcessResult, sourceLocation: SourceLocation = #_sourceLocation) {
        for text in [result.stdout, result.stderr] {
            #expect(!text.contains(EmulatorProcess.secretKey), sourceLocation: sourceLocation)
            #expect(!text.contains(EmulatorProcess.accessKey), sourceLocation: sourceLocation)
            #expect(text.range(of: #"[?&][A-Za-z0-9_.-]+="#, options: .regularExpression) == nil,
                    "a URL query string in the output", sourceLocation: sourceLocation)
        }
    }

    private func json(_ result: ProcessResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], "stdout: \(result.stdout)")
    }

    /// `preflight create` against `emulator` (endpoint and files from the shared inputs) plus `extra`.
    private func createArguments(_ emulator: EmulatorProcess, name: String, _ extra: [String]) -> [String] {
        ["create", "--endpoint", emulator.baseURL, "--name", name] + extra
    }

    @Test("--submit creates one job, prints its id at once, uploads every file byte-exact and submits it; JSON summary")
    func happyPath() async throws {
        try await EmulatorProcess.with() { emulator in
            let cwd = try TemporaryDirectory()
            let training = try await E2EUpdateInputs.path("training.mp4")
            let front = try await E2EUpdateInputs.path("id-front.jpg"), back = try await E2EUpdateInputs.path("id-back.png")
            let audio = try await E2EUpdateInputs.path("audio.zip")
            let result = try await runPreflight(
                createArguments(emulator, name: "Avatar 1", [
                    "--training-video", training, "--id-card-front", front, "--id-card-back", back, "--audio-zip", audio,
                    "--part-size", "512KiB", "--model-version", "V3.2", "--tag", "first", "--submit", "--format", "json"]),
                environment: emulator.clientEnvironment, currentDirectory: cwd.url)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            expectNoSecrets(result)
            let output = try json(result)
            #expect(output["status"] as? String == "completed")
            let jobID = try #require(output["job_id"] as? String)
            #expect(createdJobID(in: result.stderr) == jobID, "the progress line names the job")
            let summary = try #require(output["summary"] as? [String: Any])
            #expect(summary["commands"] as? [String] == ["CONFIRM_MULTIPART_UPLOADED", "SUBMITVERIFYING"])
            #expect(summary["submitted"] as? Bool == true)

            let job = try await emulator.job(jobID)
            #expect(job.name == "Avatar 1")
            #expect(job.state == "MANUAL_VERIFYING")
            for (role, path) in [("training_video", training), ("id_card_image1", front), ("id_card_image2", back), ("audio", audio)] {
                let stored = try #require(emulator.storedFile(role, job: jobID), "nothing stored for \(role)")
                #expect(try await fileSHA256(stored.path) == fileSHA256(path), "\(role) differs")
            }
            #expect(try await emulator.createRequests().count == 1)
            let uploads = try await emulator.requests().filter { $0.kind == "upload" && $0.uploadRole == "training_video" }
            #expect(uploads.count > 3, "the training video went up in several parts")
            #expect(try FileManager.default.contentsOfDirectory(atPath: cwd.url.path).isEmpty, "the journal is removed when done")
        }
    }

    @Test("a failing file: lint's report and exit 1; the emulator receives zero requests and no journal is written")
    func lintFailure() async throws {
        try await EmulatorProcess.with() { emulator in
            let cwd = try TemporaryDirectory()
            let short = try await E2EUpdateInputs.path("short.mp4")
            for format in ["text", "json"] {
                let result = try await runPreflight(
                    createArguments(emulator, name: "Avatar 1", ["--training-video", short, "--submit", "--format", format]),
                    environment: emulator.clientEnvironment, currentDirectory: cwd.url)
                #expect(result.status == 1)
                // Create checks content by default, and the service replaces the background unless told otherwise.
                let lint = try await runPreflight(["lint", "--deep", "--background-replacement", "--role", "training-video",
                                                   "--format", format, short])
                #expect(lint.status == 1)
                #expect(result.stdout == lint.stdout, "create reports lint failures exactly as lint does (\(format))")
                #expect(createdJobID(in: result.stderr) == nil)
                expectNoSecrets(result)
            }
            #expect(try await emulator.requests().isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: cwd.url.path).isEmpty)
        }
    }

    @Test("a SIGKILLed create mid-upload is finished by --resume from its journal: no second Create, byte-exact")
    func killThenResume() async throws {
        try await EmulatorProcess.with() { emulator in
            let cwd = try TemporaryDirectory()
            let training = try await E2EUpdateInputs.path("training.mp4")
            // Part 3 crawls (about 3.5 s for 512 KiB), so the process is surely mid-upload when it is killed.
            try await emulator.injectFault(#"{"fault": "slow_body", "bytes_per_second": 150000, "match": "upload_part", "role": "training_video", "part": 3}"#)
            let arguments = createArguments(emulator, name: "Avatar 2", ["--training-video", training, "--part-size", "512KiB",
                                                                        "--parallel", "1", "--submit"])
            let create = try await ChildProcess.start(
                RepoPaths.preflightBinary.path, arguments, environment: emulator.clientEnvironment,
                currentDirectory: cwd.url)

            // With one part at a time, part 3 starts only after part 2 was answered and journalled.
            let log = await emulator.child.waitForOutput(on: .stderr, orUntilExitOf: create) { text in
                text.split(separator: "\n").filter { $0.contains("PUT /upload/") && $0.hasSuffix(" 200") }.count >= 2
            }
            #expect(log != nil, "the emulator never answered two uploads")
            create.send(SIGKILL)
            let killed = await create.exit()
            #expect(killed.killedBySignal)
            let jobID = try #require(createdJobID(in: killed.stderr), "the job id was printed before the kill: \(killed.stderr)")
            let journal = cwd.file(".preflight-create-Avatar_2.journal.json")
            let object = try #require(try JSONSerialization.jsonObject(with: await readFile(journal)) as? [String: Any])
            #expect(object["jobID"] as? String == jobID, "the journal records the new job")
            let parts = (object["files"] as? [[String: Any]])?.first?["parts"] as? [[String: Any]] ?? []
            let uploaded = parts.map { $0["uploaded"] as? Bool ?? false }
            #expect(uploaded.count > 3 && uploaded[0] && !uploaded[2], "the journal records part 1, and not part 3")
            #expect(try await emulator.job(jobID).state == "WAIT_FILE_UPLOAD")

            try await emulator.clearFaults()
            let resumed = try await runPreflight(arguments + ["--resume", "--format", "json"], environment: emulator.clientEnvironment,
                                                 currentDirectory: cwd.url)
            #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
            expectNoSecrets(resumed)
            let output = try json(resumed)
            #expect(output["job_id"] as? String == jobID)
            #expect((output["summary"] as? [String: Any])?["resumed"] as? Bool == true)
            #expect(try await emulator.createRequests().count == 1, "resume makes no new Create call")
            let requests = try await emulator.requests()
            for part in [1, 2] {
                let sent = requests.filter { $0.kind == "upload" && $0.uploadPart == part && ($0.status ?? 0) < 300 }
                #expect(sent.count == 1, "part \(part) was not sent again")
            }
            let stored = try #require(emulator.storedFile("training_video", job: jobID))
            #expect(try await fileSHA256(stored.path) == fileSHA256(training))
            #expect(try await emulator.job(jobID).state == "MANUAL_VERIFYING")
            #expect(!FileManager.default.fileExists(atPath: journal.path))
        }
    }

    @Test("Create's answer lost (reset, 503): exit 2, sent exactly once, and the message says how to find the job",
          arguments: [#"{"fault": "connection_reset", "match": "api", "method": "POST", "path_suffix": "/user/jobs", "times": 5}"#,
                      #"{"fault": "status", "status": 503, "match": "api", "method": "POST", "path_suffix": "/user/jobs", "times": 5}"#])
    func lostAnswerIsNotRetried(fault: String) async throws {
        try await EmulatorProcess.with() { emulator in
            let cwd = try TemporaryDirectory()
            try await emulator.injectFault(fault)
            let result = try await runPreflight(
                createArguments(emulator, name: "Avatar 3", ["--training-video", try await E2EUpdateInputs.path("training.mp4"),
                                                             "--submit", "--format", "json"]),
                environment: emulator.clientEnvironment, currentDirectory: cwd.url)
            #expect(result.status == 2, "stderr: \(result.stderr)")
            expectNoSecrets(result)
            #expect(result.stderr.contains("preflight jobs list --name 'Avatar 3'"))
            #expect(result.stderr.contains("never retried"))
            let error = try #require(try json(result)["error"] as? [String: Any])
            #expect(error["kind"] as? String == "outcome-unknown")
            #expect(try await emulator.createRequests().count == 1, "Create was sent exactly once")
            #expect(try await emulator.requests().allSatisfy { $0.kind == "api" })
            #expect(try FileManager.default.contentsOfDirectory(atPath: cwd.url.path).isEmpty, "no journal without a job id")
        }
    }

    @Test("an upload failing after Create exits 4 with the job id and --resume; a plain rerun is refused; --resume finishes")
    func failureAfterCreate() async throws {
        try await EmulatorProcess.with() { emulator in
            let cwd = try TemporaryDirectory()
            let training = try await E2EUpdateInputs.path("training.mp4")
            try await emulator.injectFault(#"{"fault": "status", "status": 500, "match": "upload_part", "role": "training_video", "part": 2, "times": 50}"#)
            let arguments = createArguments(emulator, name: "Avatar 4", ["--training-video", training, "--part-size", "512KiB", "--submit"])
            let failed = try await runPreflight(arguments + ["--format", "json"], environment: emulator.clientEnvironment,
                                                currentDirectory: cwd.url)
            #expect(failed.status == 4, "stderr: \(failed.stderr)")
            #expect(failed.stderr.contains("--resume"))
            expectNoSecrets(failed)
            let output = try json(failed)
            let jobID = try #require(output["job_id"] as? String, "the JSON names the job that exists")
            #expect(createdJobID(in: failed.stderr) == jobID)
            #expect((output["error"] as? [String: Any])?["kind"] as? String == "upload-failed")
            let journal = cwd.file(".preflight-create-Avatar_4.journal.json")
            let mode = try FileManager.default.attributesOfItem(atPath: journal.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)

            // The same command without --resume would make a second job: it is refused, naming the journal and job.
            try await emulator.clearFaults()
            let again = try await runPreflight(arguments, environment: emulator.clientEnvironment, currentDirectory: cwd.url)
            #expect(again.status == 2)
            #expect(again.stderr.contains(journal.lastPathComponent) && again.stderr.contains(jobID))
            #expect(try await emulator.createRequests().count == 1)

            let resumed = try await runPreflight(arguments + ["--resume"], environment: emulator.clientEnvironment, currentDirectory: cwd.url)
            #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
            expectNoSecrets(resumed)
            #expect(resumed.stdout.contains("Finished job \(jobID)"))
            #expect(try await emulator.createRequests().count == 1, "one Create call in all")
            let stored = try #require(emulator.storedFile("training_video", job: jobID))
            #expect(try await fileSHA256(stored.path) == fileSHA256(training))
            #expect(try await emulator.job(jobID).state == "MANUAL_VERIFYING")
        }
    }

    @Test("--resume without a journal exits 2, points to jobs list --name, and sends nothing")
    func resumeWithoutJournal() async throws {
        try await EmulatorProcess.with() { emulator in
            let cwd = try TemporaryDirectory()
            let result = try await runPreflight(
                createArguments(emulator, name: "Avatar5", ["--training-video", try await E2EUpdateInputs.path("training.mp4"), "--resume"]),
                environment: emulator.clientEnvironment, currentDirectory: cwd.url)
            #expect(result.status == 2)
            #expect(result.stderr.contains("preflight jobs list --name Avatar5"))
            #expect(try await emulator.requests().isEmpty)
        }
    }

    @Test("usage errors exit 64", arguments: [
        ["create", "--training-video", "a.mp4"],
        ["create", "--name", "x"],
        ["create", "--name", " ", "--training-video", "a.mp4"],
        ["create", "--name", "x", "--training-video", "a.mp4", "--model-version", "V9"],
        ["create", "--name", "x", "--training-video", "a.mp4", "--flexus", "--supported-service", "LIVE_2D"],
        ["create", "--name", "x", "--training-video", "a.mp4", "--part-size", "10KiB"],
        ["create", "--name", "x", "--training-video", "a.mp4", "--output", "junit:x.xml"],
    ])
    func usage(arguments: [String]) async throws {
        #expect(try await runPreflight(arguments).status == 64)
    }

    @Test("an --output format that create does not write is refused, naming the formats it does")
    func outputFormatRefused() async throws {
        let result = try await runPreflight(["create", "--name", "x", "--training-video", "a.mp4", "--output", "html:x.html"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("create and update write text or json, not html (--output html:x.html)"))
    }

    @Test("--help says Create is never retried and documents the exit statuses")
    func help() async throws {
        let result = try await runPreflight(["create", "--help"])
        #expect(result.stdout.contains("never retried automatically"))
        #expect(result.stdout.contains("preflight jobs list --name NAME"))
        for status in ["0   done", "1   at least one file fails lint", "2   no job was made", "3   with --resume",
                       "4   an upload", "64  usage error"] {
            #expect(result.stdout.contains(status))
        }
    }
}
