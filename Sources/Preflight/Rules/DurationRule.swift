import MediaProbe

/// `duration.too-short`, `duration.too-long` and `duration.unknown`: 180 s ≤ duration ≤ 600 s, both ends inclusive,
/// for the file (ffprobe's `format.duration`) and for its picture (the presented duration of the video stream the
/// resolution rule judges).
///
/// The two differ when the streams do: a take whose sound runs on after the picture lasts as long as its sound, but the
/// training, and a review that counts frames, sees only the picture. Either one outside the range is the error; the
/// finding names which one, and gives both when they differ.
enum DurationRule: Rule {
    case tooShort, tooLong, unknown

    var description: RuleDescription {
        switch self {
        case .tooShort: .durationTooShort
        case .tooLong: .durationTooLong
        case .unknown: .durationUnknown
        }
    }

    /// One of the two lengths judged.
    private struct Length {
        enum Source { case file, picture }
        var source: Source
        var seconds: Double
    }

    func check(_ subject: LintSubject) -> [Finding] {
        guard let media = subject.media else { return [] }
        let minimum = VideoRequirements.minimumDuration, maximum = VideoRequirements.maximumDuration
        let expected = "\(Format.seconds(minimum)) ≤ duration ≤ \(Format.seconds(maximum))"
        let file = media.duration.flatMap { $0.isFinite ? Length(source: .file, seconds: $0) : nil }
        let picture = media.videoDuration.flatMap { $0.isFinite ? Length(source: .picture, seconds: $0) : nil }
        let lengths = [file, picture].compactMap { $0 }
        guard !lengths.isEmpty else {
            guard self == .unknown else { return [] }
            return [finding("neither the container nor the video stream states a duration; remux or export it again as a complete MP4.",
                            expected: expected, actual: "unknown")]
        }
        // When both break the same limit, the one further past it is named.
        let judged: Length, limit: Double, broken: String, rule: String, beyond: String, advice: String
        switch self {
        case .tooShort:
            guard let shortest = lengths.filter({ $0.seconds < minimum }).min(by: { $0.seconds < $1.seconds }) else { return [] }
            judged = shortest
            limit = minimum
            broken = "short of the 3-minute minimum"
            rule = "needs at least"
            beyond = "more"
            advice = "record a longer take (the review wants 3 to 10 minutes, 5 to 6 is typical)."
        case .tooLong:
            guard let longest = lengths.filter({ $0.seconds > maximum }).max(by: { $0.seconds < $1.seconds }) else { return [] }
            judged = longest
            limit = maximum
            broken = "over the 10-minute maximum"
            rule = "accepts at most"
            beyond = "over"
            let output = Format.shellQuoted(Format.replacingExtension(of: subject.path, with: "trimmed.mp4"))
            advice = "trim it, e.g. keep the first 10 minutes without re-encoding: ffmpeg -i \(Format.shellQuoted(subject.path)) -t 600 -map 0 -c copy -movflags +faststart \(output)"
        case .unknown:
            return []
        }
        let gap = Format.seconds(abs(judged.seconds - limit))
        guard let other = Self.other(judged, file: file, picture: picture) else {
            return [finding("\(Format.seconds(judged.seconds)) is \(gap) \(broken) (\(Format.seconds(limit))); \(advice)",
                            expected: expected, actual: Format.seconds(judged.seconds))]
        }
        return [finding("\(Self.lasts(judged, other: other, media: media)); the review \(rule) \(Format.seconds(limit))\(Self.ofWhat(judged)), \(gap) \(beyond): \(advice)",
                        expected: expected, actual: Self.actual(judged, other))]
    }

    /// The length not judged, when it is known and differs from the judged one as the messages show seconds.
    private static func other(_ judged: Length, file: Length?, picture: Length?) -> Length? {
        let other = judged.source == .file ? picture : file
        guard let other, Format.seconds(other.seconds) != Format.seconds(judged.seconds) else { return nil }
        return other
    }

    /// "the picture lasts 170 s (the file 200 s: the sound runs on 30 s)" and the like.
    private static func lasts(_ judged: Length, other: Length, media: MediaFacts) -> String {
        let (file, picture) = judged.source == .file ? (judged, other) : (other, judged)
        var aside = "\(name(other)) \(Format.seconds(other.seconds))"
        if file.seconds > picture.seconds {
            let gap = Format.seconds(file.seconds - picture.seconds)
            let soundOutlasts = media.audioStreams.contains { ($0.duration ?? 0) > picture.seconds }
            aside += soundOutlasts ? ": the sound runs on \(gap)" : ", \(gap) more than the picture"
        }
        return "\(name(judged)) lasts \(Format.seconds(judged.seconds)) (\(aside))"
    }

    private static func name(_ length: Length) -> String { length.source == .file ? "the file" : "the picture" }

    private static func ofWhat(_ length: Length) -> String { length.source == .picture ? " of picture" : "" }

    /// The `actual` field when the lengths differ: the judged one first, e.g. `picture 170 s, file 200 s`.
    private static func actual(_ judged: Length, _ other: Length) -> String {
        func label(_ length: Length) -> String { "\(length.source == .file ? "file" : "picture") \(Format.seconds(length.seconds))" }
        return "\(label(judged)), \(label(other))"
    }
}
