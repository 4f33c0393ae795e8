import MediaProbe

/// `audio.loudness`: integrated loudness (EBU R128) far from speech levels.
struct LoudnessRule: Rule {
    let description = RuleDescription(
        id: "audio.loudness", name: "Loudness far from speech", severity: .warning,
        explanation: "Speech recorded far too quietly or far too loud (EBU R128 integrated loudness outside about −35 to −10 LUFS) trains a poor voice.")

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
