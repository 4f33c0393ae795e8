import CFFmpeg

/// Owns an `AVCodecContext` opened for one stream; freed in `deinit`.
final class StreamDecoder {
    let codecContext: UnsafeMutablePointer<AVCodecContext>

    /// Opens a decoder for the stream at `streamIndex` of `session`, decoding on `threads` threads.
    init(session: DemuxerSession, streamIndex: Int32, threads: Int32 = 1) throws(FFmpegError) {
        guard let streams = session.formatContext.pointee.streams, let stream = streams[Int(streamIndex)],
              let parameters = stream.pointee.codecpar
        else { throw FFmpegError(code: cffmpeg_averror(EINVAL)) }
        guard let codec = avcodec_find_decoder(parameters.pointee.codec_id) else {
            throw FFmpegError(code: cffmpeg_averror_decoder_not_found())
        }
        guard let context = avcodec_alloc_context3(codec) else { throw FFmpegError(code: cffmpeg_averror(ENOMEM)) }
        codecContext = context
        // From here on `deinit` frees the context on every path, a throw below included.
        try check(avcodec_parameters_to_context(context, parameters))
        context.pointee.thread_count = max(1, threads)
        context.pointee.max_pixels = Int64(MediaFile.maximumPixels)
        try check(avcodec_open2(context, codec, nil))
    }

    deinit {
        var freeing: UnsafeMutablePointer<AVCodecContext>? = codecContext
        avcodec_free_context(&freeing)
    }
}

/// Owns an `AVPacket` and an `AVFrame` used to decode; both freed in `deinit`.
final class DecodeBuffers {
    let packet: UnsafeMutablePointer<AVPacket>
    let frame: UnsafeMutablePointer<AVFrame>

    init() throws(FFmpegError) {
        guard let packet = av_packet_alloc() else { throw FFmpegError(code: cffmpeg_averror(ENOMEM)) }
        guard let frame = av_frame_alloc() else {
            var freeing: UnsafeMutablePointer<AVPacket>? = packet
            av_packet_free(&freeing)
            throw FFmpegError(code: cffmpeg_averror(ENOMEM))
        }
        self.packet = packet
        self.frame = frame
    }

    deinit {
        var packetToFree: UnsafeMutablePointer<AVPacket>? = packet
        av_packet_free(&packetToFree)
        var frameToFree: UnsafeMutablePointer<AVFrame>? = frame
        av_frame_free(&frameToFree)
    }
}

extension DemuxerSession {
    /// Decodes packets of the best stream of `mediaType` until one frame comes out, or `packetLimit` packets have been
    /// read. Returns the first frame's facts, or nil when the stream gave no frame.
    func decodeFirstFrame(mediaType: AVMediaType, packetLimit: Int) throws(FFmpegError) -> DecodedFrame? {
        let index = av_find_best_stream(formatContext, mediaType, -1, -1, nil, 0)
        guard index >= 0 else { return nil }
        let decoder = try StreamDecoder(session: self, streamIndex: index)
        let buffers = try DecodeBuffers()
        var packets = 0
        var draining = false
        while true {
            if !draining {
                let read = av_read_frame(formatContext, buffers.packet)
                if read < 0 {
                    draining = true
                    // A NULL packet asks the decoder to flush what it holds.
                    _ = avcodec_send_packet(decoder.codecContext, nil)
                } else {
                    defer { av_packet_unref(buffers.packet) }
                    guard buffers.packet.pointee.stream_index == index else { continue }
                    packets += 1
                    let sent = avcodec_send_packet(decoder.codecContext, buffers.packet)
                    if sent < 0 && sent != cffmpeg_averror(EAGAIN) {
                        if packets >= packetLimit { return nil }
                        continue
                    }
                }
            }
            let received = avcodec_receive_frame(decoder.codecContext, buffers.frame)
            if received >= 0 {
                defer { av_frame_unref(buffers.frame) }
                let frame = buffers.frame.pointee
                return DecodedFrame(
                    width: Int(frame.width), height: Int(frame.height),
                    samples: Int(frame.nb_samples), sampleRate: Int(frame.sample_rate),
                    channels: Int(frame.ch_layout.nb_channels))
            }
            if received == cffmpeg_averror_eof() || (draining && received != cffmpeg_averror(EAGAIN)) { return nil }
            if draining && received == cffmpeg_averror(EAGAIN) { return nil }
            if packets >= packetLimit { return nil }
        }
    }
}

/// What the first decoded frame looked like.
struct DecodedFrame {
    var width: Int
    var height: Int
    var samples: Int
    var sampleRate: Int
    var channels: Int
}
