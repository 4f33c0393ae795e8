public import MediaProbe

/// `file.unreadable`: the file is missing, unreadable, empty or not media. Applied by the linter when the probe fails.
public enum UnreadableFileRule {
    /// The rule's description.
    public static let description = RuleDescription.fileUnreadable

    /// The finding for a probe failure, saying what is wrong and what to do.
    public static func finding(for error: MediaProbeError) -> Finding {
        let advice: String
        let actual: String
        switch error.reason {
        case .notFound:
            actual = "no such file"
            advice = "check the path"
        case .isDirectory:
            actual = "a directory"
            advice = "give the video file itself"
        case .permissionDenied:
            actual = "permission denied"
            advice = "make the file readable (chmod u+r) or run as its owner"
        case .empty:
            actual = "0 bytes"
            advice = "the copy is empty: copy or export the video again"
        case .notMedia:
            actual = "not media"
            advice = "this is not a video FFmpeg can open: export the recording again as MP4 (H.264 or H.265)"
        case .undecodable:
            actual = "undecodable"
            advice = "FFmpeg cannot decode it: export it again in a common format"
        case .other:
            actual = "unreadable"
            advice = "check that the file is complete and readable"
        }
        return Finding(
            rule: description.id, severity: .error, message: "\(error.description); \(advice).",
            expected: "a readable media file", actual: actual)
    }
}
