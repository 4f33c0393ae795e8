#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension MediaFile {
    // How the content pass measures. The rules' thresholds live in Preflight (`ContentThresholds`); these only fix
    // what the facts mean.

    /// Pictures are scaled so that their longer side has this many pixels before filtering (bars, black, green and
    /// frame differences need no more; it keeps a 4K take's samples as cheap as a 1080p one's).
    static let analysisLongSide = 320
    /// Consecutive frames decoded after the first key frame for libavfilter's `idet` (which compares neighbouring
    /// frames, so sampled key frames cannot feed it).
    static let idetWindowFrames = 40
    /// Length of each audio level window, in seconds: ebur128's 100 ms block step, short enough that the pauses
    /// between words show as quiet windows.
    static let audioWindowSeconds = 0.1
    /// Luma at or below which a pixel counts as black: blackdetect's default `pixel_black_th` (0.10) on the
    /// limited range, 16 + 0.10 × 219.
    public static let blackPixelLuma = 16 + 0.10 * 219
    /// The grid (per side) of block means compared between samples. Block means average sensor and coding noise
    /// away, so a pixel-identical picture (a looped photo) and a live one differ clearly.
    public static let differenceGrid = 16
    /// Width in pixels of the thumbnails kept for reports (their height follows the picture's shape).
    public static let thumbnailWidth = 96
    /// The most thumbnails a content analysis keeps, spread evenly over the take.
    public static let thumbnailCount = 24
    /// A sample magnitude at or above this (−0.09 dBFS) is at full scale. Decoded AAC overshoots 1.0 around a
    /// clipped source, so "exactly 1.0" would miss it.
    public static let clipLevel: Float = 0.99
    /// Consecutive full-scale samples on one channel that make a clipped run (a lone full-scale sample is a peak).
    public static let clipRunLength = 3
    /// silencedetect's noise level, in dB: −60 dBFS is the level the issue gives for "no usable signal".
    public static let silenceNoise = -60.0
    /// silencedetect's shortest silence, in seconds.
    public static let silenceMinimum = 0.5

    /// Whether a pixel (8-bit limited-range Y′CbCr) is chroma-key green: green clearly above red and blue.
    ///
    /// BT.709 coefficients. Chroma-key fabric photographs as a saturated mid green (about R 40, G 170, B 70); the
    /// margins (G at least 60, 25 levels above both R and B) keep grey, skin and wood out.
    public static func isChromaGreen(luma: Double, u: Double, v: Double) -> Bool {
        let y = (luma - 16) * 255 / 219, cb = (u - 128) * 255 / 224, cr = (v - 128) * 255 / 224
        let red = y + 1.5748 * cr
        let green = y - 0.1873 * cb - 0.4681 * cr
        let blue = y + 1.8556 * cb
        return green >= 60 && green >= red + 25 && green >= blue + 25
    }

    /// Decodes the whole first audio stream and samples key frames of the first video stream (about one every
    /// `sampleInterval` seconds, plus a window of consecutive frames at the start for idet), running them through
    /// libavfilter: cropdetect on the scaled pictures, ebur128 and silencedetect on the sound.
    ///
    /// The pass reads the file once. Non-key video packets after the idet window are skipped by the demuxer (MP4,
    /// MOV) or dropped before decoding, so a 4K take costs about one decoded frame a second. Every read gets the
    /// `timeout` allowance afresh: a stalled or damaged file ends the pass, never hangs it. Synchronous: call it on a
    /// thread that may block (a thread pool), not on Swift's cooperative pool.
    ///
    /// - Parameters:
    ///   - sampleInterval: the wanted spacing of sampled key frames, in seconds; sparser key frames give fewer samples.
    ///   - decodeThreads: threads the video decoder may use.
    /// - Returns: the facts; a stream that could not be decoded is named in `videoProblem` or `audioProblem`.
    /// - Throws: `MediaProbeError` naming `path` when the file cannot be opened or its header read.
    public static func analyzeContent(_ path: String, sampleInterval: Double = 1, decodeThreads: Int = 2)
        throws(MediaProbeError) -> ContentFacts {
        _ = try FileOnDisk(path: path)
        do {
            let session = try DemuxerSession(path: path, timeout: timeout, probeSize: recognitionProbeSize)
            try session.findStreamInfo(probeSize: streamInfoProbeSize, analyzeDuration: streamInfoDuration)
            return ContentPass(session: session, sampleInterval: max(0.1, sampleInterval), decodeThreads: decodeThreads).run()
        } catch {
            let detail = error.isTimeout ? "gave up after \(Int(timeout)) s reading the file" : error.message
            if -error.code == ENOENT { throw MediaProbeError(path: path, reason: .notFound) }
            throw MediaProbeError(path: path, reason: .notMedia(detail: detail))
        }
    }
}
