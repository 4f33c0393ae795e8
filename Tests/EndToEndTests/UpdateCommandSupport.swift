import Foundation
import TestSupport

/// A `preflight emulator` subprocess with one seeded job, scripted through its loopback control endpoints (curl).
final class EmulatorProcess: @unchecked Sendable {
    static let projectID = "0123456789abcdef0123456789abcdef"
    static let accessKey = "E2EUPDATEAK00000"
    static let secretKey = "e2e-update-secret-never-printed"

    let process: Process
    let baseURL: String
    let storage: TemporaryDirectory
    let jobID: String

    /// Starts the emulator and waits for its base URL (the first stdout line).
    init(jobID: String = "job-e2e-1", state: String = "AUTO_VERIFY_FAILED") throws {
        storage = try TemporaryDirectory(prefix: "preflight-e2e-emulator")
        self.jobID = jobID
        process = Process()
        process.executableURL = RepoPaths.preflightBinary
        process.arguments = ["emulator", "--project-id", Self.projectID, "--ak", Self.accessKey, "--sk", Self.secretKey,
                             "--job", "\(jobID)=\(state)", "--storage", storage.url.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        let handle = out.fileHandleForReading
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("http://127.0.0.1:") else {
            process.terminate()
            throw TestSupportError("preflight emulator did not print its base URL (got '\(text)')")
        }
        baseURL = text
    }

    /// Stops the emulator (SIGTERM) and waits for it.
    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }

    /// The environment `preflight update` needs to reach this emulator.
    var clientEnvironment: [String: String] {
        ["CLOUD_SDK_AK": Self.accessKey, "CLOUD_SDK_SK": Self.secretKey, "CLOUD_SDK_PROJECT_ID": Self.projectID]
    }

    /// Arguments naming the endpoint and job.
    var target: [String] { ["--endpoint", baseURL, "--job-id", jobID] }

    @discardableResult
    func control(_ method: String, _ path: String, body: String? = nil) throws -> Data {
        var arguments = ["-s", "-f", "-X", method, baseURL + "/__emulator/" + path]
        if let body { arguments += ["-H", "Content-Type: application/json", "--data-binary", body] }
        let result = try runProcess("curl", arguments, timeout: 30)
        guard result.status == 0 else { throw TestSupportError("curl \(method) \(path) failed: \(result.status)") }
        return result.stdoutData
    }

    /// Adds a fault, e.g. `{"fault": "status", "status": 500, "match": "upload_part", "role": "training_video", "part": 2}`.
    func injectFault(_ json: String) throws { try control("POST", "faults", body: json) }

    func clearFaults() throws { try control("DELETE", "faults") }

    struct Request: Decodable {
        var method: String
        var path: String
        var status: Int?
        var kind: String
        var uploadRole: String?
        var uploadPart: Int?
    }

    /// Requests the emulator handled so far.
    func requests() throws -> [Request] {
        try JSONDecoder().decode([Request].self, from: control("GET", "requests"))
    }

    struct Snapshot: Decodable {
        var state: String
    }

    /// The job's current state.
    func state() throws -> String {
        try JSONDecoder().decode(Snapshot.self, from: control("GET", "jobs/\(jobID)")).state
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
    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: URL?

    /// The folder holding training.mp4, short.mp4, id-front.jpg, id-back.png, audio.zip.
    static func folder() throws -> URL {
        try lock.withLock {
            if let made { return made }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-e2e-update-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let clip = folder.appendingPathComponent("clip.mp4")
            try FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "color=c=green:s=1920x1080:r=25:d=2"] + FFmpegTools.x264 + ["-g", "50", clip.path])
            try FFmpegTools.ffmpeg(["-stream_loop", "91", "-i", clip.path, "-f", "lavfi", "-i", "anoisesrc=d=181:a=0.3:r=48000",
                                    "-map", "0:v", "-map", "1:a", "-c:v", "copy", "-c:a", "aac", "-b:a", "128k", "-t", "181",
                                    folder.appendingPathComponent("training.mp4").path])
            try FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=25:d=4"] + FFmpegTools.x264
                                   + [folder.appendingPathComponent("short.mp4").path])
            try FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "color=c=blue:s=640x360", "-frames:v", "1",
                                    folder.appendingPathComponent("id-front.jpg").path])
            try FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "color=c=red:s=640x360", "-frames:v", "1",
                                    folder.appendingPathComponent("id-back.png").path])
            let wav = folder.appendingPathComponent("voice.wav")
            try FFmpegTools.ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:duration=2", wav.path])
            let zip = try runProcess("python3", ["-m", "zipfile", "-c", folder.appendingPathComponent("audio.zip").path, wav.path])
            guard zip.status == 0 else { throw TestSupportError("python3 -m zipfile failed: \(zip.stderr)") }
            try FileManager.default.removeItem(at: wav)
            try FileManager.default.removeItem(at: clip)
            made = folder
            return folder
        }
    }

    static func path(_ name: String) throws -> String { try folder().appendingPathComponent(name).path }
}

/// The hex SHA-256 of a file (sha256sum).
func fileSHA256(_ path: String) throws -> String {
    let result = try runProcess("sha256sum", [path])
    guard result.status == 0, let digest = result.stdout.split(separator: " ").first else {
        throw TestSupportError("sha256sum \(path) failed")
    }
    return String(digest)
}
