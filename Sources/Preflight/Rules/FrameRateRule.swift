import MediaProbe
/// `frame-rate.unusual`: a variable frame rate, or a rate outside 25–60 fps.
struct FrameRateRule: Rule {
    let description = RuleDescription.frameRateUnusual

    func check(_ subject: LintSubject) -> [Finding] {
        guard let media = subject.media else { return [] }
        guard let video = media.videoStreams.first else { return [] }
        let range = VideoRequirements.frameRateRange
        if video.isVariableFrameRate == true {
            let rate = video.frameRate.map { " (average \(Format.trimmed($0, decimals: 2)) fps)" } ?? ""
            return [finding("the frame rate varies\(rate); record at a constant frame rate, or keep the camera's original file.",
                            expected: "constant 25–60 fps", actual: "variable")]
        }
        guard let rate = video.frameRate, rate > 0, !range.contains(rate) else { return [] }
        return [finding("\(Format.trimmed(rate, decimals: 2)) fps is outside the usual 25–60 fps; record at 25, 30, 50 or 60 fps.",
                        expected: "25–60 fps", actual: "\(Format.trimmed(rate, decimals: 2)) fps")]
    }
}
