import MediaProbe

/// `av.offset`: sound and picture start or end far apart (header-level).
struct AVOffsetRule: Rule {
    let description = RuleDescription.avOffset

    func check(_ subject: LintSubject) -> [Finding] {
        guard let media = subject.media, let video = media.videoStreams.first, let audio = media.audioStreams.first else { return [] }
        var problems: [String] = []
        let videoStart = video.startTime ?? 0, audioStart = audio.startTime ?? 0
        let startGap = audioStart - videoStart
        if abs(startGap) > ContentThresholds.startOffsetMaximum {
            problems.append("the sound starts \(Format.seconds(abs(startGap))) \(startGap > 0 ? "after" : "before") the picture")
        }
        if let videoEnd = video.presentedEnd, let audioEnd = audio.presentedEnd {
            let endGap = audioEnd - videoEnd
            if abs(endGap) > ContentThresholds.endOffsetMaximum {
                problems.append("ends \(Format.seconds(abs(endGap))) \(endGap > 0 ? "after" : "before") it")
            }
        }
        guard !problems.isEmpty else { return [] }
        return [finding(
            "\(problems.joined(separator: " and ")); export the original recording with its sound in sync.",
            expected: "start within \(Format.seconds(ContentThresholds.startOffsetMaximum)), end within \(Format.seconds(ContentThresholds.endOffsetMaximum))",
            actual: "start \(Format.signedSeconds(startGap))")]
    }
}
