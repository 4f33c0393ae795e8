import CFFmpeg
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One pass over a file that decodes all of its first audio stream and samples key frames of its first video stream,
/// running each through libavfilter. Owns every FFmpeg object it makes; only `ContentFacts` values come out.
final class ContentPass {
    private let session: DemuxerSession
    private let sampleInterval: Double
    private let decodeThreads: Int32

    init(session: DemuxerSession, sampleInterval: Double, decodeThreads: Int) {
        self.session = session
        self.sampleInterval = sampleInterval
        self.decodeThreads = Int32(max(1, decodeThreads))
    }

    /// Reads the file to its end (non-key video packets are skipped by the demuxer once the idet window is done).
    func run() -> ContentFacts {
        let context = session.formatContext
        let streams = session.streams
        let fileStart = context.pointee.start_time == cffmpeg_nopts_value()
            ? 0 : Double(context.pointee.start_time) / Double(cffmpeg_time_base())
        var videoIndex = av_find_best_stream(context, AVMEDIA_TYPE_VIDEO, -1, -1, nil, 0)
        if videoIndex >= 0, streams[Int(videoIndex)].pointee.disposition & cffmpeg_disposition_attached_pic() != 0 {
            videoIndex = -1
        }
        let audioIndex = av_find_best_stream(context, AVMEDIA_TYPE_AUDIO, -1, videoIndex >= 0 ? videoIndex : -1, nil, 0)

        var videoProblem: String?
        var audioProblem: String?
        var video: VideoTrack?
        var audio: AudioTrack?
        if videoIndex >= 0 {
            do {
                video = try VideoTrack(session: session, index: videoIndex, fileStart: fileStart,
                                       sampleInterval: sampleInterval, threads: decodeThreads)
            } catch {
                videoProblem = "video stream #\(videoIndex): cannot open a decoder (\(error.message))"
            }
        }
        if audioIndex >= 0 {
            do {
                audio = try AudioTrack(session: session, index: audioIndex, fileStart: fileStart)
            } catch {
                audioProblem = "audio stream #\(audioIndex): cannot open a decoder (\(error.message))"
            }
        }
        for (index, stream) in streams.enumerated() where Int32(index) != videoIndex && Int32(index) != audioIndex {
            stream.pointee.discard = AVDISCARD_ALL
        }

        guard let packet = av_packet_alloc() else {
            return ContentFacts(video: nil, audio: nil, videoProblem: "out of memory", audioProblem: "out of memory")
        }
        defer {
            var freeing: UnsafeMutablePointer<AVPacket>? = packet
            av_packet_free(&freeing)
        }
        var readProblem: String?
        while video?.wantsPackets == true || audio?.wantsPackets == true {
            // Each read gets the whole allowance: a damaged or stalled file stops here, not the pass as a whole.
            session.deadline.rearm()
            let read = av_read_frame(context, packet)
            if read < 0 {
                if read != cffmpeg_averror_eof() {
                    let error = FFmpegError(code: read)
                    readProblem = error.isTimeout
                        ? "gave up after \(Int(session.deadline.allowance)) s waiting for one read" : error.message
                }
                break
            }
            defer { av_packet_unref(packet) }
            if packet.pointee.stream_index == videoIndex {
                video?.feed(packet)
            } else if packet.pointee.stream_index == audioIndex {
                audio?.feed(packet)
            }
        }
        video?.finish()
        audio?.finish()

        if let readProblem {
            // What was read up to the failure still counts; the problem is named when a stream gave nothing at all.
            if let track = video, track.sampleCount == 0, track.problem == nil { track.problem = "reading failed: \(readProblem)" }
            if let track = audio, track.totalSamples == 0, track.problem == nil { track.problem = "reading failed: \(readProblem)" }
        }
        if let track = video {
            if let problem = track.problem {
                videoProblem = "video stream #\(videoIndex): \(problem)"
            } else if track.sampleCount == 0 {
                videoProblem = "video stream #\(videoIndex): no frame could be decoded"
            }
        }
        if let track = audio {
            if let problem = track.problem {
                audioProblem = "audio stream #\(audioIndex): \(problem)"
            } else if track.totalSamples == 0 {
                audioProblem = "audio stream #\(audioIndex): no sound could be decoded"
            }
        }
        return ContentFacts(
            video: videoProblem == nil ? video?.facts() : nil, audio: audioProblem == nil ? audio?.facts() : nil,
            videoProblem: videoProblem, audioProblem: audioProblem)
    }
}

