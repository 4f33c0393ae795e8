public import Foundation

/// Helpers around the `ffmpeg` and `ffprobe` command-line tools, for tests that make media or need an independent oracle.
public enum FFmpegTools {
    /// Runs `ffmpeg` quietly (no banner, errors only, overwrite, no stdin) with `arguments`.
    /// - Throws: `TestSupportError` with ffmpeg's stderr when it exits non-zero.
    public static func ffmpeg(_ arguments: [String], timeout: TimeInterval = 120) async throws {
        let result = try await runProcess(
            "ffmpeg", ["-hide_banner", "-nostdin", "-loglevel", "error", "-y"] + arguments, timeout: timeout)
        guard result.status == 0 else {
            throw TestSupportError("ffmpeg \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
    }

    /// Runs `ffprobe -show_format -show_streams` on `path` and decodes its JSON; nil when ffprobe cannot read the file.
    public static func ffprobe(_ path: String) async throws -> FFprobeReport? {
        let result = try await runProcess(
            "ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path])
        guard result.status == 0 else { return nil }
        return try JSONDecoder().decode(FFprobeReport.self, from: result.stdoutData)
    }

    /// Encodes a small test-pattern clip with a sine tone to `url`; the container follows the file extension.
    ///
    /// - Parameters:
    ///   - size: `WIDTHxHEIGHT` of the picture.
    ///   - seconds: length of the clip.
    ///   - audio: whether to add a mono 48 kHz tone (AAC unless `audioCodec` says otherwise).
    ///   - videoCodec: encoder options for the video stream.
    ///   - outputOptions: extra options placed before the output name (e.g. `-movflags +faststart`).
    public static func makeClip(
        _ url: URL, size: String = "160x120", frameRate: Int = 25, seconds: Double = 1, audio: Bool = true,
        videoCodec: [String] = x264, audioCodec: [String] = ["-c:a", "aac", "-b:a", "48k"],
        videoFilter: String? = nil, outputOptions: [String] = []
    ) async throws {
        var arguments = ["-f", "lavfi", "-i", "testsrc=size=\(size):rate=\(frameRate):duration=\(seconds)"]
        if audio {
            arguments += ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=\(seconds)"]
        }
        if let videoFilter { arguments += ["-vf", videoFilter] }
        arguments += videoCodec
        arguments += audio ? audioCodec : ["-an"]
        arguments += outputOptions
        arguments.append(url.path)
        try await ffmpeg(arguments)
    }

    /// Fast H.264 encoder options.
    public static let x264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    /// Fast HEVC encoder options, tagged `hvc1` as Apple players expect, with x265's chatter off.
    public static let x265 = [
        "-c:v", "libx265", "-preset", "ultrafast", "-tag:v", "hvc1", "-pix_fmt", "yuv420p",
        "-x265-params", "log-level=error:pools=1:frame-threads=1",
    ]
    /// Fast VP9 encoder options.
    public static let vp9 = ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "200k"]

    /// Copies `input` into `output` without re-encoding, adding `options` (e.g. `-metadata:s:v rotate=90`).
    public static func remux(_ input: URL, to output: URL, options: [String]) async throws {
        try await ffmpeg(["-i", input.path, "-map", "0", "-c", "copy"] + options + [output.path])
    }
}

/// The parts of `ffprobe -print_format json -show_format -show_streams` output the tests compare against.
public struct FFprobeReport: Decodable, Sendable {
    public var streams: [Stream]
    public var format: Format

    /// One entry of `streams`.
    public struct Stream: Decodable, Sendable {
        public var index: Int
        public var codec_name: String?
        public var codec_type: String?
        public var width: Int?
        public var height: Int?
        public var sample_aspect_ratio: String?
        public var avg_frame_rate: String?
        public var duration: String?
        public var nb_frames: String?
        public var bit_rate: String?
        public var sample_rate: String?
        public var channels: Int?
        public var disposition: [String: Int]?
        public var side_data_list: [SideData]?
        public var tags: [String: String]?

        /// One `side_data_list` entry; only the display matrix's rotation is kept.
        public struct SideData: Decodable, Sendable {
            public var side_data_type: String?
            public var rotation: Double?
        }

        /// The display-matrix rotation ffprobe printed, if any.
        public var rotation: Double? { side_data_list?.compactMap(\.rotation).first }
        /// `avg_frame_rate` as a number; nil for `0/0` and the like.
        public var averageFrameRate: Double? { FFprobeReport.rational(avg_frame_rate) }
        /// Whether ffprobe flags the stream as an attached picture (cover art).
        public var isAttachedPicture: Bool { disposition?["attached_pic"] == 1 }
    }

    /// The `format` object.
    public struct Format: Decodable, Sendable {
        public var format_name: String
        public var duration: String?
        public var bit_rate: String?
        public var size: String?
        public var tags: [String: String]?
    }

    /// `"num/den"` or `"num:den"` as a number; nil when either part is zero or missing.
    public static func rational(_ text: String?) -> Double? {
        guard let text else { return nil }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == ":" }).compactMap { Double($0) }
        guard parts.count == 2, parts[0] != 0, parts[1] != 0 else { return nil }
        return parts[0] / parts[1]
    }
}
