import MediaProbe
@testable import Preflight

/// Builds synthetic probe results so that each rule can be tested at its exact boundaries.
struct FactsBuilder {
    var path = "take.mp4"
    var family: ContainerFamily = .isoBaseMedia
    var formatName = "mov,mp4,m4a,3gp,3g2,mj2"
    var majorBrand: String? = "isom"
    var compatibleBrands = ["isom", "iso2", "avc1", "mp41"]
    var width = 1920
    var height = 1080
    var rotation = 0
    var videoCodec: String? = "h264"
    var frameRate: Double? = 25
    var variableFrameRate: Bool? = false
    /// The file's duration, and each stream's unless `videoDuration` or `audioDuration` says otherwise.
    var duration: Double? = 300
    /// The video stream's own duration, when it differs from the file's.
    var videoDuration: Double?
    /// The audio stream's own duration, when it differs from the file's.
    var audioDuration: Double?
    /// False for a video stream whose container states no duration (only `videoFrameCount` frames, if set).
    var videoStatesDuration = true
    /// The frame count the container gives for the video stream.
    var videoFrameCount: Int?
    /// The video's transfer characteristic (FFmpeg's name), e.g. `arib-std-b67` for HLG.
    var colorTransfer: String?
    /// When the audio stream starts, when it is not with the picture.
    var audioStart: Double?
    var hasVideo = true
    var hasAudio = true
    var coverArt = false
    var fileSize: Int64 = 10_000_000
    var integrity = IndexIntegrity(checked: true, indexedSamples: 100, samplesOutsideFile: 0, indexedEnd: 9_000_000)

    func build() -> MediaFacts {
        var streams: [StreamFacts] = []
        if hasVideo {
            let swap = rotation % 180 != 0
            streams.append(StreamFacts(
                index: streams.count, kind: .video, codec: videoCodec, width: width, height: height, rotation: rotation,
                displayWidth: swap ? height : width, displayHeight: swap ? width : height,
                frameRate: frameRate, isVariableFrameRate: variableFrameRate,
                duration: videoStatesDuration ? videoDuration ?? duration : nil, frameCount: videoFrameCount,
                colorTransfer: colorTransfer))
        }
        if hasAudio {
            streams.append(StreamFacts(index: streams.count, kind: .audio, codec: "aac", duration: audioDuration ?? duration, sampleRate: 48000, channels: 2, startTime: audioStart))
        }
        if coverArt {
            streams.append(StreamFacts(index: streams.count, kind: .video, codec: "mjpeg", isAttachedPicture: true, width: 600, height: 600))
        }
        return MediaFacts(
            path: path, fileSize: fileSize,
            container: ContainerFacts(family: family, formatName: formatName, majorBrand: majorBrand, compatibleBrands: compatibleBrands),
            duration: duration, bitRate: 4_000_000, streams: streams, integrity: integrity)
    }

    /// The findings the role's rules make for these facts.
    func findings(role: Role = .trainingVideo) -> [Finding] {
        let subject = LintSubject(path: path, role: role, media: build())
        return role.rules.flatMap { $0.check(subject) }
    }

    /// The rule ids found, in order.
    func ruleIDs(role: Role = .trainingVideo) -> [String] { findings(role: role).map(\.rule) }

    func with(_ change: (inout FactsBuilder) -> Void) -> FactsBuilder {
        var copy = self
        change(&copy)
        return copy
    }
}