/// Decodes and receives frames of one stream; shared by the video and audio tracks.
private func decodeEach(
    _ decoder: StreamDecoder, packet: UnsafeMutablePointer<AVPacket>?, into frame: UnsafeMutablePointer<AVFrame>,
    _ body: (UnsafeMutablePointer<AVFrame>) throws(FFmpegError) -> Void
) throws(FFmpegError) {
    let sent = avcodec_send_packet(decoder.codecContext, packet)
    // A damaged packet is skipped, as players do; only a decoder that cannot go on stops the stream.
    if sent < 0 && sent != cffmpeg_averror(EAGAIN) && sent != cffmpeg_averror_eof() && sent != cffmpeg_averror_invaliddata() {
        throw FFmpegError(code: sent)
    }
    while true {
        let received = avcodec_receive_frame(decoder.codecContext, frame)
        if received == cffmpeg_averror(EAGAIN) || received == cffmpeg_averror_eof() { return }
        if received == cffmpeg_averror_invaliddata() { continue }
        try check(received)
        defer { av_frame_unref(frame) }
        try body(frame)
    }
}

/// What the video and audio tracks share: one stream, its decoder, the frames it decodes and filters into, and how a
/// failure ends the track.
private class StreamTrack {
    let stream: UnsafeMutablePointer<AVStream>
    let index: Int32
    let decoder: StreamDecoder
    let buffers: DecodeBuffers
    let filtered: UnsafeMutablePointer<AVFrame>
    let fileStart: Double
    var problem: String?
    var wantsPackets = true

    init(session: DemuxerSession, index: Int32, fileStart: Double, threads: Int32 = 1) throws(FFmpegError) {
        self.index = index
        stream = session.streams[Int(index)]
        decoder = try StreamDecoder(session: session, streamIndex: index, threads: threads)
        buffers = try DecodeBuffers()
        guard let frame = av_frame_alloc() else { throw FFmpegError(code: cffmpeg_averror(ENOMEM)) }
        filtered = frame
        self.fileStart = fileStart
    }

    deinit {
        var freeing: UnsafeMutablePointer<AVFrame>? = filtered
        av_frame_free(&freeing)
    }

    /// Sends `packet` to the decoder (nil: the stream has ended) and hands each frame it gives back to `body`, then
    /// runs `then`. A failure ends the track: the problem is noted and the demuxer drops the stream's packets.
    final func decode(_ packet: UnsafeMutablePointer<AVPacket>?, _ body: (UnsafeMutablePointer<AVFrame>) throws(FFmpegError) -> Void,
                      then: () throws(FFmpegError) -> Void = {}) {
        guard wantsPackets else { return }
        do {
            try decodeEach(decoder, packet: packet, into: buffers.frame, body)
            try then()
        } catch {
            problem = error.isTimeout ? "gave up decoding after \(Int(MediaFile.timeout)) s" : "decoding failed (\(error.message))"
            wantsPackets = false
            stream.pointee.discard = AVDISCARD_ALL
        }
    }
}

/// Frames of the video stream: a window of consecutive frames for idet, then key frames about once per interval.
private final class VideoTrack: StreamTrack {
    let sampleInterval: Double
    let rotation: Int

    private var sampleGraph: FilterGraph?
    private var idetGraph: FilterGraph?
    private var windowFramesLeft = MediaFile.idetWindowFrames
    private var idetCounts: InterlaceCounts?
    private var samples: [FrameSample] = []
    private var thumbnails: [Thumbnail] = []
    /// Every `thumbnailStride`-th sample gets a thumbnail; the stride doubles whenever twice ``MediaFile/thumbnailCount``
    /// are kept (every other one is dropped), so a long take holds a bounded number and none is made for nothing.
    private var thumbnailStride = 1
    private var previousBlocks: [Double]?
    private var lastSampleTime: Double?
    private var decodedFrames = 0
    private var analysisWidth = 0
    private var analysisHeight = 0
    private var crop: (x1: Int, y1: Int, x2: Int, y2: Int)?
    private var displayWidth = 0
    private var displayHeight = 0

    var sampleCount: Int { samples.count }

    init(session: DemuxerSession, index: Int32, fileStart: Double, sampleInterval: Double, threads: Int32) throws(FFmpegError) {
        self.sampleInterval = sampleInterval
        rotation = session.streamFacts(family: .other)[Int(index)].rotation
        try super.init(session: session, index: index, fileStart: fileStart, threads: threads)
    }

