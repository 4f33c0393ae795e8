import Foundation
import TestSupport

/// Small clips made with the ffmpeg CLI during the tests, one per container or layout MediaProbe must get right.
enum GeneratedClip: String, CaseIterable, Sendable, CustomStringConvertible {
    case mp4Faststart, mp4MoovAtEnd, fragmentedMP4, hevcMP4, quickTimeMOV, matroska, webm
    case rotated90, rotated180, rotated270, portrait, audioless, variableFrameRate
    case pictureShorterThanSound, pictureLongerThanSound, editListTrimsStart

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

    /// For the duration clips: how long the picture and the whole file should last, in seconds.
    var expectedDurations: (picture: Double, file: Double)? {
        switch self {
        case .pictureShorterThanSound: return (2, 3)
        case .pictureLongerThanSound: return (3, 3)
        // A 4 s source with a key frame every second, cut at 1.5 s: the media starts at the 1 s key frame and the
        // edit list hides its first half second; the sound, taken whole from the source, keeps its 4 s.
        case .editListTrimsStart: return (2.5, 4)
        default: return nil
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
        case .pictureShorterThanSound, .pictureLongerThanSound:
            // The recipe, small: each input cut to its own length, so neither stream stops the other.
            let picture = self == .pictureShorterThanSound ? 2 : 3, sound = self == .pictureShorterThanSound ? 3 : 2
            try await FFmpegTools.ffmpeg(
                ["-f", "lavfi", "-t", "\(picture)", "-i", "testsrc=size=160x120:rate=25",
                 "-f", "lavfi", "-t", "\(sound)", "-i", "sine=frequency=440:sample_rate=48000"]
                + FFmpegTools.x264 + ["-c:a", "aac", "-b:a", "48k"] + faststart + [url.path])
        case .editListTrimsStart:
            let source = directory.file("\(rawValue)-source.mp4")
            try await FFmpegTools.makeClip(source, seconds: 4, outputOptions: ["-g", "25"] + faststart)
            // Stream copy from an input seeked to 1.5 s: ffmpeg starts the video at the key frame before and writes
            // an edit list that skips to 1.5 s. The audio comes unseeked from a second copy of the source.
            try await FFmpegTools.ffmpeg(
                ["-ss", "1.5", "-i", source.path, "-i", source.path, "-map", "0:v", "-map", "1:a", "-c", "copy"]
                + faststart + [url.path])
        }
        return url
    }
}
