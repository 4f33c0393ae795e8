extension ContainerFamily {
    /// The family of a libavformat demuxer, from its name (`AVInputFormat.name`).
    ///
    /// `matroska,webm` maps to `.matroska`; the caller refines it to `.webm` from the EBML doctype.
    init(demuxerName name: String) {
        switch name {
        case "mov,mp4,m4a,3gp,3g2,mj2": self = .isoBaseMedia
        case "matroska,webm": self = .matroska
        case "avi": self = .avi
        case "mpegts", "mpegtsraw": self = .mpegTS
        case "mpeg", "vobsub": self = .mpegPS
        case "flv", "live_flv", "kux": self = .flv
        case "image2", "image2pipe": self = .image
        default:
            // Single-image demuxers are named after the codec: png_pipe, jpeg_pipe, webp_pipe, bmp_pipe, …
            self = name.hasSuffix("_pipe") ? .image : .other
        }
    }
}
