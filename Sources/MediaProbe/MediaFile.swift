#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads facts about media files through libavformat, from their headers and indexes only.
public enum MediaFile {
    /// Seconds after which FFmpeg is told to give up on a file (a damaged file must not hang a lint run).
    static let timeout: Double = 5
    /// Bytes libavformat may read to recognise the format.
    static let recognitionProbeSize = 1 << 20
    /// Bytes and seconds of packets read for containers whose header does not describe the streams (MPEG-TS, images…).
    static let streamInfoProbeSize = 2 << 20
    static let streamInfoDuration: Double = 5
    /// The largest picture decoded, in pixels (64 Mi, e.g. 8192×8192): a small PNG can declare 12000×12000 and make
    /// its decoder allocate over half a gigabyte. Pictures the roles need are far smaller; 4K video is 8.3 megapixels.
    public static let maximumPixels = 64 * 1024 * 1024

    /// Probes the file at `path` from its header and index, without decoding frames or reading the media data.
    ///
    /// For MP4/MOV and Matroska/WebM only the header is read (for MP4 the `moov` box); containers whose streams are
    /// described by their packets (MPEG-TS, MPEG-PS, raw streams, still images) get a short, bounded stream-info pass.
    /// Safe to call from many tasks at once: every call has its own FFmpeg context.
    /// - Throws: `MediaProbeError` naming `path`: `.notFound`, `.isDirectory`, `.permissionDenied` or `.empty` from the
    ///   file system; `.notMedia` when libavformat cannot recognise the file or read its header; `.other` otherwise.
    public static func probe(_ path: String) throws(MediaProbeError) -> MediaFacts {
        let file = try FileOnDisk(path: path)
        if ContainerSniffer.isZipArchive(file.prefix) {
            // libavformat has no ZIP demuxer; say what the file is rather than only that FFmpeg cannot read it.
            return MediaFacts(
                path: path, fileSize: file.size,
                container: ContainerFacts(family: .zip, formatName: "zip", majorBrand: nil, compatibleBrands: []),
                duration: nil, bitRate: nil, streams: [],
                integrity: IndexIntegrity(checked: false, indexedSamples: 0, samplesOutsideFile: 0, indexedEnd: nil))
        }

        if ContainerSniffer.isTextPlaylist(file.prefix) {
            // An HLS playlist or an ffconcat script names other files; judge it by what it is, and open none of them.
            throw MediaProbeError(path: path, reason: .notMedia(detail: "a text playlist, not a video"))
        }

        if let size = ContainerSniffer.pictureSize(in: file.prefix), size.width * size.height > maximumPixels {
            // Refused from the header, before a decoder allocates the picture (libavcodec's max_pixels is the backstop).
            throw MediaProbeError(path: path, reason: .undecodable(
                detail: "a \(size.width)×\(size.height) picture is over the limit of \(maximumPixels / (1024 * 1024)) Mi pixels Preflight decodes"))
        }

        let session: DemuxerSession
        do {
            // A file that starts with an ftyp box is ISO base media: go straight to the MP4/MOV demuxer.
            let knownDemuxer = ContainerSniffer.fileTypeBrands(in: file.prefix) != nil ? "mov" : nil
            session = try DemuxerSession(path: path, timeout: timeout, probeSize: recognitionProbeSize, demuxer: knownDemuxer)
        } catch {
            throw openingError(error, path: path)
        }

        let demuxer = session.demuxerName
        var family = ContainerFamily(demuxerName: demuxer)
        if family == .matroska && ContainerSniffer.ebmlDocType(in: file.prefix) == "webm" {
            family = .webm
        }

        let headerSuffices = [.isoBaseMedia, .matroska, .webm].contains(family) && !session.streamsAppearWhileReading
            && !session.streams.isEmpty && !session.headerLeavesGaps
        if !headerSuffices {
            do {
                try session.findStreamInfo(probeSize: streamInfoProbeSize, analyzeDuration: streamInfoDuration)
            } catch {
                throw readingError(error, path: path)
            }
        }

        let durationMicroseconds = session.durationMicroseconds
        let bitRate: Int64?
        if headerSuffices, let durationMicroseconds {
            // What libavformat's timing pass computes: the whole file's size over its duration.
            bitRate = Int64(Double(file.size) * 8 * 1_000_000 / Double(durationMicroseconds))
        } else {
            bitRate = session.reportedBitRate
        }

        var container = ContainerFacts(family: family, formatName: demuxer, majorBrand: nil, compatibleBrands: [])
        if family == .isoBaseMedia {
            if let brands = ContainerSniffer.fileTypeBrands(in: file.prefix) {
                container.majorBrand = brands.major
                container.compatibleBrands = brands.compatible
            } else if let major = session.metadataValue("major_brand") {
                // The ftyp lies beyond the bytes we sniffed; fall back to what the demuxer read.
                container.majorBrand = major
                container.compatibleBrands = Self.splitBrands(session.metadataValue("compatible_brands") ?? "")
            }
        }

        return MediaFacts(
            path: path, fileSize: file.size, container: container,
            duration: durationMicroseconds.map { Double($0) / 1_000_000 }, bitRate: bitRate,
            streams: session.streamFacts(family: family),
            integrity: session.indexIntegrity(fileSize: file.size))
    }

    /// Splits libavformat's `compatible_brands` tag (brands run together) into four-character codes.
    static func splitBrands(_ joined: String) -> [String] {
        let characters = Array(joined)
        return stride(from: 0, to: characters.count - characters.count % 4, by: 4).map { String(characters[$0..<($0 + 4)]) }
    }

    private static func openingError(_ error: FFmpegError, path: String) -> MediaProbeError {
        if error.isTimeout || error.isOutOfMemory { return readingError(error, path: path) }
        switch -error.code {
        case ENOENT: return MediaProbeError(path: path, reason: .notFound)
        case EACCES, EPERM: return MediaProbeError(path: path, reason: .permissionDenied)
        case EISDIR: return MediaProbeError(path: path, reason: .isDirectory)
        case EINVAL:
            // libavformat recognised a format outside DemuxerSession.demuxerWhitelist.
            return MediaProbeError(path: path, reason: .notMedia(detail: "a format Preflight does not open, not a video, picture or audio file"))
        default: return MediaProbeError(path: path, reason: .notMedia(detail: error.message))
        }
    }

    private static func readingError(_ error: FFmpegError, path: String) -> MediaProbeError {
        let detail = error.isTimeout ? "gave up after \(Int(timeout)) s reading the file" : error.message
        return MediaProbeError(path: path, reason: .other(code: error.code, detail: detail))
    }
}
