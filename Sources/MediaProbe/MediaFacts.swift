/// Facts about one media file, read from its container header and index.
///
/// A plain value: safe to send across tasks and to encode as JSON. Nothing in it refers to FFmpeg memory.
public struct MediaFacts: Sendable, Codable, Equatable {
    // Wire names are snake_case, spelled out so that any JSONEncoder writes the report contract.
    enum CodingKeys: String, CodingKey {
        case path, fileSize = "file_size", container, duration, videoDuration = "video_duration", bitRate = "bit_rate"
        case streams, integrity
    }

    /// The path as it was given to the probe.
    public var path: String
    /// The file's size in bytes.
    public var fileSize: Int64
    /// What kind of container holds the streams.
    public var container: ContainerFacts
    /// The file's duration in seconds, the value ffprobe reports as `format.duration`; nil when unknown.
    public var duration: Double?
    /// The overall bit rate in bits per second, as ffprobe's `format.bit_rate`; nil when unknown.
    public var bitRate: Int64?
    /// Every stream of the file, in container order.
    public var streams: [StreamFacts]
    /// Whether every sample the index lists lies inside the file.
    public var integrity: IndexIntegrity

    /// Facts as the probe read them.
    public init(
        path: String, fileSize: Int64, container: ContainerFacts, duration: Double?, bitRate: Int64?,
        streams: [StreamFacts], integrity: IndexIntegrity
    ) {
        self.path = path
        self.fileSize = fileSize
        self.container = container
        self.duration = duration
        self.bitRate = bitRate
        self.streams = streams
        self.integrity = integrity
    }

    /// The streams that carry moving pictures (cover art and other attached pictures excluded).
    public var videoStreams: [StreamFacts] { streams.filter { $0.kind == .video && !$0.isAttachedPicture } }
    /// The streams that carry sound.
    public var audioStreams: [StreamFacts] { streams.filter { $0.kind == .audio } }

    /// How long the picture lasts, in seconds: the presented duration of the first moving-picture stream (the one
    /// whose size the resolution rule judges); nil when there is no such stream or its length is unknown.
    ///
    /// It can be shorter or longer than `duration`, the file's, which spans every stream: a take whose sound runs on
    /// after the picture has ended lasts as long as its sound. See `StreamFacts.presentedDuration`.
    public var videoDuration: Double? { videoStreams.first?.presentedDuration }
}

extension MediaFacts {
    // Written by hand only to add `video_duration`, which is derived from the streams: encoded for readers of the
    // report, ignored when decoding.

    /// Decodes the facts from the report's snake_case keys; `video_duration` is derived, so it is not read.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            path: try values.decode(String.self, forKey: .path),
            fileSize: try values.decode(Int64.self, forKey: .fileSize),
            container: try values.decode(ContainerFacts.self, forKey: .container),
            duration: try values.decodeIfPresent(Double.self, forKey: .duration),
            bitRate: try values.decodeIfPresent(Int64.self, forKey: .bitRate),
            streams: try values.decode([StreamFacts].self, forKey: .streams),
            integrity: try values.decode(IndexIntegrity.self, forKey: .integrity))
    }

    /// Encodes the facts with snake_case keys, adding `video_duration` beside the file's `duration`.
    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(path, forKey: .path)
        try values.encode(fileSize, forKey: .fileSize)
        try values.encode(container, forKey: .container)
        try values.encodeIfPresent(duration, forKey: .duration)
        try values.encodeIfPresent(videoDuration, forKey: .videoDuration)
        try values.encodeIfPresent(bitRate, forKey: .bitRate)
        try values.encode(streams, forKey: .streams)
        try values.encode(integrity, forKey: .integrity)
    }
}

/// The container of a media file.
public struct ContainerFacts: Sendable, Codable, Equatable {
    // Wire names are snake_case, spelled out so that any JSONEncoder writes the report contract.
    enum CodingKeys: String, CodingKey {
        case family, formatName = "format_name", majorBrand = "major_brand", compatibleBrands = "compatible_brands"
    }

    /// The family the container belongs to, independent of the file name.
    public var family: ContainerFamily
    /// libavformat's name for the demuxer that opened the file, e.g. `mov,mp4,m4a,3gp,3g2,mj2`.
    public var formatName: String
    /// For ISO base media files: the `ftyp` major brand, e.g. `isom`, `mp42` or `qt  ` (four characters, spaces kept).
    public var majorBrand: String?
    /// For ISO base media files: the `ftyp` compatible brands, in file order.
    public var compatibleBrands: [String]

    /// A container's facts.
    public init(family: ContainerFamily, formatName: String, majorBrand: String?, compatibleBrands: [String]) {
        self.family = family
        self.formatName = formatName
        self.majorBrand = majorBrand
        self.compatibleBrands = compatibleBrands
    }
}

