import MediaProbe

/// `video.cuts`: hard scene changes inside the take.
struct CutsRule: Rule {
    let description = RuleDescription.videoCuts

    func check(_ subject: LintSubject) -> [Finding] {
        guard let video = subject.contentFacts?.video else { return [] }
        let cuts = PictureMeasures.cuts(video.samples)
        guard !cuts.isEmpty else { return [] }
        let list = cuts.map { "between \(Format.clock($0.start)) and \(Format.clock($0.end))" }.joined(separator: ", ")
        return [finding(
            "\(cuts.count == 1 ? "a hard cut" : "\(cuts.count) hard cuts") \(list); upload one continuous, unedited take.",
            expected: "one continuous take", actual: "\(cuts.count) cut\(cuts.count == 1 ? "" : "s")")]
    }
}
