import MediaProbe

/// `audio.noisy`: a high noise floor in the quietest stretches.
struct NoiseFloorRule: Rule {
    let description = RuleDescription.audioNoisy

    func check(_ subject: LintSubject) -> [Finding] {
        guard let audio = subject.contentFacts?.audio, !SoundMeasures.isSilent(audio),
              let floor = SoundMeasures.noiseFloor(audio), floor > ContentThresholds.noiseFloorMaximum
        else { return [] }
        return [finding(
            "the noise floor is \(Format.decibels(floor, unit: "dBFS")) in the quietest stretches (music, hum or a noisy room); record in a quiet room.",
            expected: "≤ \(Format.decibels(ContentThresholds.noiseFloorMaximum, unit: "dBFS"))", actual: Format.decibels(floor, unit: "dBFS"))]
    }
}
