public import Foundation

/// Small takes made with ffmpeg's lavfi sources, one per content rule's positive and negative case.
///
/// Every clip lasts 14 s (the opening rule looks at the first 10 s) at 10 fps with a key frame every second, at
/// 320×180 (180×320 portrait): a grey room with a dark "person" swaying in it, and a voice-like tone (220 Hz in
/// syllables with pauses) after a 10 s opening of quiet room tone (−74 dBFS peak). Each case changes one thing.
public enum ContentClip: String, CaseIterable, Sendable, CustomStringConvertible {
    case cleanLandscape, cleanPortrait, pillarbox, letterbox, silentTrack, clipped, noisy, quiet, speechOpening
    case stillPhoto, blackGap, frozenMiddle, hardCut, interlaced, hlg, lateAudio, greenScreen

    public var description: String { rawValue }

    /// Seconds every clip lasts.
    public static let seconds = 14

    /// Room tone: uniform noise peaking at −74 dBFS (AAC's coding noise stays below silencedetect's −60 dB).
    static let roomTone = "0.0002*(random(0)*2-1)"

    /// A voice-like tone at `amplitude`: 220 Hz in syllables (on about 60 % of the time).
    static func voice(_ amplitude: Double) -> String {
        "\(amplitude)*sin(2*PI*220*t)*gt(sin(2*PI*0.7*t)\\,-0.3)"
    }

    /// The sound of the clip as an aevalsrc expression.
    var soundExpression: String {
        let opening = "lt(t\\,10)"
        switch self {
        case .silentTrack: return "0"
        case .clipped: return "if(\(opening)\\,\(Self.roomTone)\\,max(-1\\,min(1\\,\(Self.voice(2.5)))))"
        case .noisy: return "\(Self.voice(0.1))*gte(t\\,10)+0.03*(random(0)*2-1)"
        case .quiet: return "if(\(opening)\\,\(Self.roomTone)\\,\(Self.voice(0.004))+\(Self.roomTone))"
        case .speechOpening: return "\(Self.voice(0.1))+\(Self.roomTone)"
        default: return "if(\(opening)\\,\(Self.roomTone)\\,\(Self.voice(0.1))+\(Self.roomTone))"
        }
    }

    /// The picture of the clip as a lavfi graph ending in `[out0]`.
    var pictureGraph: String {
        let rate = 10
        func room(_ size: String, background: String = "gray", box: String = "80x110", at position: String = "x='120+12*sin(2*t)':y=50") -> String {
            "color=c=\(background):s=\(size):r=\(rate)[bg];color=c=0x303030:s=\(box):r=\(rate)[p];[bg][p]overlay=\(position):shortest=1"
        }
        switch self {
        case .cleanPortrait:
            return room("180x320", box: "60x140", at: "x='60+10*sin(2*t)':y=110") + "[out0]"
        case .pillarbox:
            // Portrait footage (100×180) in the middle of a black 320×180 frame.
            return "color=c=black:s=320x180:r=\(rate)[frame];"
                + "color=c=gray:s=100x180:r=\(rate)[bg];color=c=0x303030:s=40x90:r=\(rate)[p];"
                + "[bg][p]overlay=x='30+8*sin(2*t)':y=60:shortest=1[pic];[frame][pic]overlay=x=110:y=0:shortest=1[out0]"
        case .letterbox:
            return "color=c=black:s=320x180:r=\(rate)[frame];"
                + "color=c=gray:s=320x110:r=\(rate)[bg];color=c=0x303030:s=60x80:r=\(rate)[p];"
                + "[bg][p]overlay=x='130+12*sin(2*t)':y=20:shortest=1[pic];[frame][pic]overlay=x=0:y=35:shortest=1[out0]"
        case .stillPhoto:
            return room("320x180", at: "x=120:y=50") + "[out0]"
        case .blackGap:
            return room("320x180") + ",drawbox=c=black:t=fill:enable='between(t\\,5\\,8.95)'[out0]"
        case .frozenMiddle:
            return room("320x180", at: "x='if(between(t\\,3\\,10)\\,130\\,120+12*sin(2*t))':y=50") + "[out0]"
        case .hardCut:
            // At 7 s the scene changes: another room, the person elsewhere.
            return room("320x180") + "[a];"
                + "color=c=0x2040A0:s=320x180:r=\(rate)[bg2];color=c=0xD0D0D0:s=60x90:r=\(rate)[p2];"
                + "[bg2][p2]overlay=x='30+12*sin(2*t)':y=80:shortest=1[b];"
                + "[a][b]overlay=enable='gte(t\\,7)':shortest=1[out0]"
        case .interlaced:
            // Twice the rate, woven into interlaced frames: each frame's fields come from different moments.
            return "color=c=gray:s=320x180:r=20[bg];color=c=0x303030:s=80x110:r=20[p];"
                + "[bg][p]overlay=x='120+60*sin(4*t)':y=50:shortest=1,tinterlace=mode=interleave_top[out0]"
        case .greenScreen:
            return room("320x180", background: "0x00B140") + "[out0]"
        default:
            return room("320x180") + "[out0]"
        }
    }

    /// Encodes the clip into `directory` and returns its URL.
    public func make(in directory: TemporaryDirectory) async throws -> URL {
        try await make(to: directory.file("\(rawValue).mp4"))
    }

    /// Encodes the clip to `url` and returns it.
    public func make(to url: URL) async throws -> URL {
        let seconds = Self.seconds
        var arguments = ["-f", "lavfi", "-t", "\(seconds)", "-i", pictureGraph]
        if self == .lateAudio { arguments += ["-itsoffset", "1.5"] }
        arguments += ["-f", "lavfi", "-t", "\(seconds)", "-i", "aevalsrc=\(soundExpression):s=48000"]
        arguments += ["-map", "0:v", "-map", "1:a"]
        arguments += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "10", "-keyint_min", "10"]
        switch self {
        case .interlaced:
            arguments += ["-flags", "+ildct+ilme", "-top", "1"]
        case .hlg:
            arguments += ["-color_primaries", "bt2020", "-color_trc", "arib-std-b67", "-colorspace", "bt2020nc"]
        default:
            break
        }
        arguments += ["-c:a", "aac", "-b:a", "96k", "-movflags", "+faststart", url.path]
        try await FFmpegTools.ffmpeg(arguments)
        return url
    }
}

/// Makes each `ContentClip` once per test process, below `TestRun.directory`, for every test that asks.
public actor ContentClipStore {
    /// The store the tests share.
    public static let shared = ContentClipStore()

    private var making: [ContentClip: Task<URL, any Error>] = [:]
    private var folder: URL?

    /// The clip's file, made on first request.
    public func url(_ clip: ContentClip) async throws -> URL {
        if let task = making[clip] { return try await task.value }
        let directory = try folder ?? TestRun.folder("content-clips")
        folder = directory
        let task = Task { try await clip.make(inFolder: directory) }
        making[clip] = task
        return try await task.value
    }
}

extension ContentClip {
    func make(inFolder folder: URL) async throws -> URL {
        try await make(to: folder.appendingPathComponent("\(rawValue).mp4"))
    }
}
