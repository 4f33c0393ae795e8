import Foundation
import TestSupport

/// Small real videos for the automated-review tests, made with the ffmpeg CLI once per test run (ffmpeg is awaited,
/// so making them holds no thread).
enum Fixtures {
    private static let lowResolution = Task {
        let url = try TestRun.folder("emulator-fixtures").appendingPathComponent("640x360.mp4")
        try await FFmpegTools.ffmpeg([
            "-f", "lavfi", "-i", "color=c=black:s=640x360:r=25:d=2", "-c:v", "libx264", "-preset", "ultrafast",
            "-pix_fmt", "yuv420p", url.path,
        ])
        return try await Array(readFile(url))
    }

    private static let passing = Task {
        let url = try TestRun.folder("emulator-fixtures").appendingPathComponent("1920x1080-180s.mp4")
        try await FFmpegTools.ffmpeg([
            "-f", "lavfi", "-i", "color=c=black:s=1920x1080:r=25:d=180", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono",
            "-t", "180", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "51", "-g", "9999", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "8k", "-movflags", "+faststart", url.path,
        ])
        return try await Array(readFile(url))
    }

    /// A 2 s 640x360 H.264 MP4: fails the resolution and duration rules.
    static func lowResolutionVideo() async throws -> [UInt8] { try await lowResolution.value }

    /// A 180 s 1920x1080 H.264/AAC MP4 that passes the lint.
    static func passingVideo() async throws -> [UInt8] { try await passing.value }
}
