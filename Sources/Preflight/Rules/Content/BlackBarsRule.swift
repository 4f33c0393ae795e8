import MediaProbe

/// `picture.black-bars`: the active picture (cropdetect over the sampled pictures, rotation applied) covers less than
/// `ContentThresholds.activePictureMinimumShare` of the frame's width or height.
struct BlackBarsRule: Rule {
    let description = RuleDescription.pictureBlackBars

    func check(_ subject: LintSubject) -> [Finding] {
        guard let video = subject.contentFacts?.video, let active = video.activePicture,
              video.displayWidth > 0, video.displayHeight > 0,
              video.samples.contains(where: { !PictureMeasures.isBlack($0) })
        else { return [] }
        let widthShare = Double(active.width) / Double(video.displayWidth)
        let heightShare = Double(active.height) / Double(video.displayHeight)
        let minimum = ContentThresholds.activePictureMinimumShare
        guard widthShare < minimum || heightShare < minimum else { return [] }
        let kind = widthShare < minimum && heightShare < minimum ? "black bars on all sides"
            : widthShare < minimum ? "black bars left and right (pillarbox)" : "black bars above and below (letterbox)"
        let frame = Format.size(video.displayWidth, video.displayHeight)
        let picture = Format.size(active.width, active.height)
        let share = Format.percent(min(widthShare, heightShare))
        return [finding(
            "active picture \(picture) of \(frame) (\(share) of the frame's \(widthShare < minimum ? "width" : "height")): \(kind); export the original recording at its own aspect ratio, without bars.",
            expected: "active picture ≥ \(Format.percent(minimum)) of width and height", actual: "\(picture) of \(frame)")]
    }
}
