import Foundation
import TestSupport

/// Small real videos for the automated-review tests, made with the ffmpeg CLI once per test run.
enum Fixtures {
    private static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-fixtures-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    private static let lowResolution: Result<URL, any Error> = Result(catching: {
        let url = folder.appendingPathComponent("640x360.mp4")
        try FFmpegTools.ffmpeg([
            "-f", "lavfi", "-i", "color=c=black:s=640x360:r=25:d=2", "-c:v", "libx264", "-preset", "ultrafast",
            "-pix_fmt", "yuv420p", url.path,
        ])
        return url
    })

    private static let passing: Result<URL, any Error> = Result(catching: {
        let url = folder.appendingPathComponent("1920x1080-180s.mp4")
        try FFmpegTools.ffmpeg([
            "-f", "lavfi", "-i", "color=c=black:s=1920x1080:r=25:d=180", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono",
            "-t", "180", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "51", "-g", "9999", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "8k", "-movflags", "+faststart", url.path,
        ], timeout: 300)
        return url
    })

    /// A 2 s 640x360 H.264 MP4: fails the resolution and duration rules.
    static func lowResolutionVideo() async throws -> [UInt8] { try await offPool { try lowResolution.get() } }

    /// A 180 s 1920x1080 H.264/AAC MP4 that passes the lint.
    static func passingVideo() async throws -> [UInt8] { try await offPool { try passing.get() } }

    /// Makes (once) and reads a fixture on a Dispatch thread, so ffmpeg's run does not hold a cooperative thread
    /// that the emulators of concurrently running tests need.
    private static func offPool(_ make: @escaping @Sendable () throws -> URL) async throws -> [UInt8] {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { Array(try Data(contentsOf: try make())) })
            }
        }
    }
}
