/// What decoding a file's picture and sound showed: the facts the content rules judge.
///
/// Plain values, safe to send across tasks and to encode as JSON; nothing in them refers to FFmpeg memory. Times are
/// seconds from the start of the file's presentation (the container's start time), as a player shows them.
public struct ContentFacts: Sendable, Codable, Equatable {
    enum CodingKeys: String, CodingKey {
        case video, audio, videoProblem = "video_problem", audioProblem = "audio_problem"
    }

    /// What the sampled pictures showed; nil when the file has no video stream or it could not be decoded.
    public var video: VideoContentFacts?
    /// What the decoded sound showed; nil when the file has no audio stream or it could not be decoded.
    public var audio: AudioContentFacts?
    /// Why the video stream could not be analysed (naming the stream), when it could not.
    public var videoProblem: String?
    /// Why the audio stream could not be analysed (naming the stream), when it could not.
    public var audioProblem: String?

    /// Facts from the two passes; a problem names why a stream could not be analysed.
    public init(video: VideoContentFacts?, audio: AudioContentFacts?, videoProblem: String? = nil,
                audioProblem: String? = nil) {
        self.video = video
        self.audio = audio
        self.videoProblem = videoProblem
        self.audioProblem = audioProblem
    }
}

/// A rectangle in display pixels (rotation applied).
public struct PixelRect: Sendable, Codable, Equatable {
    /// Left edge, in pixels from the frame's left.
    public var x: Int
    /// Top edge, in pixels from the frame's top.
    public var y: Int
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int

    /// The rectangle at (`x`, `y`) of `width × height` pixels.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// Statistics of one sampled picture (a key frame, scaled down, rotation applied).
public struct FrameSample: Sendable, Codable, Equatable {
    enum CodingKeys: String, CodingKey {
        case time, meanLuma = "mean_luma", darkShare = "dark_share", difference, maxBlockDifference = "max_block_difference"
        case borderGreenShare = "border_green_share", interlaced
    }

    /// Presentation time in seconds.
    public var time: Double
    /// Mean luma, 0–255 (limited-range video: black is about 16).
    public var meanLuma: Double
    /// Share (0–1) of pixels at or below the black level `MediaFile.blackPixelLuma`.
    public var darkShare: Double
    /// Mean absolute difference, 0–255, between this sample's block means and the previous sample's (a grid of
    /// `MediaFile.differenceGrid` × `MediaFile.differenceGrid` blocks); nil for the first sample.
    public var difference: Double?
    /// The largest absolute difference of one block mean against the previous sample; nil for the first sample.
    public var maxBlockDifference: Double?
    /// Share (0–1) of the border region's pixels (left, right and top strips) that are chroma green.
    public var borderGreenShare: Double
    /// Whether the decoder marked the frame as interlaced.
    public var interlaced: Bool

    /// One sample's measurements.
    public init(time: Double, meanLuma: Double, darkShare: Double, difference: Double?, maxBlockDifference: Double?,
                borderGreenShare: Double, interlaced: Bool) {
        self.time = time
        self.meanLuma = meanLuma
        self.darkShare = darkShare
        self.difference = difference
        self.maxBlockDifference = maxBlockDifference
        self.borderGreenShare = borderGreenShare
        self.interlaced = interlaced
    }
}

/// Counts of libavfilter's `idet` over a short window of consecutive frames.
public struct InterlaceCounts: Sendable, Codable, Equatable {
    enum CodingKeys: String, CodingKey {
        case topFieldFirst = "top_field_first", bottomFieldFirst = "bottom_field_first", progressive, undetermined
    }

    /// Frames idet judged interlaced, top field first.
    public var topFieldFirst: Int
    /// Frames idet judged interlaced, bottom field first.
    public var bottomFieldFirst: Int
    /// Frames idet judged progressive.
    public var progressive: Int
    /// Frames idet could not judge.
    public var undetermined: Int

    /// Counts as idet reports them.
    public init(topFieldFirst: Int, bottomFieldFirst: Int, progressive: Int, undetermined: Int) {
        self.topFieldFirst = topFieldFirst
        self.bottomFieldFirst = bottomFieldFirst
        self.progressive = progressive
        self.undetermined = undetermined
    }

    /// Frames idet judged interlaced (either field order).
    public var interlaced: Int { topFieldFirst + bottomFieldFirst }
}

/// What the sampled pictures of the first video stream showed.
public struct VideoContentFacts: Sendable, Codable, Equatable {
    enum CodingKeys: String, CodingKey {
        case streamIndex = "stream_index", displayWidth = "display_width", displayHeight = "display_height"
        case activePicture = "active_picture", samples, interlace, decodedFrames = "decoded_frames"
    }

    /// The stream's index in the container.
    public var streamIndex: Int
    /// Picture width as displayed (rotation applied), in pixels.
    public var displayWidth: Int
    /// Picture height as displayed (rotation applied), in pixels.
    public var displayHeight: Int
    /// The part of the picture that is not black bars, over all samples (libavfilter's `cropdetect`, in display
    /// pixels); nil when every sample was black.
    public var activePicture: PixelRect?
    /// One entry per sampled key frame, in time order (about one a second).
    public var samples: [FrameSample]
    /// `idet` over the consecutive frames after the first key frame; nil when too few frames decoded.
    public var interlace: InterlaceCounts?
    /// How many frames were decoded in all (samples and the idet window).
    public var decodedFrames: Int
    /// Small pictures of up to ``MediaFile/thumbnailCount`` samples spread over the take, for reports people look at
    /// (the HTML report's contact sheet). Not part of the JSON facts.
    public var thumbnails: [Thumbnail] = []