    func feed(_ packet: UnsafeMutablePointer<AVPacket>) {
        if windowFramesLeft <= 0 && packet.pointee.flags & cffmpeg_pkt_flag_key() == 0 { return }
        decode(packet, handle)
    }

    func finish() {
        decode(nil, handle, then: closeWindow)
        wantsPackets = false
    }

    private func handle(_ frame: UnsafeMutablePointer<AVFrame>) throws(FFmpegError) {
        decodedFrames += 1
        let timestamp = frame.pointee.best_effort_timestamp
        let time = (timestamp == cffmpeg_nopts_value() ? 0 : DemuxerSession.seconds(timestamp, stream.pointee.time_base) ?? 0)
            - fileStart
        if windowFramesLeft > 0 {
            try idet(frame)
            windowFramesLeft -= 1
            if windowFramesLeft == 0 { try closeWindow() }
        }
        let due = lastSampleTime.map { time >= $0 + sampleInterval * 0.75 } ?? true
        if frame.pointee.key_frame != 0 && due {
            lastSampleTime = time
            try sample(frame, time: time)
        }
    }

    /// After the window: only key frames are wanted, so the demuxer skips the rest and the decoder drops them.
    private func closeWindow() throws(FFmpegError) {
        windowFramesLeft = 0
        stream.pointee.discard = AVDISCARD_NONKEY
        decoder.codecContext.pointee.skip_frame = AVDISCARD_NONKEY
        guard let graph = idetGraph else { return }
        idetGraph = nil
        try graph.push(nil)
        try drainIdet(graph)
    }

    private func sourceArguments(_ frame: UnsafeMutablePointer<AVFrame>) -> String {
        let base = stream.pointee.time_base
        return "video_size=\(frame.pointee.width)x\(frame.pointee.height):pix_fmt=\(frame.pointee.format)"
            + ":time_base=\(base.num)/\(max(1, base.den)):pixel_aspect=1/1"
    }

    private func idet(_ frame: UnsafeMutablePointer<AVFrame>) throws(FFmpegError) {
        if idetGraph == nil {
            // A centre crop keeps the field lines intact (no scaling) and bounds the cost on 4K frames.
            let description = "crop=w='min(iw,640)':h='min(ih,360)':x='floor((iw-ow)/4)*2':y='floor((ih-oh)/4)*2',"
                + "format=yuv420p,idet"
            idetGraph = try FilterGraph(audio: false, sourceArguments: sourceArguments(frame), description: description)
        }
        guard let graph = idetGraph else { return }
        try graph.push(frame)
        try drainIdet(graph)
    }

    private func drainIdet(_ graph: FilterGraph) throws(FFmpegError) {
        while try graph.pull(into: filtered) {
            defer { av_frame_unref(filtered) }
            let count = { (key: String) in Int(frameMetadataNumber(self.filtered, "lavfi.idet.multiple." + key) ?? 0) }
            idetCounts = InterlaceCounts(topFieldFirst: count("tff"), bottomFieldFirst: count("bff"),
                                         progressive: count("progressive"), undetermined: count("undetermined"))
        }
    }

    private func sample(_ frame: UnsafeMutablePointer<AVFrame>, time: Double) throws(FFmpegError) {
        if sampleGraph == nil {
            let width = Int(frame.pointee.width), height = Int(frame.pointee.height)
            guard width > 0, height > 0 else { return }
            let long = MediaFile.analysisLongSide
            let scale = min(1, Double(long) / Double(max(width, height)))
            let scaledWidth = max(2, Int((Double(width) * scale / 2).rounded()) * 2)
            let scaledHeight = max(2, Int((Double(height) * scale / 2).rounded()) * 2)
            // ffmpeg's own autorotation: the display matrix's angle, counter-clockwise, undone by a transpose or flips.
            let turn: String
            switch rotation {
            case 90: turn = ",transpose=cclock"
            case 180: turn = ",hflip,vflip"
            case 270: turn = ",transpose=clock"
            default: turn = ""
            }
            let swapped = rotation == 90 || rotation == 270
            analysisWidth = swapped ? scaledHeight : scaledWidth
            analysisHeight = swapped ? scaledWidth : scaledHeight
            displayWidth = swapped ? height : width
            displayHeight = swapped ? width : height
            let description = "scale=w=\(scaledWidth):h=\(scaledHeight):flags=area,format=yuv420p\(turn),"
                + "cropdetect=round=2:skip=0:reset=0"
            sampleGraph = try FilterGraph(audio: false, sourceArguments: sourceArguments(frame), description: description)
        }
        guard let graph = sampleGraph else { return }
        let interlaced = frame.pointee.interlaced_frame != 0
        try graph.push(frame)
        while try graph.pull(into: filtered) {
            defer { av_frame_unref(filtered) }
            measure(filtered, time: time, interlaced: interlaced)
        }
    }

