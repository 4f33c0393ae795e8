import Foundation
import TestSupport

/// A `preflight emulator` subprocess with one seeded job, scripted through its loopback control endpoints (curl).
final class EmulatorProcess: Sendable {
    static let projectID = "0123456789abcdef0123456789abcdef"
    static let accessKey = "E2EUPDATEAK00000"
    static let secretKey = "e2e-update-secret-never-printed"

    let child: ChildProcess
    let baseURL: String
    /// The token the control endpoints require, read from the start-up line.
    let controlToken: String
    let storage: TemporaryDirectory
    let jobID: String

    /// Starts the emulator and waits for its base URL and control token (the first stdout line).
    static func start(jobID: String = "job-e2e-1", state: String = "AUTO_VERIFY_FAILED") async throws -> EmulatorProcess {
        let storage = try TemporaryDirectory(prefix: "e2e-emulator")
        let child = try await ChildProcess.start(
            RepoPaths.preflightBinary.path,
            ["emulator", "--project-id", projectID, "--ak", accessKey, "--sk", secretKey,
             "--job", "\(jobID)=\(state)", "--storage", storage.url.path])
        let line = await child.firstLine()?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let start = EmulatorStartLine(line) else {
            child.send(SIGKILL)
            let result = await child.exit()
            throw TestSupportError("preflight emulator did not print its base URL and control token (got '\(line)'): \(result.stderr)")
        }
        return EmulatorProcess(child: child, start: start, storage: storage, jobID: jobID)
    }

    private init(child: ChildProcess, start: EmulatorStartLine, storage: TemporaryDirectory, jobID: String) {
        self.child = child
        self.baseURL = start.baseURL
        self.controlToken = start.controlToken
        self.storage = storage
        self.jobID = jobID
    }

    /// Stops the emulator (SIGTERM) and awaits its exit.
    func stop() async {
        child.send(SIGTERM)
        _ = await child.exit()
    }

    /// Runs `body` with a fresh emulator and always stops it.
    static func with(jobID: String = "job-e2e-1", state: String = "AUTO_VERIFY_FAILED",
                     _ body: (EmulatorProcess) async throws -> Void) async throws {
        let emulator = try await start(jobID: jobID, state: state)
        do {
            try await body(emulator)
        } catch {
            await emulator.stop()
            throw error
        }
        await emulator.stop()
    }

    /// The environment `preflight update` needs to reach this emulator.
    var clientEnvironment: [String: String] {
        ["CLOUD_SDK_AK": Self.accessKey, "CLOUD_SDK_SK": Self.secretKey, "CLOUD_SDK_PROJECT_ID": Self.projectID]
    }

    /// Arguments naming the endpoint and job.
    var target: [String] { ["--endpoint", baseURL, "--job-id", jobID] }

    @discardableResult
    func control(_ method: String, _ path: String, body: String? = nil) async throws -> Data {
        var arguments = ["-s", "-f", "-X", method, "-H", "\(EmulatorStartLine.tokenHeader): \(controlToken)", baseURL + "/__emulator/" + path]
        if let body { arguments += ["-H", "Content-Type: application/json", "--data-binary", body] }
        let result = try await runProcess("curl", arguments)
        guard result.status == 0 else { throw TestSupportError("curl \(method) \(path) failed: \(result.status)") }
        return result.stdoutData
    }

    /// Adds a fault, e.g. `{"fault": "status", "status": 500, "match": "upload_part", "role": "training_video", "part": 2}`.
    func injectFault(_ json: String) async throws { try await control("POST", "faults", body: json) }

    func clearFaults() async throws { try await control("DELETE", "faults") }

    struct Request: Decodable {
        var method: String
        var path: String
        var status: Int?
        var kind: String
        var uploadRole: String?
        var uploadPart: Int?
    }

    /// Requests the emulator handled so far.
    func requests() async throws -> [Request] {
        try JSONDecoder().decode([Request].self, from: await control("GET", "requests"))
    }

    struct Snapshot: Decodable {
        var state: String
    }

