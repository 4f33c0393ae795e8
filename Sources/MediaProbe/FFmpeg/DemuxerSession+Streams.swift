import CFFmpeg

extension DemuxerSession {
    /// Facts about every stream, in container order, from the codec parameters the demuxer (or stream-info pass) filled.
    func streamFacts(family: ContainerFamily) -> [StreamFacts] {
        streams.enumerated().map { index, stream in facts(for: stream, index: index, family: family) }
    }

    /// Whether some stream still lacks what the facts need (codec, picture size, sample rate) after the header alone.
    var headerLeavesGaps: Bool {
        streams.contains { stream in
            guard let parameters = stream.pointee.codecpar else { return true }
            switch parameters.pointee.codec_type {
            case AVMEDIA_TYPE_VIDEO:
                return parameters.pointee.codec_id == AV_CODEC_ID_NONE || parameters.pointee.width <= 0
                    || parameters.pointee.height <= 0
            case AVMEDIA_TYPE_AUDIO:
                return parameters.pointee.codec_id == AV_CODEC_ID_NONE || parameters.pointee.sample_rate <= 0
                    || parameters.pointee.ch_layout.nb_channels <= 0
            default:
                return false
            }
        }
    }

    /// The file's duration in microseconds, the way libavformat derives `format.duration`: the container's own value
    /// when the header has one, else the span of the streams (fragmented MP4 has no duration in `mvhd`).
    var durationMicroseconds: Int64? {
        let unknown = cffmpeg_nopts_value()
        let declared = formatContext.pointee.duration
        if declared != unknown && declared > 0 { return declared }

        let microseconds = AVRational(num: 1, den: cffmpeg_time_base())
        var earliestStart = Int64.max
        var latestEnd = Int64.min
        var longest = Int64.min
        for stream in streams {
            let timeBase = stream.pointee.time_base
            let start = stream.pointee.start_time
            let length = stream.pointee.duration
            if start != unknown {
                let startMicroseconds = av_rescale_q(start, timeBase, microseconds)
                earliestStart = min(earliestStart, startMicroseconds)
                if length != unknown {
                    latestEnd = max(latestEnd, startMicroseconds + av_rescale_q(length, timeBase, microseconds))
                }
            }
            if length != unknown {
                longest = max(longest, av_rescale_q(length, timeBase, microseconds))
            }
        }
        if earliestStart != Int64.max && latestEnd != Int64.min && latestEnd >= earliestStart {
            longest = max(longest, latestEnd - earliestStart)
        }
        return longest > 0 ? longest : nil
    }

    /// The container's overall bit rate as libavformat reports it after its timing pass, if it set one.
    var reportedBitRate: Int64? {
        let rate = formatContext.pointee.bit_rate
        return rate > 0 ? rate : nil
    }

    /// The streams as pointers; valid while `self` is alive, never handed outside the FFmpeg files.
    var streams: [UnsafeMutablePointer<AVStream>] {
        let count = Int(formatContext.pointee.nb_streams)
        guard count > 0, let table = formatContext.pointee.streams else { return [] }
        return (0..<count).compactMap { table[$0] }
    }