/// Container families that matter for the service's rules.
public enum ContainerFamily: String, Sendable, Codable, CaseIterable {
    /// ISO base media (MP4, QuickTime MOV, 3GP, M4A…): tell them apart by `majorBrand`.
    case isoBaseMedia = "iso-base-media"
    /// Matroska (MKV).
    case matroska
    /// WebM (the Matroska subset).
    case webm
    /// AVI (RIFF).
    case avi
    /// MPEG transport stream.
    case mpegTS = "mpeg-ts"
    /// MPEG program stream.
    case mpegPS = "mpeg-ps"
    /// FLV.
    case flv
    /// A still image (JPEG, PNG, …).
    case image
    /// ZIP archive (not media; reported so that callers can say so).
    case zip
    /// Anything else libavformat can open.
    case other
}

/// What kind of data a stream carries.
public enum StreamKind: String, Sendable, Codable, CaseIterable {
    /// Pictures.
    case video
    /// Sound.
    case audio
    /// Subtitles or captions.
    case subtitle
    /// Timed data such as a timecode track.
    case data
    /// An attached file, such as a font in Matroska.
    case attachment
    /// A stream FFmpeg cannot classify.
    case unknown
}

/// A rational number such as a sample aspect ratio or a frame rate, as FFmpeg stores them.
public struct Ratio: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The numerator.
    public var numerator: Int
    /// The denominator; zero where FFmpeg says "unknown".
    public var denominator: Int
    /// The ratio `numerator:denominator`.
    public init(_ numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }
    /// The value as a Double; nil when the denominator is zero.
    public var value: Double? { denominator == 0 ? nil : Double(numerator) / Double(denominator) }
    public var description: String { "\(numerator):\(denominator)" }
}

/// Facts about one stream.
public struct StreamFacts: Sendable, Codable, Equatable {
    // Wire names are snake_case, spelled out so that any JSONEncoder writes the report contract.
    enum CodingKeys: String, CodingKey {
        case index, kind, codec, isAttachedPicture = "is_attached_picture", width, height
        case sampleAspectRatio = "sample_aspect_ratio", rotation, displayWidth = "display_width", displayHeight = "display_height"
        case frameRate = "frame_rate", isVariableFrameRate = "is_variable_frame_rate", duration, frameCount = "frame_count"
        case sampleRate = "sample_rate", channels, bitRate = "bit_rate"
        case startTime = "start_time", colorTransfer = "color_transfer", fieldOrder = "field_order"
    }

    /// The stream's index in the container, as ffprobe's `index`.
    public var index: Int
    /// Video, audio, …
    public var kind: StreamKind
    /// FFmpeg's short codec name, e.g. `h264`, `hevc`, `aac` (ffprobe's `codec_name`); nil when unknown.
    public var codec: String?
    /// Whether this video stream is an attached picture (cover art), not moving video.
    public var isAttachedPicture: Bool
    /// Coded width in pixels (video only).
    public var width: Int?
    /// Coded height in pixels (video only).
    public var height: Int?
    /// Sample aspect ratio as stored (video only); nil when unknown or 0:1.
    public var sampleAspectRatio: Ratio?
    /// Display rotation in degrees, counter-clockwise as ffprobe reports it in `side_data_list`, normalised to 0, 90, 180 or 270
    /// when the matrix is a pure rotation; 0 when the stream has no display matrix.
    public var rotation: Int
    /// Width as displayed, after the rotation (coded pixels; sample aspect ratio not applied).
    public var displayWidth: Int?
    /// Height as displayed, after the rotation.
    public var displayHeight: Int?
    /// Average frame rate in frames per second (ffprobe's `avg_frame_rate`); nil when unknown.
    public var frameRate: Double?
    /// Whether the frame rate varies, where that is known cheaply from the index; nil when not known.
    public var isVariableFrameRate: Bool?
    /// Stream duration in seconds, as ffprobe's stream `duration`: for MP4/MOV the track's edit list applied (a
    /// track whose first second is cut by the edit list lasts a second less than its media); nil when the container
    /// states none (Matroska, for one, gives durations for the file only).
    public var duration: Double?
    /// How many frames (samples) the container lists for the stream, as ffprobe's `nb_frames`; nil when it does not
    /// say. For MP4/MOV this counts the samples an edit list hides too.
    public var frameCount: Int?
    /// Audio sample rate in Hz (audio only).
    public var sampleRate: Int?
    /// Audio channel count (audio only).
    public var channels: Int?
    /// Stream bit rate in bits per second; nil when unknown.
    public var bitRate: Int64?
    /// When the stream's first frame is presented, in seconds (ffprobe's stream `start_time`, edit list applied);
    /// nil when unknown.
    public var startTime: Double?
    /// The video's transfer characteristic as FFmpeg names it (ffprobe's `color_transfer`), e.g. `bt709`,
    /// `arib-std-b67` (HLG) or `smpte2084` (PQ); nil when the stream does not say.
    public var colorTransfer: String?
    /// The video's field order as the header states it (ffprobe's `field_order`): `progressive`, `tt`, `bb`, `tb`
    /// or `bt`; nil when the header does not say.
    public var fieldOrder: String?