    /// What the picture pass measured for one video stream.
    public init(streamIndex: Int, displayWidth: Int, displayHeight: Int, activePicture: PixelRect?, samples: [FrameSample],
                interlace: InterlaceCounts?, decodedFrames: Int, thumbnails: [Thumbnail] = []) {
        self.streamIndex = streamIndex
        self.displayWidth = displayWidth
        self.displayHeight = displayHeight
        self.activePicture = activePicture
        self.samples = samples
        self.interlace = interlace
        self.decodedFrames = decodedFrames
        self.thumbnails = thumbnails
    }
}

/// A small picture of one sampled frame (rotation applied): RGB, 8 bits a channel, rows from the top.
public struct Thumbnail: Sendable, Equatable {
    /// Presentation time of the frame, in seconds.
    public var time: Double
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// `width × height × 3` bytes: red, green, blue for each pixel, row by row.
    public var rgb: [UInt8]

    /// A thumbnail of `width × height` pixels taken at `time`.
    public init(time: Double, width: Int, height: Int, rgb: [UInt8]) {
        self.time = time
        self.width = width
        self.height = height
        self.rgb = rgb
    }
}

/// A span of time in seconds.
public struct TimeSpan: Sendable, Codable, Equatable {
    /// Where the span starts, in seconds.
    public var start: Double
    /// Where the span ends, in seconds (not before `start`).
    public var end: Double

    /// The span from `start` to `end`.
    public init(start: Double, end: Double) {
        self.start = start
        self.end = end
    }

    /// `end - start`.
    public var length: Double { end - start }
}

/// What decoding the whole of the first audio stream showed.
public struct AudioContentFacts: Sendable, Codable, Equatable {
    enum CodingKeys: String, CodingKey {
        case streamIndex = "stream_index", sampleRate = "sample_rate", channels, duration
        case integratedLoudness = "integrated_loudness", loudnessRange = "loudness_range", truePeak = "true_peak"
        case samplePeak = "sample_peak", rmsLevel = "rms_level", clippedSamples = "clipped_samples"
        case totalSamples = "total_samples", startTime = "start_time", windowSeconds = "window_seconds", windowLevels = "window_levels", silences
    }

    /// The stream's index in the container.
    public var streamIndex: Int
    /// Sample rate in Hz.
    public var sampleRate: Int
    /// Channel count.
    public var channels: Int
    /// Seconds of sound decoded.
    public var duration: Double
    /// Integrated loudness in LUFS (EBU R128, libavfilter's `ebur128`); nil when the sound is all below its gate.
    public var integratedLoudness: Double?
    /// Loudness range in LU (`ebur128`); nil when unknown.
    public var loudnessRange: Double?
    /// True peak in dBTP over all channels (`ebur128` with `peak=true`); nil when unknown. ebur128 passes it on
    /// with three decimals of linear scale: within 0.01 dB near full scale, about ±1 dB at −48 dBTP.
    public var truePeak: Double?
    /// Sample peak in dBFS over all channels (−∞ for digital silence, reported as −200).
    public var samplePeak: Double
    /// RMS level in dBFS over all channels and the whole stream (as astats's `Overall RMS level`).
    public var rmsLevel: Double
    /// Samples (over all channels) inside runs of `MediaFile.clipRunLength` or more consecutive samples at full scale.
    public var clippedSamples: Int
    /// Samples decoded over all channels.
    public var totalSamples: Int
    /// The length of each entry of `windowLevels`, in seconds.
    public var windowSeconds: Double
    /// RMS level in dBFS of each consecutive window (all channels), from `startTime` on.
    public var windowLevels: [Double]
    /// Silent stretches from libavfilter's `silencedetect` (below `MediaFile.silenceNoise` dB for at least
    /// `MediaFile.silenceMinimum` s).
    public var silences: [TimeSpan]
    /// When the sound starts in the file's presentation, in seconds.
    public var startTime: Double

    /// What the sound pass measured for one audio stream.
    public init(streamIndex: Int, sampleRate: Int, channels: Int, duration: Double, integratedLoudness: Double?,
                loudnessRange: Double?, truePeak: Double?, samplePeak: Double, rmsLevel: Double, clippedSamples: Int,
                totalSamples: Int, windowSeconds: Double, windowLevels: [Double], silences: [TimeSpan], startTime: Double = 0) {
        self.streamIndex = streamIndex
        self.sampleRate = sampleRate
        self.channels = channels
        self.duration = duration
        self.integratedLoudness = integratedLoudness
        self.loudnessRange = loudnessRange
        self.truePeak = truePeak
        self.samplePeak = samplePeak
        self.rmsLevel = rmsLevel
        self.clippedSamples = clippedSamples
        self.totalSamples = totalSamples
        self.windowSeconds = windowSeconds
        self.windowLevels = windowLevels
        self.silences = silences
        self.startTime = startTime
    }

    /// The share (0–1) of the sound inside `silences`.
    public var silentShare: Double {
        guard duration > 0 else { return 1 }
        return min(1, silences.reduce(0) { $0 + max(0, $1.length) } / duration)
    }

    /// The share (0–1) of samples inside clipped runs.
    public var clippedShare: Double { totalSamples > 0 ? Double(clippedSamples) / Double(totalSamples) : 0 }
}
