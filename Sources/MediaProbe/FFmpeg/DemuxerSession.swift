import CFFmpeg
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One opened input: the sole owner of an `AVFormatContext`, closed in `deinit`.
///
/// Each probe makes its own session, so sessions on different tasks share nothing. A session is used by one
/// thread at a time and never escapes the probe that made it.
final class DemuxerSession {
    /// The opened context; only this class and its extensions read it, and only `deinit` frees it.
    let formatContext: UnsafeMutablePointer<AVFormatContext>
    /// Read by the interrupt callback through the context's `opaque` pointer; kept alive by this property.
    let deadline: ProbeDeadline

    /// Opens `path` with libavformat and reads its header (for MP4/MOV: the whole `moov`), nothing more.
    ///
    /// - Parameters:
    ///   - timeout: seconds after which FFmpeg is asked to give up (through the interrupt callback).
    ///   - probeSize: the most bytes libavformat may read to recognise the format (and later to find stream info).
    ///   - demuxer: the name of the demuxer to use when the caller already knows the format (e.g. `mov` for a file
    ///     that starts with an `ftyp` box); nil lets libavformat recognise it by asking every demuxer.
    init(path: String, timeout: Double, probeSize: Int, demuxer: String? = nil) throws(FFmpegError) {
        LogSilencer.silenceOnce()
        deadline = ProbeDeadline(secondsFromNow: timeout)
        guard let allocated = avformat_alloc_context() else { throw FFmpegError(code: cffmpeg_averror(ENOMEM)) }
        allocated.pointee.interrupt_callback = AVIOInterruptCB(
            callback: probeInterruptCallback, opaque: Unmanaged.passUnretained(deadline).toOpaque())

        var options: OpaquePointer?
        defer { av_dict_free(&options) }
        // Only plain files: a name such as `concat:a|b` or a playlist must not make FFmpeg open anything else.
        av_dict_set(&options, "protocol_whitelist", "file", 0)
        // Only the demuxers the roles need, none of which opens other files: an HLS playlist or an ffconcat script
        // named take.mp4 is refused rather than followed to the files it names (a FIFO among them would block open()).
        av_dict_set(&options, "format_whitelist", Self.demuxerWhitelist, 0)
        // image2 reads `%d` and glob patterns as numbered sequences of other files; one named file is all it may read.
        av_dict_set(&options, "pattern_type", "none", 0)
        av_dict_set(&options, "probesize", String(probeSize), 0)

        // On failure avformat_open_input frees the context it was given and sets the pointer to nil.
        var opened: UnsafeMutablePointer<AVFormatContext>? = allocated
        // Naming the demuxer skips libavformat's recognition pass, which runs every demuxer's probe function
        // (some call into external libraries) over the first bytes: measurable when linting hundreds of files.
        let format = demuxer.flatMap { av_find_input_format($0) }
        try check(avformat_open_input(&opened, "file:" + path, format, &options))
        guard let opened else { throw FFmpegError(code: cffmpeg_averror_invaliddata()) }
        formatContext = opened
    }

    /// The demuxers a session may use: the video containers (MP4/MOV, Matroska/WebM, AVI, MPEG-TS/PS, FLV, ASF), the
    /// single-picture demuxers of images, and the audio formats an audio ZIP may hold. Playlists and scripts that name
    /// other files (hls, dash, concat, webm_dash_manifest) are not among them, nor is SVG (its renderer loads images).
    static let demuxerWhitelist = [
        "mov", "mp4", "m4a", "3gp", "3g2", "mj2", "matroska", "webm", "avi", "mpegts", "mpegtsraw", "mpeg", "mpegvideo",
        "flv", "live_flv", "kux", "asf",
        "image2", "image2pipe", "gif", "bmp_pipe", "cri_pipe", "dds_pipe", "dpx_pipe", "exr_pipe", "gem_pipe", "gif_pipe",
        "j2k_pipe", "jpeg_pipe", "jpegls_pipe", "jpegxl_pipe", "pam_pipe", "pbm_pipe", "pcx_pipe", "pfm_pipe", "pgm_pipe",
        "pgmyuv_pipe", "pgx_pipe", "phm_pipe", "photocd_pipe", "pictor_pipe", "png_pipe", "ppm_pipe", "psd_pipe",
        "qdraw_pipe", "qoi_pipe", "sgi_pipe", "sunrast_pipe", "tiff_pipe", "vbn_pipe", "webp_pipe", "xbm_pipe",
        "xpm_pipe", "xwd_pipe",
        "wav", "w64", "mp3", "aac", "ac3", "eac3", "flac", "ogg", "aiff", "caf", "amr", "amrnb", "amrwb", "ape", "wv",
    ].joined(separator: ",")

