/// The service's documented requirements for training and action videos, and the thresholds of the warnings.
public enum VideoRequirements {
    /// Accepted display sizes (width × height); from the review's rejection code 44005901.
    public static let resolutions: [(width: Int, height: Int)] = [(1920, 1080), (1080, 1920), (3840, 2160), (2160, 3840)]
    /// Shortest accepted duration in seconds (3 minutes), inclusive.
    public static let minimumDuration: Double = 180
    /// Longest accepted duration in seconds (10 minutes), inclusive.
    public static let maximumDuration: Double = 600
    /// Above this size (5 GiB) the upload is risky: the user guide says videos are normally under 5 GB.
    public static let maximumComfortableSize: Int64 = 5 * 1024 * 1024 * 1024
    /// Frame rates outside this range (frames per second) are unusual for a recorded training take.
    public static let frameRateRange: ClosedRange<Double> = 24.995...60.005
    /// Video codecs the service is known to handle: H.264 and H.265.
    public static let expectedCodecs: Set<String> = ["h264", "hevc"]
    /// `ftyp` brands that make an ISO base media file an MP4 (as opposed to QuickTime, 3GPP, …).
    public static let mp4Brands: Set<String> = [
        "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9",
        "mp41", "mp42", "mp71", "avc1", "dash", "M4V ", "MSNV", "mmp4",
    ]
}