    /// Statistics of one scaled, rotated yuv420p picture.
    private func measure(_ picture: UnsafeMutablePointer<AVFrame>, time: Double, interlaced: Bool) {
        let width = Int(picture.pointee.width), height = Int(picture.pointee.height)
        guard width > 1, height > 1, let lumaPlane = picture.pointee.data.0, let uPlane = picture.pointee.data.1,
              let vPlane = picture.pointee.data.2
        else { return }
        let lumaStride = Int(picture.pointee.linesize.0), uStride = Int(picture.pointee.linesize.1)
        let vStride = Int(picture.pointee.linesize.2)

        let grid = MediaFile.differenceGrid
        var blockSums = [Double](repeating: 0, count: grid * grid)
        var blockCounts = [Int](repeating: 0, count: grid * grid)
        var lumaSum = 0.0
        var dark = 0
        let darkLevel = MediaFile.blackPixelLuma
        for y in 0..<height {
            let row = lumaPlane + y * lumaStride
            let blockRow = min(grid - 1, y * grid / height) * grid
            for x in 0..<width {
                let value = Double(row[x])
                lumaSum += value
                if value <= darkLevel { dark += 1 }
                let block = blockRow + min(grid - 1, x * grid / width)
                blockSums[block] += value
                blockCounts[block] += 1
            }
        }
        let blocks = zip(blockSums, blockCounts).map { $1 > 0 ? $0 / Double($1) : 0 }
        var difference: Double?
        var maxBlockDifference: Double?
        if let previousBlocks, previousBlocks.count == blocks.count {
            let deltas = zip(blocks, previousBlocks).map { abs($0 - $1) }
            difference = deltas.reduce(0, +) / Double(deltas.count)
            maxBlockDifference = deltas.max()
        }
        previousBlocks = blocks

        // The border: left and right eighths, and the top tenth between them, judged per chroma sample.
        let chromaWidth = width / 2, chromaHeight = height / 2
        let side = max(1, chromaWidth / 8), top = max(1, chromaHeight / 10)
        var borderPixels = 0
        var green = 0
        for y in 0..<chromaHeight {
            for x in 0..<chromaWidth where x < side || x >= chromaWidth - side || y < top {
                borderPixels += 1
                let luma = Double(lumaPlane[(2 * y) * lumaStride + 2 * x])
                if MediaFile.isChromaGreen(luma: luma, u: Double(uPlane[y * uStride + x]), v: Double(vPlane[y * vStride + x])) {
                    green += 1
                }
            }
        }

        if let x1 = frameMetadataNumber(picture, "lavfi.cropdetect.x1"), let x2 = frameMetadataNumber(picture, "lavfi.cropdetect.x2"),
           let y1 = frameMetadataNumber(picture, "lavfi.cropdetect.y1"), let y2 = frameMetadataNumber(picture, "lavfi.cropdetect.y2"),
           x2 >= x1, y2 >= y1 {
            crop = (Int(x1), Int(y1), Int(x2), Int(y2))
        }
        if samples.count % thumbnailStride == 0 {
            thumbnails.append(Self.thumbnail(time: time, width: width, height: height, luma: lumaPlane,
                                             lumaStride: lumaStride, u: uPlane, uStride: uStride, v: vPlane, vStride: vStride))
            if thumbnails.count == 2 * MediaFile.thumbnailCount {
                thumbnails = thumbnails.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
                thumbnailStride *= 2
            }
        }
        let pixels = Double(width * height)
        samples.append(FrameSample(
            time: time, meanLuma: lumaSum / pixels, darkShare: Double(dark) / pixels, difference: difference,
            maxBlockDifference: maxBlockDifference,
            borderGreenShare: borderPixels > 0 ? Double(green) / Double(borderPixels) : 0, interlaced: interlaced))
    }

