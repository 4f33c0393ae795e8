import CFFmpeg

/// Owns a libavfilter graph with one buffer source and one buffer sink; freed (with every filter in it) in `deinit`.
///
/// Frames go in with `push`, filtered frames come out with `pull`. Used by one thread at a time, inside MediaProbe.
final class FilterGraph {
    private let graph: UnsafeMutablePointer<AVFilterGraph>
    private let source: UnsafeMutablePointer<AVFilterContext>
    private let sink: UnsafeMutablePointer<AVFilterContext>

    /// Builds `source → description → sink`.
    /// - Parameters:
    ///   - audio: whether the graph filters sound (`abuffer`/`abuffersink`) or pictures (`buffer`/`buffersink`).
    ///   - sourceArguments: the buffer source's options, e.g. `video_size=1920x1080:pix_fmt=0:time_base=1/25`.
    ///   - description: the filter chain in libavfilter's syntax, e.g. `scale=320:180,cropdetect`.
    init(audio: Bool, sourceArguments: String, description: String) throws(FFmpegError) {
        guard let allocated = avfilter_graph_alloc() else { throw FFmpegError(code: cffmpeg_averror(ENOMEM)) }
        // One thread per graph: the frames are small, and many files may be analysed at once.
        allocated.pointee.nb_threads = 1
        var sourceContext: UnsafeMutablePointer<AVFilterContext>?
        var sinkContext: UnsafeMutablePointer<AVFilterContext>?
        let built: Int32 = {
            guard let sourceFilter = avfilter_get_by_name(audio ? "abuffer" : "buffer"),
                  let sinkFilter = avfilter_get_by_name(audio ? "abuffersink" : "buffersink")
            else { return cffmpeg_averror(ENOSYS) }
            var code = avfilter_graph_create_filter(&sourceContext, sourceFilter, "in", sourceArguments, nil, allocated)
            if code < 0 { return code }
            code = avfilter_graph_create_filter(&sinkContext, sinkFilter, "out", nil, nil, allocated)
            if code < 0 { return code }
            // The chain's open input is fed by the source ("in"), its open output feeds the sink ("out"). parse_ptr
            // consumes both lists and hands back what it left unlinked (normally nothing), freed by the defer.
            var outputs = avfilter_inout_alloc()
            var inputs = avfilter_inout_alloc()
            defer {
                avfilter_inout_free(&outputs)
                avfilter_inout_free(&inputs)
            }
            guard let sourceEnd = outputs, let sinkEnd = inputs else { return cffmpeg_averror(ENOMEM) }
            sourceEnd.pointee.name = av_strdup("in")
            sourceEnd.pointee.filter_ctx = sourceContext
            sourceEnd.pointee.pad_idx = 0
            sourceEnd.pointee.next = nil
            sinkEnd.pointee.name = av_strdup("out")
            sinkEnd.pointee.filter_ctx = sinkContext
            sinkEnd.pointee.pad_idx = 0
            sinkEnd.pointee.next = nil
            code = avfilter_graph_parse_ptr(allocated, description, &inputs, &outputs, nil)
            if code < 0 { return code }
            return avfilter_graph_config(allocated, nil)
        }()
        guard built >= 0, let sourceContext, let sinkContext else {
            var freeing: UnsafeMutablePointer<AVFilterGraph>? = allocated
            avfilter_graph_free(&freeing)
            throw FFmpegError(code: built < 0 ? built : cffmpeg_averror(EINVAL))
        }
        graph = allocated
        source = sourceContext
        sink = sinkContext
    }

    deinit {
        var freeing: UnsafeMutablePointer<AVFilterGraph>? = graph
        avfilter_graph_free(&freeing)
    }

    /// Gives the graph a frame (keeping the caller's reference), or nil to say no more frames follow.
    func push(_ frame: UnsafeMutablePointer<AVFrame>?) throws(FFmpegError) {
        try check(av_buffersrc_add_frame_flags(source, frame, cffmpeg_buffersrc_keep_ref()))
    }

    /// Takes the next filtered frame into `frame`; false when the graph needs more input or has finished.
    func pull(into frame: UnsafeMutablePointer<AVFrame>) throws(FFmpegError) -> Bool {
        let code = av_buffersink_get_frame(sink, frame)
        if code == cffmpeg_averror(EAGAIN) || code == cffmpeg_averror_eof() { return false }
        try check(code)
        return true
    }
}

/// Reads a frame's metadata entries (set by filters such as cropdetect, ebur128, silencedetect, idet).
func frameMetadata(_ frame: UnsafeMutablePointer<AVFrame>, _ key: String) -> String? {
    guard let entry = av_dict_get(frame.pointee.metadata, key, nil, 0), let value = entry.pointee.value else { return nil }
    return String(cString: value)
}

/// A frame's metadata entry as a number.
func frameMetadataNumber(_ frame: UnsafeMutablePointer<AVFrame>, _ key: String) -> Double? {
    frameMetadata(frame, key).flatMap { Double($0.trimmingPrefix(while: { $0 == " " })) }
}
