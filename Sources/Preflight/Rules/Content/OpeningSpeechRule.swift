import MediaProbe

/// `opening.speech`: sound, rather than silence, in the first `ContentThresholds.openingSeconds`.
struct OpeningSpeechRule: Rule {
    let description = RuleDescription.openingSpeech

    func check(_ subject: LintSubject) -> [Finding] {
        guard let audio = subject.contentFacts?.audio, !SoundMeasures.isSilent(audio),
              let loudest = SoundMeasures.loudestOpeningWindow(audio), loudest.level > ContentThresholds.openingSoundLevel
        else { return [] }
        let opening = Format.seconds(ContentThresholds.openingSeconds)
        return [finding(
            "sound at \(Format.decibels(loudest.level, unit: "dBFS")) from \(Format.clock(loudest.time)) in the first \(opening); start with \(opening) of silence, mouth closed.",
            expected: "≤ \(Format.decibels(ContentThresholds.openingSoundLevel, unit: "dBFS")) in the first \(opening)",
            actual: Format.decibels(loudest.level, unit: "dBFS"))]
    }
}
