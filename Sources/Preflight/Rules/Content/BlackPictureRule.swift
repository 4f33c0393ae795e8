import MediaProbe

/// `video.black`: black segments of `ContentThresholds.blackMinimumSeconds` or more.
struct BlackPictureRule: Rule {
    let description = RuleDescription(
        id: "video.black", name: "Black segments", severity: .warning,
        explanation: "Seconds of black picture mean a covered lens, a fade or a gap in the recording; none of it trains.")

    func check(_ subject: LintSubject) -> [Finding] {
        guard let video = subject.contentFacts?.video else { return [] }
        let segments = PictureMeasures.blackSegments(video.samples).filter { $0.length >= ContentThresholds.blackMinimumSeconds }
        guard !segments.isEmpty else { return [] }
        return [finding(
            "black \(Format.spans(segments)); record without gaps or fades.",
            expected: "no black stretch of \(Format.seconds(ContentThresholds.blackMinimumSeconds)) or more",
            actual: Format.spans(segments))]
    }
}
