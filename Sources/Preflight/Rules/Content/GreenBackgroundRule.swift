import MediaProbe

/// `background.not-green`: background replacement is on, but the border of the sampled pictures is not mostly
/// chroma green.
struct GreenBackgroundRule: Rule {
    let description = RuleDescription.backgroundNotGreen

    func check(_ subject: LintSubject) -> [Finding] {
        guard subject.contentOptions?.backgroundReplacement == true, let video = subject.contentFacts?.video else { return [] }
        let shares = video.samples.filter { !PictureMeasures.isBlack($0) }.map(\.borderGreenShare).sorted()
        guard !shares.isEmpty else { return [] }
        let median = shares[shares.count / 2]
        guard median < ContentThresholds.greenBorderMinimumShare else { return [] }
        return [finding(
            "background replacement is on, but only \(Format.percent(median)) of the picture's border is green; record in front of a green screen that fills the frame, or turn background replacement off.",
            expected: "border ≥ \(Format.percent(ContentThresholds.greenBorderMinimumShare)) green", actual: "\(Format.percent(median)) green")]
    }
}
