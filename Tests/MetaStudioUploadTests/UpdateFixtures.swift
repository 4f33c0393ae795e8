import Foundation
import NIOCore
import MetaStudio
import MetaStudioUpload
import MetaStudioEmulator
import Preflight
import TestSupport

/// Tiny real inputs for every upload role, made once per test run in a temporary folder.
struct UpdateInputs: Sendable {
    let directory: URL

    var trainingVideo: URL { directory.appendingPathComponent("training.mp4") }
    var actionVideo: URL { directory.appendingPathComponent("action.mp4") }
    var cover: URL { directory.appendingPathComponent("cover.jpg") }
    var idFront: URL { directory.appendingPathComponent("id-front.jpg") }
    var idBack: URL { directory.appendingPathComponent("id-back.png") }
    var grant: URL { directory.appendingPathComponent("grant.pdf") }
    var preBeauty: URL { directory.appendingPathComponent("pre.jpg") }
    var postBeauty: URL { directory.appendingPathComponent("post.png") }
    var audioZip: URL { directory.appendingPathComponent("audio.zip") }
    /// A video that fails lint (too short).
    var shortVideo: URL { directory.appendingPathComponent("short.mp4") }

    /// Every role with its file.
    var allFiles: [UpdateFile] {
        [
            UpdateFile(role: .trainingVideo, path: trainingVideo.path), UpdateFile(role: .actionVideo, path: actionVideo.path),
            UpdateFile(role: .cover, path: cover.path), UpdateFile(role: .idCardFront, path: idFront.path),
            UpdateFile(role: .idCardBack, path: idBack.path), UpdateFile(role: .grantFile, path: grant.path),
            UpdateFile(role: .preBeautyImage, path: preBeauty.path), UpdateFile(role: .postBeautyImage, path: postBeauty.path),
            UpdateFile(role: .audioZip, path: audioZip.path),
        ]
    }

    /// The shared inputs (built once, on first use, in the test run's folder).
    static func shared() async throws -> UpdateInputs {
        try await made.value
    }

    private static let made = Task { try await make() }

    private static func make() async throws -> UpdateInputs {
        let directory = try TestRun.folder("update-inputs")
        let inputs = UpdateInputs(directory: directory)
        // A 181 s 1080p training video that passes lint: a 2 s clip looped by stream copy, with noise as audio so
        // the file is a few MiB (several parts at 512 KiB). The action video is a copy.
        let clip = directory.appendingPathComponent("clip.mp4")
        try await FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "color=c=green:s=1920x1080:r=25:d=2"] + FFmpegTools.x264 + ["-g", "50", clip.path])
        try await FFmpegTools.ffmpeg(["-stream_loop", "91", "-i", clip.path, "-f", "lavfi", "-i", "anoisesrc=d=181:a=0.3:r=48000",
                                "-map", "0:v", "-map", "1:a", "-c:v", "copy", "-c:a", "aac", "-b:a", "128k", "-t", "181",
                                inputs.trainingVideo.path])
        try FileManager.default.removeItem(at: clip)
        try FileManager.default.copyItem(at: inputs.trainingVideo, to: inputs.actionVideo)
        for (url, colour) in [(inputs.cover, "red"), (inputs.idFront, "blue"), (inputs.idBack, "green"),
                              (inputs.preBeauty, "gray"), (inputs.postBeauty, "white")] {
            try await FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "color=c=\(colour):s=640x360", "-frames:v", "1", url.path])
        }
        try await writeFile(Data(Self.minimalPDF.utf8), to: inputs.grant)
        let wav = directory.appendingPathComponent("voice.wav")
        try await FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-ar", "16000", "-ac", "1", wav.path])
        let zip = try await runProcess("python3", ["-m", "zipfile", "-c", inputs.audioZip.path, wav.path])
        guard zip.status == 0 else { throw TestSupportError("python3 -m zipfile failed: \(zip.stderr)") }
        try FileManager.default.removeItem(at: wav)
        try await FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=25:d=5", "-f", "lavfi", "-i", "sine=d=5",
                                "-shortest"] + FFmpegTools.x264 + ["-c:a", "aac", inputs.shortVideo.path])
        return inputs
    }

    /// A small complete PDF (one empty page), written by hand so no tool is needed.
    static let minimalPDF = MinimalPDF.text(objects: [
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ])
}