    /// One stream's facts; what a kind of stream does not have is left out.
    public init(
        index: Int, kind: StreamKind, codec: String?, isAttachedPicture: Bool = false,
        width: Int? = nil, height: Int? = nil, sampleAspectRatio: Ratio? = nil, rotation: Int = 0,
        displayWidth: Int? = nil, displayHeight: Int? = nil, frameRate: Double? = nil,
        isVariableFrameRate: Bool? = nil, duration: Double? = nil, frameCount: Int? = nil, sampleRate: Int? = nil,
        channels: Int? = nil, bitRate: Int64? = nil, startTime: Double? = nil, colorTransfer: String? = nil,
        fieldOrder: String? = nil
    ) {
        self.index = index
        self.kind = kind
        self.codec = codec
        self.isAttachedPicture = isAttachedPicture
        self.width = width
        self.height = height
        self.sampleAspectRatio = sampleAspectRatio
        self.rotation = rotation
        self.displayWidth = displayWidth
        self.displayHeight = displayHeight
        self.frameRate = frameRate
        self.isVariableFrameRate = isVariableFrameRate
        self.duration = duration
        self.frameCount = frameCount
        self.sampleRate = sampleRate
        self.channels = channels
        self.bitRate = bitRate
        self.startTime = startTime
        self.colorTransfer = colorTransfer
        self.fieldOrder = fieldOrder
    }

    /// When the stream's presentation ends, in seconds: `startTime` (0 when unknown) plus `presentedDuration`; nil
    /// when the length is unknown.
    public var presentedEnd: Double? { presentedDuration.map { (startTime ?? 0) + $0 } }

    /// How long the stream is presented, in seconds: `duration` where the container states it, else, for a video
    /// stream, `frameCount` frames at `frameRate`; nil when neither is known.
    ///
    /// This is the length a player shows and a review counting frames at the stream's rate sees.
    public var presentedDuration: Double? {
        if let duration, duration.isFinite { return duration }
        guard kind == .video, let frameCount, frameCount > 0, let frameRate, frameRate > 0 else { return nil }
        return Double(frameCount) / frameRate
    }
}

/// The result of checking the container's sample index against the file's real size.
public struct IndexIntegrity: Sendable, Codable, Equatable {
    // Wire names are snake_case, spelled out so that any JSONEncoder writes the report contract.
    enum CodingKeys: String, CodingKey {
        case checked, indexedSamples = "indexed_samples", samplesOutsideFile = "samples_outside_file", indexedEnd = "indexed_end"
    }

    /// Whether the check could be made (the container has a sample index with byte positions).
    public var checked: Bool
    /// How many samples the index lists in all.
    public var indexedSamples: Int
    /// How many of them start or end past the end of the file.
    public var samplesOutsideFile: Int
    /// The largest byte offset any indexed sample reaches (its position plus its size); nil when not checked.
    public var indexedEnd: Int64?

    /// The outcome of the index check.
    public init(checked: Bool, indexedSamples: Int, samplesOutsideFile: Int, indexedEnd: Int64?) {
        self.checked = checked
        self.indexedSamples = indexedSamples
        self.samplesOutsideFile = samplesOutsideFile
        self.indexedEnd = indexedEnd
    }

    /// True when the check ran and found samples past the end of the file.
    public var isTruncated: Bool { checked && samplesOutsideFile > 0 }
}

/// Why a file could not be probed. Names the file and says what is wrong.
public struct MediaProbeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in a form callers can switch on.
    public enum Reason: Sendable, Equatable {
        /// No file at the path.
        case notFound
        /// The path is a directory.
        case isDirectory
        /// The file cannot be read (permissions).
        case permissionDenied
        /// The file has no bytes.
        case empty
        /// libavformat does not recognise the file as media, or could not read its header.
        case notMedia(detail: String)
        /// The file opened, but the stream asked for has no frame FFmpeg can decode.
        case undecodable(detail: String)
        /// Another error from FFmpeg or the operating system.
        case other(code: Int32, detail: String)
    }

    /// The path as given.
    public var path: String
    /// What went wrong.
    public var reason: Reason

    /// The error for `path`.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .notFound: return "\(path): no such file"
        case .isDirectory: return "\(path): is a directory, not a media file"
        case .permissionDenied: return "\(path): permission denied (the file cannot be read)"
        case .empty: return "\(path): the file is empty (0 bytes)"
        case .notMedia(let detail): return "\(path): not a media file FFmpeg can read (\(detail))"
        case .undecodable(let detail): return "\(path): cannot be decoded (\(detail))"
        case .other(let code, let detail): return "\(path): \(detail) (error \(code))"
        }
    }
}
