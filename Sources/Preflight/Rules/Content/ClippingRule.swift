import MediaProbe

/// `audio.clipping`: clipped runs at full scale more than rarely.
struct ClippingRule: Rule {
    let description = RuleDescription.audioClipping

    func check(_ subject: LintSubject) -> [Finding] {
        guard let audio = subject.contentFacts?.audio, !SoundMeasures.isSilent(audio),
              audio.clippedShare > ContentThresholds.clippedShare
        else { return [] }
        let peak = audio.truePeak.map { ", true peak \(Format.decibels($0, unit: "dBTP"))" } ?? ""
        return [finding(
            "\(Format.percent(audio.clippedShare, decimals: 2)) of the samples are clipped at full scale\(peak); lower the recording level (peaks around −6 dBFS) and record again.",
            expected: "≤ \(Format.percent(ContentThresholds.clippedShare, decimals: 2)) clipped",
            actual: Format.percent(audio.clippedShare, decimals: 2))]
    }
}