    /// The job's current state.
    func state() async throws -> String {
        try JSONDecoder().decode(Snapshot.self, from: await control("GET", "jobs/\(jobID)")).state
    }

    /// Where the emulator stores an assembled or single file for a role (`training_video`, `cover`, …).
    func storedFile(_ role: String) -> URL? {
        let folder = storage.url.appendingPathComponent(jobID)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.first { $0.hasPrefix(role + ".") }.map { folder.appendingPathComponent($0) }
    }
}

/// Small real inputs for the CLI tests, made once per process.
enum E2EUpdateInputs {
    private static let made = Task { try await make() }

    /// The folder holding training.mp4, short.mp4, id-front.jpg, id-back.png, audio.zip.
    static func folder() async throws -> URL { try await made.value }

    private static func make() async throws -> URL {
        do {
            let folder = try TestRun.folder("e2e-update-inputs")
            let clip = folder.appendingPathComponent("clip.mp4")
            // A take the content rules pass (update and create check content by default): a green screen with a dark
            // figure swaying in front of it, one sway per 2 s so that the looped clip has no seam, and a key frame each
            // second, so the sampled key frames alternate between the figure's two sides. (A still take, as this
            // fixture once was, is what `video.still` rejects; so is a key frame only once per loop.)
            let take = "color=c=0x00B140:s=1920x1080:r=25:d=2[bg];color=c=0x303030:s=360x640:r=25[p];"
                + "[bg][p]overlay=x='780+90*cos(PI*t)':y=300:shortest=1"
            try await FFmpegTools.ffmpeg(["-f", "lavfi", "-i", take] + FFmpegTools.x264 + ["-g", "25", clip.path])
            try await FFmpegTools.ffmpeg(["-stream_loop", "91", "-i", clip.path, "-f", "lavfi", "-i", "anoisesrc=d=181:a=0.3:r=48000",
                                    "-map", "0:v", "-map", "1:a", "-c:v", "copy", "-c:a", "aac", "-b:a", "128k", "-t", "181",
                                    folder.appendingPathComponent("training.mp4").path])
            // The same length, format and sound, but a picture that never changes: only the content rules reject it.
            let still = folder.appendingPathComponent("still-clip.mp4")
            try await FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "color=c=0x00B140:s=1920x1080:r=25:d=2"] + FFmpegTools.x264
                                   + ["-g", "25", still.path])
            try await FFmpegTools.ffmpeg(["-stream_loop", "91", "-i", still.path, "-f", "lavfi", "-i", "anoisesrc=d=181:a=0.3:r=48000",
                                    "-map", "0:v", "-map", "1:a", "-c:v", "copy", "-c:a", "aac", "-b:a", "128k", "-t", "181",
                                    folder.appendingPathComponent("still.mp4").path])
            try FileManager.default.removeItem(at: still)
            try await FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=25:d=4"] + FFmpegTools.x264
                                   + [folder.appendingPathComponent("short.mp4").path])
            try await FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "color=c=blue:s=640x360", "-frames:v", "1",
                                    folder.appendingPathComponent("id-front.jpg").path])
            try await FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "color=c=red:s=640x360", "-frames:v", "1",
                                    folder.appendingPathComponent("id-back.png").path])
            let wav = folder.appendingPathComponent("voice.wav")
            try await FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:duration=2", wav.path])
            let zip = try await runProcess("python3", ["-m", "zipfile", "-c", folder.appendingPathComponent("audio.zip").path, wav.path])
            guard zip.status == 0 else { throw TestSupportError("python3 -m zipfile failed: \(zip.stderr)") }
            try FileManager.default.removeItem(at: wav)
            try FileManager.default.removeItem(at: clip)
            return folder
        }
    }

    static func path(_ name: String) async throws -> String { try await folder().appendingPathComponent(name).path }
}

/// The hex SHA-256 of a file (sha256sum).
func fileSHA256(_ path: String) async throws -> String {
    let result = try await runProcess("sha256sum", [path])
    guard result.status == 0, let digest = result.stdout.split(separator: " ").first else {
        throw TestSupportError("sha256sum \(path) failed")
    }
    return String(digest)
}