    deinit {
        var closing: UnsafeMutablePointer<AVFormatContext>? = formatContext
        avformat_close_input(&closing)
    }

    /// libavformat's name for the demuxer in use, e.g. `mov,mp4,m4a,3gp,3g2,mj2`.
    var demuxerName: String {
        guard let format = formatContext.pointee.iformat, let name = format.pointee.name else { return "" }
        return String(cString: name)
    }

    /// Whether streams may appear only once packets are read (MPEG-TS, raw streams…), so the header alone is not enough.
    var streamsAppearWhileReading: Bool {
        formatContext.pointee.ctx_flags & cffmpeg_ctx_no_header() != 0
    }

    /// Reads packets to fill in what the header left out; bounded by `probeSize` bytes and `analyzeDuration` seconds.
    func findStreamInfo(probeSize: Int, analyzeDuration: Double) throws(FFmpegError) {
        formatContext.pointee.probesize = Int64(probeSize)
        formatContext.pointee.max_analyze_duration = Int64(analyzeDuration * Double(cffmpeg_time_base()))
        // The decoders this pass opens refuse pictures over the pixel limit before allocating them.
        let count = Int(formatContext.pointee.nb_streams)
        var perStream = [OpaquePointer?](repeating: nil, count: count)
        for index in 0..<count {
            av_dict_set(&perStream[index], "max_pixels", String(MediaFile.maximumPixels), 0)
        }
        defer { for index in 0..<count { av_dict_free(&perStream[index]) } }
        let result = perStream.withUnsafeMutableBufferPointer { avformat_find_stream_info(formatContext, $0.baseAddress) }
        try check(result)
    }

    /// The value of a container-level metadata tag, e.g. `major_brand`.
    func metadataValue(_ key: String) -> String? {
        guard let entry = av_dict_get(formatContext.pointee.metadata, key, nil, 0), let value = entry.pointee.value else {
            return nil
        }
        return String(cString: value)
    }
}

/// Silences FFmpeg's own logging, once per process.
enum LogSilencer {
    /// Swift runs a global's initializer exactly once, even when many threads race to it.
    private static let silenced: Bool = {
        // Level QUIET, and a callback that drops everything: the MP4 demuxer logs a trace line per sample, and the
        // default callback would still take its lock and check the level for each.
        cffmpeg_silence_logging()
        return true
    }()

    static func silenceOnce() {
        _ = silenced
    }
}

/// A point in monotonic time after which FFmpeg is asked to abort blocking work.
///
/// A probe arms it once, when the file is opened. A content pass, which reads the whole file, re-arms it before each
/// read, so that every single read (not the pass) gets the allowance. Used by the session's one thread only: FFmpeg
/// calls the interrupt callback on the thread that called into it.
final class ProbeDeadline {
    /// Monotonic nanoseconds.
    private var instant: UInt64
    /// The seconds each arming allows.
    let allowance: Double

    init(secondsFromNow seconds: Double) {
        allowance = max(0, seconds)
        instant = Self.now() &+ UInt64(allowance * 1_000_000_000)
    }

    var hasPassed: Bool { Self.now() >= instant }

    /// Gives the next blocking call a fresh allowance, counted from now.
    func rearm() {
        instant = Self.now() &+ UInt64(allowance * 1_000_000_000)
    }

    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}

/// FFmpeg polls this during blocking I/O; a non-zero answer makes the current call fail with `AVERROR_EXIT`.
private let probeInterruptCallback: @convention(c) (UnsafeMutableRawPointer?) -> Int32 = { opaque in
    guard let opaque else { return 0 }
    return Unmanaged<ProbeDeadline>.fromOpaque(opaque).takeUnretainedValue().hasPassed ? 1 : 0
}