    /// A ``MediaFile/thumbnailWidth``-wide RGB picture of a yuv420p frame (nearest samples, BT.601 limited range).
    private static func thumbnail(time: Double, width: Int, height: Int, luma: UnsafeMutablePointer<UInt8>, lumaStride: Int,
                                  u: UnsafeMutablePointer<UInt8>, uStride: Int, v: UnsafeMutablePointer<UInt8>,
                                  vStride: Int) -> Thumbnail {
        let outWidth = min(MediaFile.thumbnailWidth, width)
        let outHeight = max(1, height * outWidth / width)
        var rgb = [UInt8](repeating: 0, count: outWidth * outHeight * 3)
        func clamp(_ value: Double) -> UInt8 { UInt8(max(0, min(255, value.rounded()))) }
        for row in 0..<outHeight {
            let y = min(height - 1, row * height / outHeight)
            for column in 0..<outWidth {
                let x = min(width - 1, column * width / outWidth)
                let c = 1.164 * (Double(luma[y * lumaStride + x]) - 16)
                let d = Double(u[(y / 2) * uStride + x / 2]) - 128, e = Double(v[(y / 2) * vStride + x / 2]) - 128
                let at = (row * outWidth + column) * 3
                rgb[at] = clamp(c + 1.596 * e)
                rgb[at + 1] = clamp(c - 0.392 * d - 0.813 * e)
                rgb[at + 2] = clamp(c + 2.017 * d)
            }
        }
        return Thumbnail(time: time, width: outWidth, height: outHeight, rgb: rgb)
    }

    /// Up to ``MediaFile/thumbnailCount`` of the thumbnails, evenly spread, first and last included.
    private func spreadThumbnails() -> [Thumbnail] {
        let count = MediaFile.thumbnailCount
        guard thumbnails.count > count else { return thumbnails }
        return (0..<count).map { thumbnails[$0 * (thumbnails.count - 1) / (count - 1)] }
    }

    func facts() -> VideoContentFacts {
        var active: PixelRect?
        if let crop, analysisWidth > 0, analysisHeight > 0 {
            let scaleX = Double(displayWidth) / Double(analysisWidth), scaleY = Double(displayHeight) / Double(analysisHeight)
            let x = Int((Double(crop.x1) * scaleX).rounded()), y = Int((Double(crop.y1) * scaleY).rounded())
            let right = min(displayWidth, Int((Double(crop.x2 + 1) * scaleX).rounded()))
            let bottom = min(displayHeight, Int((Double(crop.y2 + 1) * scaleY).rounded()))
            active = PixelRect(x: x, y: y, width: max(0, right - x), height: max(0, bottom - y))
        }
        return VideoContentFacts(
            streamIndex: Int(index), displayWidth: displayWidth, displayHeight: displayHeight, activePicture: active,
            samples: samples, interlace: (idetCounts.map { $0.interlaced + $0.progressive + $0.undetermined > 0 } ?? false) ? idetCounts : nil,
            decodedFrames: decodedFrames, thumbnails: spreadThumbnails())
    }
}

/// The whole audio stream through ebur128 and silencedetect, with our own peak, RMS, window and clipping counts.
private final class AudioTrack: StreamTrack {
    private var graph: FilterGraph?
    private var sampleRate = 0
    private var channels = 0
    private var startTime: Double?
    private(set) var totalSamples = 0
    private var peak: Float = 0
    private var sumSquares = 0.0
    private var clipped = 0
    private var runs: [Int] = []
    private var windowSum = 0.0
    private var windowCount = 0
    private var windowLength = 0
    private var windowLevels: [Double] = []
    private var integrated: Double?
    private var range: Double?
    private var truePeak: Double?
    private var silences: [TimeSpan] = []
    private var openSilence: Double?

    func feed(_ packet: UnsafeMutablePointer<AVPacket>) {
        decode(packet, filter)
    }

    func finish() {
        decode(nil, filter) { () throws(FFmpegError) in
            if let graph {
                try graph.push(nil)
                try drain(graph)
            }
        }
        wantsPackets = false
    }

