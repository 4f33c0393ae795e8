import MediaProbe

/// `video.black`: black segments of `ContentThresholds.blackMinimumSeconds` or more.
struct BlackPictureRule: Rule {
    let description = RuleDescription.videoBlack

    func check(_ subject: LintSubject) -> [Finding] {
        guard let video = subject.contentFacts?.video else { return [] }
        return stretchFindings(PictureMeasures.blackSegments(video.samples), minimum: ContentThresholds.blackMinimumSeconds,
                               what: "black", advice: "record without gaps or fades")
    }
}