/// An emulator with one job, and a client for it; shut both down with `close()`.
struct UpdateHarness {
    static let projectID = "0123456789abcdef0123456789abcdef"
    static let accessKey = "UPDATETESTAK0000"
    static let secretKey = "update-test-secret-key-do-not-print"

    let server: EmulatorServer
    let client: MetaStudioClient
    let baseURL: URL
    let jobID: String

    static func start(jobID: String = "job-update-1", state: String = "AUTO_VERIFY_FAILED") async throws -> UpdateHarness {
        let server = try EmulatorServer(configuration: EmulatorConfiguration(
            projectID: projectID, credentials: [accessKey: secretKey], seededJobs: [jobID: state]))
        let baseURL = try await server.start()
        let configuration = MetaStudioClientConfiguration(
            endpoint: try MetaStudioEndpoint(url: baseURL.absoluteString),
            credentials: .accessKey(accessKey: accessKey, secretKey: secretKey, securityToken: nil),
            projectID: projectID)
        return UpdateHarness(server: server, client: MetaStudioClient(configuration: configuration), baseURL: baseURL, jobID: jobID)
    }

    /// Runs `body` with a fresh harness and always shuts it down.
    static func with(jobID: String = "job-update-1", state: String = "AUTO_VERIFY_FAILED",
                     _ body: (UpdateHarness) async throws -> Void) async throws {
        let harness = try await start(jobID: jobID, state: state)
        do {
            try await body(harness)
        } catch {
            await harness.close()
            throw error
        }
        await harness.close()
    }

    /// Parts of `url` at the test part size.
    static func partCount(_ url: URL) throws -> Int {
        try PartPlan(fileSize: FileIdentity(path: url.path).size, partSize: testPartSize).count
    }

    /// The part size the tests use: 512 KiB, so the training video has several parts.
    static let testPartSize: Int64 = 512 * 1024

    func close() async {
        try? await client.shutdown()
        try? await server.shutdown()
    }

    func options(_ files: [UpdateFile], partSize: Int64? = UpdateHarness.testPartSize, submit: Bool = false,
                 journal: URL? = nil, resume: Bool = false, parallelism: Int = 4) -> UpdateOptions {
        UpdateOptions(jobID: jobID, run: UploadRun(
            projectID: Self.projectID, files: files, partSize: partSize, parallelism: parallelism, submit: submit,
            resume: resume, journalURL: journal,
            retry: RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(20), maxDelay: .milliseconds(100))))
    }

    /// An update that stops after the job was updated: part 2 of the training video keeps failing (500), so the run
    /// ends with a journal at `journal` recording what did arrive; the fault is cleared afterwards.
    func interruptedUpdate(_ files: [UpdateFile], journal: URL, parallelism: Int = 4) async {
        server.injectFault(.status(500), matching: .uploadPart(role: .trainingVideo, part: 2), times: 20)
        _ = try? await UpdateWorkflow(service: client).run(options(files, journal: journal, parallelism: parallelism))
        server.clearFaults()
    }

    /// Uploads received by the emulator (PUTs to upload URLs).
    var uploads: [ReceivedRequest] { server.receivedRequests().filter { $0.kind == .upload } }
}

/// The hex SHA-256 of a file.
func sha256(of url: URL) async throws -> String {
    let result = try await runProcess("sha256sum", [url.path])
    guard result.status == 0, let digest = result.stdout.split(separator: " ").first else {
        throw TestSupportError("sha256sum \(url.path) failed: \(result.stderr)")
    }
    return String(digest)
}
