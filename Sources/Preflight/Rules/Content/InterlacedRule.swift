import MediaProbe

/// `video.interlaced`: the header says interlaced, the decoder marks most sampled frames interlaced, or idet sees
/// interlacing in the first frames.
struct InterlacedRule: Rule {
    let description = RuleDescription.videoInterlaced

    func check(_ subject: LintSubject) -> [Finding] {
        guard let video = subject.contentFacts?.video else { return [] }
        let header = subject.media?.videoStreams.first?.fieldOrder.map { ["tt", "bb", "tb", "bt"].contains($0) } ?? false
        let flagged = video.samples.isEmpty ? 0 : Double(video.samples.filter(\.interlaced).count) / Double(video.samples.count)
        var idet = false
        if let counts = video.interlace, counts.interlaced + counts.progressive >= ContentThresholds.interlacedMinimumJudged {
            idet = Double(counts.interlaced) > ContentThresholds.idetInterlacedFactor * Double(counts.progressive)
        }
        guard header || flagged > ContentThresholds.interlacedFrameShare || idet else { return [] }
        var evidence: [String] = []
        if header { evidence.append("the header's field order") }
        if flagged > ContentThresholds.interlacedFrameShare { evidence.append("\(Format.percent(flagged)) of sampled frames") }
        if idet, let counts = video.interlace {
            evidence.append("idet: \(counts.interlaced) of \(counts.interlaced + counts.progressive) frames")
        }
        return [finding(
            "the picture is interlaced (\(evidence.joined(separator: "; "))); record or export progressive video.",
            expected: "progressive", actual: "interlaced")]
    }
}