    private func facts(for stream: UnsafeMutablePointer<AVStream>, index: Int, family: ContainerFamily) -> StreamFacts {
        let kind = Self.kind(of: stream.pointee.codecpar?.pointee.codec_type ?? AVMEDIA_TYPE_UNKNOWN)
        var facts = StreamFacts(index: index, kind: kind, codec: nil)
        facts.isAttachedPicture = stream.pointee.disposition & cffmpeg_disposition_attached_pic() != 0
        if stream.pointee.duration != cffmpeg_nopts_value(), let seconds = Self.seconds(stream.pointee.duration, stream.pointee.time_base) {
            facts.duration = seconds
        }
        if stream.pointee.nb_frames > 0 { facts.frameCount = Int(stream.pointee.nb_frames) }
        if stream.pointee.start_time != cffmpeg_nopts_value() {
            facts.startTime = Self.seconds(stream.pointee.start_time, stream.pointee.time_base)
        }
        guard let parameters = stream.pointee.codecpar?.pointee else { return facts }
        if let descriptor = avcodec_descriptor_get(parameters.codec_id), let name = descriptor.pointee.name {
            facts.codec = String(cString: name)
        }
        if parameters.bit_rate > 0 { facts.bitRate = parameters.bit_rate }

        switch kind {
        case .video:
            if parameters.width > 0 && parameters.height > 0 {
                facts.width = Int(parameters.width)
                facts.height = Int(parameters.height)
            }
            let aspect = av_guess_sample_aspect_ratio(formatContext, stream, nil)
            if aspect.num > 0 && aspect.den > 0 { facts.sampleAspectRatio = Ratio(Int(aspect.num), Int(aspect.den)) }
            facts.rotation = rotation(of: stream)
            if parameters.color_trc != AVCOL_TRC_UNSPECIFIED, let name = av_color_transfer_name(parameters.color_trc) {
                facts.colorTransfer = String(cString: name)
            }
            facts.fieldOrder = Self.fieldOrderName(parameters.field_order)
            if let width = facts.width, let height = facts.height {
                let swapped = facts.rotation == 90 || facts.rotation == 270
                facts.displayWidth = swapped ? height : width
                facts.displayHeight = swapped ? width : height
            }
            let rate = stream.pointee.avg_frame_rate
            if rate.num > 0 && rate.den > 0 { facts.frameRate = Double(rate.num) / Double(rate.den) }
            if family == .isoBaseMedia && !facts.isAttachedPicture {
                facts.isVariableFrameRate = variableFrameRate(of: stream)
            }
        case .audio:
            if parameters.codec_id == AV_CODEC_ID_OPUS {
                // Opus always decodes at 48 kHz; containers store the encoder's input rate, which ffprobe's decoding
                // pass replaces with 48 kHz.
                facts.sampleRate = 48_000
            } else if parameters.sample_rate > 0 {
                facts.sampleRate = Int(parameters.sample_rate)
            }
            if parameters.ch_layout.nb_channels > 0 { facts.channels = Int(parameters.ch_layout.nb_channels) }
        default:
            break
        }
        return facts
    }

    /// The display-matrix rotation in degrees, as ffprobe prints it but wrapped into 0..<360 (-90 becomes 270).
    private func rotation(of stream: UnsafeMutablePointer<AVStream>) -> Int {
        var size = 0
        guard let data = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size),
            size >= 9 * MemoryLayout<Int32>.size
        else { return 0 }
        let degrees = data.withMemoryRebound(to: Int32.self, capacity: 9) { av_display_rotation_get($0) }
        guard degrees.isFinite else { return 0 }
        let whole = Int(degrees.rounded())
        return ((whole % 360) + 360) % 360
    }

    /// ffprobe's names for the field orders; nil for an unknown order.
    private static func fieldOrderName(_ order: AVFieldOrder) -> String? {
        switch order {
        case AV_FIELD_PROGRESSIVE: return "progressive"
        case AV_FIELD_TT: return "tt"
        case AV_FIELD_BB: return "bb"
        case AV_FIELD_TB: return "tb"
        case AV_FIELD_BT: return "bt"
        default: return nil
        }
    }

    private static func kind(of type: AVMediaType) -> StreamKind {
        switch type {
        case AVMEDIA_TYPE_VIDEO: return .video
        case AVMEDIA_TYPE_AUDIO: return .audio
        case AVMEDIA_TYPE_SUBTITLE: return .subtitle
        case AVMEDIA_TYPE_DATA: return .data
        case AVMEDIA_TYPE_ATTACHMENT: return .attachment
        default: return .unknown
        }
    }

    static func seconds(_ value: Int64, _ timeBase: AVRational) -> Double? {
        guard timeBase.den != 0 else { return nil }
        return Double(value) * Double(timeBase.num) / Double(timeBase.den)
    }
}
