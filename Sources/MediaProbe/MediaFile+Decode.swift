import CFFmpeg

/// What decoding the first frame of a file's main stream showed.
///
/// Only ``MediaFile/decodeFirstFrame(_:kind:)`` makes these, so there is no public initialiser.
public struct DecodedFrameFacts: Sendable, Codable, Equatable {
    // Wire names are snake_case, spelled out so that any JSONEncoder writes the report contract.
    enum CodingKeys: String, CodingKey {
        case kind, codec, width, height, samples, sampleRate = "sample_rate", channels
    }

    /// The kind of stream that was decoded.
    public var kind: StreamKind
    /// FFmpeg's short name of the decoder's codec, e.g. `mjpeg`, `png`, `pcm_s16le`.
    public var codec: String?
    /// Picture width in pixels (video and images).
    public var width: Int?
    /// Picture height in pixels (video and images).
    public var height: Int?
    /// Samples in the first audio frame.
    public var samples: Int?
    /// Audio sample rate in Hz.
    public var sampleRate: Int?
    /// Audio channel count.
    public var channels: Int?
}

extension MediaFile {
    /// Packets read at most while looking for the first decodable frame.
    static let decodePacketLimit = 64

    /// Probes the file, then decodes the first frame of its best stream of `kind` (`.video` for pictures and images,
    /// `.audio` for sound). Unlike `probe`, this reads and decodes media data, so use it for small files (images,
    /// audio clips), not for whole training videos.
    /// - Throws: `MediaProbeError` naming `path`: the probe's errors, or `.undecodable` when the file has no stream of
    ///   that kind or no frame of it decodes.
    public static func decodeFirstFrame(_ path: String, kind: StreamKind) throws(MediaProbeError) -> DecodedFrameFacts {
        let facts = try probe(path)
        let mediaType: AVMediaType
        switch kind {
        case .video: mediaType = AVMEDIA_TYPE_VIDEO
        case .audio: mediaType = AVMEDIA_TYPE_AUDIO
        default: throw MediaProbeError(path: path, reason: .undecodable(detail: "only video and audio streams can be decoded"))
        }
        guard let stream = facts.streams.first(where: { $0.kind == kind }) else {
            throw MediaProbeError(path: path, reason: .undecodable(detail: "the file has no \(kind.rawValue) stream"))
        }
        do {
            let session = try DemuxerSession(path: path, timeout: timeout, probeSize: recognitionProbeSize)
            // Decoders need the parameters the stream-info pass fills in (frame sizes, sample formats), so always run it here.
            try session.findStreamInfo(probeSize: streamInfoProbeSize, analyzeDuration: streamInfoDuration)
            guard let frame = try session.decodeFirstFrame(mediaType: mediaType, packetLimit: decodePacketLimit) else {
                throw MediaProbeError(path: path, reason: .undecodable(
                    detail: "no \(kind.rawValue) frame of codec \(stream.codec ?? "unknown") could be decoded"))
            }
            if kind == .video {
                return DecodedFrameFacts(kind: kind, codec: stream.codec, width: frame.width, height: frame.height)
            }
            return DecodedFrameFacts(kind: kind, codec: stream.codec, samples: frame.samples, sampleRate: frame.sampleRate,
                                     channels: frame.channels)
        } catch let error as MediaProbeError {
            throw error
        } catch let error as FFmpegError {
            throw MediaProbeError(path: path, reason: .undecodable(detail: error.message))
        } catch {
            throw MediaProbeError(path: path, reason: .undecodable(detail: "\(error)"))
        }
    }
}