    private func filter(_ frame: UnsafeMutablePointer<AVFrame>) throws(FFmpegError) {
        if graph == nil {
            sampleRate = Int(frame.pointee.sample_rate)
            channels = Int(frame.pointee.ch_layout.nb_channels)
            guard sampleRate > 0, channels > 0 else { throw FFmpegError(code: cffmpeg_averror_invaliddata()) }
            var layout = [CChar](repeating: 0, count: 128)
            _ = av_channel_layout_describe(&frame.pointee.ch_layout, &layout, layout.count)
            let layoutName = String(decoding: layout.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let formatName = av_get_sample_fmt_name(AVSampleFormat(frame.pointee.format)).map { String(cString: $0) } ?? "fltp"
            let arguments = "time_base=1/\(sampleRate):sample_rate=\(sampleRate):sample_fmt=\(formatName)"
                + ":channel_layout=\(layoutName)"
            let description = "ebur128=peak=true:metadata=1,"
                + "silencedetect=noise=\(MediaFile.silenceNoise)dB:duration=\(MediaFile.silenceMinimum),"
                + "aformat=sample_fmts=flt"
            graph = try FilterGraph(audio: true, sourceArguments: arguments, description: description)
            runs = [Int](repeating: 0, count: channels)
            windowLength = max(1, Int(Double(sampleRate) * MediaFile.audioWindowSeconds))
            let timestamp = frame.pointee.best_effort_timestamp
            startTime = (timestamp == cffmpeg_nopts_value() ? 0 : DemuxerSession.seconds(timestamp, stream.pointee.time_base) ?? 0)
                - fileStart
        }
        guard let graph else { return }
        // Re-stamp the frame in 1/sample_rate units so that the filters' times count from the sound's start.
        frame.pointee.pts = Int64(totalSamples / max(1, channels))
        try graph.push(frame)
        try drain(graph)
    }

    private func drain(_ graph: FilterGraph) throws(FFmpegError) {
        while try graph.pull(into: filtered) {
            defer { av_frame_unref(filtered) }
            read(filtered)
        }
    }

    private func read(_ frame: UnsafeMutablePointer<AVFrame>) {
        if let value = frameMetadataNumber(frame, "lavfi.r128.I") { integrated = value }
        if let value = frameMetadataNumber(frame, "lavfi.r128.LRA") { range = value }
        // The largest over all frames, whether a frame carries the running maximum or its own.
        if let value = frameMetadataNumber(frame, "lavfi.r128.true_peak"), value > 0 {
            truePeak = max(truePeak ?? -.infinity, 20 * log10(value))
        }
        let offset = startTime ?? 0
        if let start = frameMetadataNumber(frame, "lavfi.silence_start") { openSilence = max(0, start) + offset }
        if let end = frameMetadataNumber(frame, "lavfi.silence_end") {
            silences.append(TimeSpan(start: openSilence ?? offset, end: end + offset))
            openSilence = nil
        }
        let count = Int(frame.pointee.nb_samples) * channels
        guard count > 0, let data = frame.pointee.data.0 else { return }
        let clipLevel = MediaFile.clipLevel, runLength = MediaFile.clipRunLength
        data.withMemoryRebound(to: Float.self, capacity: count) { samples in
            for position in 0..<count {
                let value = samples[position]
                let magnitude = abs(value)
                if magnitude > peak { peak = magnitude }
                let square = Double(value) * Double(value)
                sumSquares += square
                windowSum += square
                windowCount += 1
                if windowCount == windowLength * channels {
                    windowLevels.append(Self.decibels(meanSquare: windowSum / Double(windowCount)))
                    windowSum = 0
                    windowCount = 0
                }
                let channel = position % channels
                if magnitude >= clipLevel {
                    runs[channel] += 1
                    // A run counts once it is long enough; from then on each further sample counts as it comes.
                    if runs[channel] == runLength { clipped += runLength } else if runs[channel] > runLength { clipped += 1 }
                } else {
                    runs[channel] = 0
                }
            }
        }
        totalSamples += count
    }

    static func decibels(meanSquare: Double) -> Double {
        meanSquare > 0 ? max(-200, 10 * log10(meanSquare)) : -200
    }

    func facts() -> AudioContentFacts {
        let start = startTime ?? 0
        let seconds = channels > 0 && sampleRate > 0 ? Double(totalSamples / channels) / Double(sampleRate) : 0
        var spans = silences
        if let openSilence { spans.append(TimeSpan(start: openSilence, end: start + seconds)) }
        var levels = windowLevels
        if windowCount > channels * max(1, windowLength / 4) {
            levels.append(Self.decibels(meanSquare: windowSum / Double(windowCount)))
        }
        return AudioContentFacts(
            streamIndex: Int(index), sampleRate: sampleRate, channels: channels, duration: seconds,
            integratedLoudness: integrated.flatMap { $0.isFinite && $0 > -70 ? $0 : nil }, loudnessRange: range,
            truePeak: truePeak, samplePeak: peak > 0 ? max(-200, 20 * log10(Double(peak))) : -200,
            rmsLevel: Self.decibels(meanSquare: totalSamples > 0 ? sumSquares / Double(totalSamples) : 0),
            clippedSamples: clipped, totalSamples: totalSamples, windowSeconds: MediaFile.audioWindowSeconds,
            windowLevels: levels, silences: spans, startTime: start)
    }
}
