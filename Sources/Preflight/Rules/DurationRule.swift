/// `duration.too-short`, `duration.too-long` and `duration.unknown`: 180 s ≤ duration ≤ 600 s, both ends inclusive.
struct DurationRule: Rule {
    /// Which of the three checks this value makes.
    enum Check: Sendable { case tooShort, tooLong, unknown }

    let check: Check
    let description: RuleDescription

    static let tooShort = DurationRule(check: .tooShort, description: RuleDescription(
        id: "duration.too-short", name: "Shorter than 3 minutes", severity: .error,
        explanation: "The review rejects a video shorter than 3 minutes (180 s)."))
    static let tooLong = DurationRule(check: .tooLong, description: RuleDescription(
        id: "duration.too-long", name: "Longer than 10 minutes", severity: .error,
        explanation: "The review rejects a video longer than 10 minutes (600 s)."))
    static let unknown = DurationRule(check: .unknown, description: RuleDescription(
        id: "duration.unknown", name: "Duration unknown", severity: .error,
        explanation: "The container states no duration, so the 3-to-10-minute requirement cannot be shown to hold."))

    func check(_ subject: LintSubject) -> [Finding] {
        guard let media = subject.media else { return [] }
        let minimum = VideoRequirements.minimumDuration, maximum = VideoRequirements.maximumDuration
        let expected = "\(Format.seconds(minimum)) ≤ duration ≤ \(Format.seconds(maximum))"
        guard let duration = media.duration, duration.isFinite else {
            guard check == .unknown else { return [] }
            return [finding("the container states no duration; remux or export it again as a complete MP4.",
                            expected: expected, actual: "unknown")]
        }
        switch check {
        case .tooShort where duration < minimum:
            return [finding("\(Format.seconds(duration)) is \(Format.seconds(minimum - duration)) short of the 3-minute minimum (\(Format.seconds(minimum))); record a longer take (the review wants 3 to 10 minutes, 5 to 6 is typical).",
                            expected: expected, actual: Format.seconds(duration))]
        case .tooLong where duration > maximum:
            let output = Format.shellQuoted(Format.replacingExtension(of: subject.path, with: "trimmed.mp4"))
            return [finding("\(Format.seconds(duration)) is \(Format.seconds(duration - maximum)) over the 10-minute maximum (\(Format.seconds(maximum))); trim it, e.g. keep the first 10 minutes without re-encoding: ffmpeg -i \(Format.shellQuoted(subject.path)) -t 600 -map 0 -c copy -movflags +faststart \(output)",
                            expected: expected, actual: Format.seconds(duration))]
        default:
            return []
        }
    }
}
