import Foundation
import TestSupport

/// Small clips made with the ffmpeg CLI during the tests, one per container or layout MediaProbe must get right.
enum GeneratedClip: String, CaseIterable, Sendable, CustomStringConvertible {
    case mp4Faststart, mp4MoovAtEnd, fragmentedMP4, hevcMP4, quickTimeMOV, matroska, webm
    case rotated90, rotated180, rotated270, portrait, audioless, variableFrameRate

    var description: String { rawValue }

    /// The rotation the clip's display matrix should carry (as ffprobe reports it, wrapped into 0..<360).
    var rotation: Int {
        switch self {
        case .rotated90: return 90
        // ffmpeg 5.1 turns `rotate=180` into a matrix ffprobe reports as -180, and `rotate=270` as -90.
        case .rotated180: return 180
        case .rotated270: return 270
        default: return 0
        }
    }

    var fileExtension: String {
        switch self {
        case .quickTimeMOV: return "mov"
        case .matroska: return "mkv"
        case .webm: return "webm"
        default: return "mp4"
        }
    }

    /// Encodes the clip into `directory` and returns its URL.
    func make(in directory: TemporaryDirectory) async throws -> URL {
        let url = directory.file("\(rawValue).\(fileExtension)")
        let faststart = ["-movflags", "+faststart"]
        switch self {
        case .mp4Faststart, .quickTimeMOV:
            try await FFmpegTools.makeClip(url, outputOptions: faststart)
        case .mp4MoovAtEnd, .matroska:
            try await FFmpegTools.makeClip(url)
        case .fragmentedMP4:
            try await FFmpegTools.makeClip(url, seconds: 2, outputOptions: ["-movflags", "frag_keyframe+empty_moov", "-g", "10"])
        case .hevcMP4:
            try await FFmpegTools.makeClip(url, videoCodec: FFmpegTools.x265, outputOptions: faststart)
        case .webm:
            try await FFmpegTools.makeClip(url, videoCodec: FFmpegTools.vp9, audioCodec: ["-c:a", "libopus", "-b:a", "32k"])
        case .rotated90, .rotated180, .rotated270:
            let plain = directory.file("\(rawValue)-source.mp4")
            try await FFmpegTools.makeClip(plain, size: "176x96")
            try await FFmpegTools.remux(plain, to: url, options: ["-metadata:s:v", "rotate=\(rotation)"] + faststart)
        case .portrait:
            try await FFmpegTools.makeClip(url, size: "96x176", outputOptions: faststart)
        case .audioless:
            try await FFmpegTools.makeClip(url, audio: false, outputOptions: faststart)
        case .variableFrameRate:
            // Keep every frame for the first half second, then every third: the steps between timestamps change.
            try await FFmpegTools.makeClip(
                url, seconds: 2, videoFilter: "select='lt(n\\,12)+not(mod(n\\,3))'",
                outputOptions: ["-vsync", "vfr"] + faststart)
        }
        return url
    }
}
