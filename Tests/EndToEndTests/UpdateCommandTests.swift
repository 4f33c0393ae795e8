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
    func happyPath() throws {
        let emulator = try EmulatorProcess()
        defer { emulator.stop() }
        let cwd = try TemporaryDirectory()
        let training = try E2EUpdateInputs.path("training.mp4")
        let front = try E2EUpdateInputs.path("id-front.jpg"), back = try E2EUpdateInputs.path("id-back.png")
        let audio = try E2EUpdateInputs.path("audio.zip")
        let result = try runPreflight(
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
        #expect(try emulator.state() == "MANUAL_VERIFYING")
        for (role, path) in [("training_video", training), ("id_card_image1", front), ("id_card_image2", back), ("audio", audio)] {
            let stored = try #require(emulator.storedFile(role), "nothing stored for \(role)")
            #expect(try fileSHA256(stored.path) == fileSHA256(path), "\(role) differs")
        }
        let uploads = try emulator.requests().filter { $0.kind == "upload" && $0.uploadRole == "training_video" }
        #expect(uploads.count > 3, "the training video went up in several parts")
        // The journal is gone once the update is done.
        #expect(try FileManager.default.contentsOfDirectory(atPath: cwd.url.path).isEmpty)
    }

    @Test("a failing file: lint's report and exit 1, and the emulator receives zero requests")
    func lintFailure() throws {
        let emulator = try EmulatorProcess()
        defer { emulator.stop() }
        let short = try E2EUpdateInputs.path("short.mp4")
        for format in ["text", "json"] {
            let result = try runPreflight(["update"] + emulator.target + ["--training-video", short, "--submit", "--format", format],
                                          environment: emulator.clientEnvironment)
            #expect(result.status == 1)
            let lint = try runPreflight(["lint", "--role", "training-video", "--format", format, short])
            #expect(lint.status == 1)
            #expect(result.stdout == lint.stdout, "update reports lint failures exactly as lint does (\(format))")
            expectNoSecrets(result)
        }
        #expect(try emulator.requests().isEmpty)
    }

    @Test("a job in the wrong state is refused with exit 3, naming the state; nothing is uploaded")
    func wrongState() throws {
        let emulator = try EmulatorProcess(state: "MANUAL_VERIFYING")
        defer { emulator.stop() }
        let result = try runPreflight(["update"] + emulator.target + ["--training-video", try E2EUpdateInputs.path("training.mp4")],
                                      environment: emulator.clientEnvironment)
        #expect(result.status == 3)
        #expect(result.stderr.contains("MANUAL_VERIFYING"))
        expectNoSecrets(result)
        #expect(try emulator.requests().allSatisfy { $0.method == "GET" })
        #expect(try emulator.state() == "MANUAL_VERIFYING")
    }

    @Test("missing credentials: exit 2 with advice, after lint passed")
    func missingCredentials() throws {
        let emulator = try EmulatorProcess()
        defer { emulator.stop() }
        let result = try runPreflight(
            ["update"] + emulator.target + ["--training-video", try E2EUpdateInputs.path("training.mp4")],
            environment: ["CLOUD_SDK_AK": "", "CLOUD_SDK_SK": "", "CLOUD_SDK_TOKEN": "", "CLOUD_SDK_PROJECT_ID": EmulatorProcess.projectID])
        #expect(result.status == 2)
        #expect(result.stderr.contains("CLOUD_SDK_AK"))
        #expect(try emulator.requests().isEmpty)
    }

    @Test("an upload that keeps failing exits 4 and keeps a private journal; --resume then finishes it")
    func uploadFailureThenResume() throws {
        let emulator = try EmulatorProcess()
        defer { emulator.stop() }
        let cwd = try TemporaryDirectory()
        let training = try E2EUpdateInputs.path("training.mp4")
        try emulator.injectFault(#"{"fault": "status", "status": 500, "match": "upload_part", "role": "training_video", "part": 2, "times": 50}"#)
        let arguments = ["update"] + emulator.target + ["--training-video", training, "--part-size", "512KiB", "--submit"]
        let failed = try runPreflight(arguments, environment: emulator.clientEnvironment, currentDirectory: cwd.url)
        #expect(failed.status == 4, "stderr: \(failed.stderr)")
        #expect(failed.stderr.contains("--resume"))
        expectNoSecrets(failed)
        let journal = cwd.file(".preflight-update-\(emulator.jobID).journal.json")
        let mode = try FileManager.default.attributesOfItem(atPath: journal.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        try emulator.clearFaults()
        let resumed = try runPreflight(arguments + ["--resume"], environment: emulator.clientEnvironment, currentDirectory: cwd.url)
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        expectNoSecrets(resumed)
        #expect(try emulator.requests().filter { $0.kind == "api" && $0.method == "PUT" }.count == 1, "one Update call in all")
        let stored = try #require(emulator.storedFile("training_video"))
        #expect(try fileSHA256(stored.path) == fileSHA256(training))
        #expect(try emulator.state() == "MANUAL_VERIFYING")
    }

    @Test("a SIGKILLed update mid-upload is finished by --resume, byte-exact, sending only the missing parts")
    func killThenResume() throws {
        let emulator = try EmulatorProcess()
        defer { emulator.stop() }
        let cwd = try TemporaryDirectory()
        let training = try E2EUpdateInputs.path("training.mp4")
        // Part 3 crawls (about 3.5 s for 512 KiB), so the process is surely mid-upload when it is killed.
        try emulator.injectFault(#"{"fault": "slow_body", "bytes_per_second": 150000, "match": "upload_part", "role": "training_video", "part": 3}"#)
        let arguments = ["update"] + emulator.target + ["--training-video", training, "--part-size", "512KiB", "--parallel", "1", "--submit"]

        let process = Process()
        process.executableURL = RepoPaths.preflightBinary
        process.arguments = arguments
        process.currentDirectoryURL = cwd.url
        process.environment = ProcessInfo.processInfo.environment.merging(emulator.clientEnvironment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()

        // Wait until the journal records parts 1 and 2, then kill the process while part 3 trickles.
        let journal = cwd.file(".preflight-update-\(emulator.jobID).journal.json")
        let deadline = Date().addingTimeInterval(60)
        var uploaded: [Bool] = []
        while Date() < deadline {
            if let data = try? Data(contentsOf: journal),
               let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
               let files = object["files"] as? [[String: Any]], let parts = files.first?["parts"] as? [[String: Any]] {
                uploaded = parts.map { $0["uploaded"] as? Bool ?? false }
                if uploaded.count > 3, uploaded[0], uploaded[1] { break }
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(uploaded.count > 3 && uploaded[0] && uploaded[1], "the journal never recorded parts 1 and 2")
        Thread.sleep(forTimeInterval: 0.5)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(emulator.storedFile("training_video") == nil, "nothing was assembled before the kill")

        try emulator.clearFaults()
        let resumed = try runPreflight(arguments + ["--resume"], environment: emulator.clientEnvironment, currentDirectory: cwd.url)
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        expectNoSecrets(resumed)
        let requests = try emulator.requests()
        #expect(requests.filter { $0.kind == "api" && $0.method == "PUT" }.count == 1, "resume makes no new Update call")
        // Part 3's bytes may already sit in the kernel's socket buffers when the process dies and still arrive; the
        // resume then finds its URL used (403), asks GET_MULTIPART_UPLOADED and counts it as uploaded.
        for part in [1, 2] {
            let sent = requests.filter { $0.kind == "upload" && $0.uploadPart == part && ($0.status ?? 0) < 300 }
            #expect(sent.count == 1, "part \(part) was not sent again")
        }
        let stored = try #require(emulator.storedFile("training_video"))
        #expect(try fileSHA256(stored.path) == fileSHA256(training))
        #expect(try emulator.state() == "MANUAL_VERIFYING")
        #expect(!FileManager.default.fileExists(atPath: journal.path))
    }

    @Test("--dry-run prints the plan and sends nothing but the Show")
    func dryRun() throws {
        let emulator = try EmulatorProcess()
        defer { emulator.stop() }
        let result = try runPreflight(["update"] + emulator.target + ["--training-video", try E2EUpdateInputs.path("training.mp4"),
                                                                      "--part-size", "1MiB", "--submit", "--dry-run"],
                                      environment: emulator.clientEnvironment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Dry run: job \(emulator.jobID) is in AUTO_VERIFY_FAILED"))
        #expect(result.stdout.contains("training_video_upload_url"))
        #expect(result.stdout.contains("CONFIRM_MULTIPART_UPLOADED, SUBMITVERIFYING"))
        #expect(try emulator.requests().allSatisfy { $0.method == "GET" })
    }

    @Test("usage errors exit 64", arguments: [
        ["update", "--job-id", "j"],
        ["update", "--job-id", "j", "--training-video", "a.mp4", "--part-size", "10KiB"],
        ["update", "--job-id", "j", "--training-video", "a.mp4", "--parallel", "0"],
        ["update", "--job-id", "j", "--training-video", "a.mp4", "--supported-service", "VIDEO_3D"],
    ])
    func usage(arguments: [String]) throws {
        #expect(try runPreflight(arguments).status == 64)
    }

    @Test("--help documents the exit statuses")
    func help() throws {
        let result = try runPreflight(["update", "--help"])
        for status in ["0   done", "1   at least one file fails lint", "2   the tool could not run", "3   the job is in a state",
                       "4   an upload", "64  usage error"] {
            #expect(result.stdout.contains(status))
        }
    }
}
