import MediaProbe

/// `video.frozen`: frozen segments of `ContentThresholds.frozenMinimumSeconds` or more (not reported when the
/// whole take is still: `video.still` says that).
struct FrozenPictureRule: Rule {
    let description = RuleDescription.videoFrozen

    func check(_ subject: LintSubject) -> [Finding] {
        guard let video = subject.contentFacts?.video else { return [] }
        if let share = PictureMeasures.frozenShare(video.samples), share >= ContentThresholds.stillShare { return [] }
        return stretchFindings(PictureMeasures.frozenSegments(video.samples), minimum: ContentThresholds.frozenMinimumSeconds,
                               what: "frozen", advice: "re-record, or export without freeze frames")
    }
}
