import MediaProbe
/// `codec.unusual`: the video codec is neither H.264 nor H.265.
struct CodecRule: Rule {
    let description = RuleDescription.codecUnusual

    func check(_ subject: LintSubject) -> [Finding] {
        guard let media = subject.media else { return [] }
        guard let video = media.videoStreams.first else { return [] }
        let codec = video.codec ?? "unknown"
        guard !VideoRequirements.expectedCodecs.contains(codec) else { return [] }
        let output = Format.shellQuoted(Format.replacingExtension(of: subject.path, with: "h264.mp4"))
        return [finding("the video codec is \(codec), not H.264 or H.265; re-encode it: ffmpeg -i \(Format.shellQuoted(subject.path)) -map 0:v -map 0:a? -c:v libx264 -crf 18 -preset slow -c:a copy -movflags +faststart \(output)",
                        expected: "h264 or hevc", actual: codec)]
    }
}
