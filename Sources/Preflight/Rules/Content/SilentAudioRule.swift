import MediaProbe

/// `audio.silent`: the sound track holds no usable signal. An error while the voice is trained from the video's
/// sound (`audio_source_type` VIDEO, the default); a warning when the sound comes separately (AUDIO).
struct SilentAudioRule: Rule {
    let description = RuleDescription.audioSilent

    func check(_ subject: LintSubject) -> [Finding] {
        guard let audio = subject.contentFacts?.audio, SoundMeasures.isSilent(audio) else { return [] }
        let peak = Format.decibels(audio.samplePeak, unit: "dBFS")
        let silent = Format.percent(audio.silentShare)
        var result = finding(
            "the sound track is silent (peak \(peak), \(silent) below \(Format.decibels(MediaFile.silenceNoise, unit: "dBFS"))); check that the microphone was on and record again.",
            expected: "peak ≥ \(Format.decibels(ContentThresholds.silentPeak, unit: "dBFS"))", actual: "peak \(peak), \(silent) silent")
        if subject.contentOptions?.audioSource == .audio {
            result.severity = .warning
            result.message = "the sound track is silent (peak \(peak), \(silent) below \(Format.decibels(MediaFile.silenceNoise, unit: "dBFS"))); the voice comes from the separate audio (AUDIO), but the review may still expect the original sound."
        }
        return [result]
    }
}
