import MediaProbe

/// `audio.loudness`: integrated loudness (EBU R128) far from speech levels.
struct LoudnessRule: Rule {
    let description = RuleDescription.audioLoudness

    func check(_ subject: LintSubject) -> [Finding] {
        guard let audio = subject.contentFacts?.audio, !SoundMeasures.isSilent(audio),
              let loudness = audio.integratedLoudness
        else { return [] }
        let range = ContentThresholds.loudnessRange
        guard !range.contains(loudness) else { return [] }
        let advice = loudness < range.lowerBound
            ? "too quiet: move the microphone closer or raise its gain" : "too loud: lower the microphone's gain"
        return [finding(
            "integrated loudness \(Format.decibels(loudness, unit: "LUFS")) is \(advice).",
            expected: "\(Format.decibels(range.lowerBound, unit: "LUFS")) to \(Format.decibels(range.upperBound, unit: "LUFS"))",
            actual: Format.decibels(loudness, unit: "LUFS"))]
    }
}
