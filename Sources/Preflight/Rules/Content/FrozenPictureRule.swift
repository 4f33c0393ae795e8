import MediaProbe

/// `video.frozen`: frozen segments of `ContentThresholds.frozenMinimumSeconds` or more (not reported when the
/// whole take is still: `video.still` says that).
struct FrozenPictureRule: Rule {
    let description = RuleDescription(
        id: "video.frozen", name: "Frozen picture", severity: .warning,
        explanation: "A live person is never pixel-identical; seconds of identical pictures mean a frozen stream or a pasted still.")

    func check(_ subject: LintSubject) -> [Finding] {
        guard let video = subject.contentFacts?.video else { return [] }
        if let share = PictureMeasures.frozenShare(video.samples), share >= ContentThresholds.stillShare { return [] }
        let segments = PictureMeasures.frozenSegments(video.samples).filter { $0.length >= ContentThresholds.frozenMinimumSeconds }
        guard !segments.isEmpty else { return [] }
        return [finding(
            "frozen \(Format.spans(segments)); re-record, or export without freeze frames.",
            expected: "no frozen stretch of \(Format.seconds(ContentThresholds.frozenMinimumSeconds)) or more",
            actual: Format.spans(segments))]
    }
}
