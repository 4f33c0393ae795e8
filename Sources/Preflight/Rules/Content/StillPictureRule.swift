import MediaProbe

/// `video.still`: the picture does not change for nearly the whole take (`ContentThresholds.stillShare`).
struct StillPictureRule: Rule {
    let description = RuleDescription.videoStill

    func check(_ subject: LintSubject) -> [Finding] {
        guard let video = subject.contentFacts?.video, let share = PictureMeasures.frozenShare(video.samples),
              share >= ContentThresholds.stillShare
        else { return [] }
        return [finding(
            "the picture does not change in \(Format.percent(share)) of the take (\(video.samples.count) sampled frames): a still photo or a frozen stream; record the person live.",
            expected: "a live picture", actual: "still in \(Format.percent(share))")]
    }
}
