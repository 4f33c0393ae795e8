import MediaProbe
/// `image.format-unsupported`: covers, ID-card sides and beauty images must be JPEG or PNG.
struct ImageFormatRule: Rule {
    let description = RuleDescription.imageFormatUnsupported

    func check(_ subject: LintSubject) -> [Finding] {
        guard let media = subject.media else { return [] }
        let codec = media.videoStreams.first?.codec ?? media.streams.first?.codec
        if media.container.family == .image, let codec, ["mjpeg", "png"].contains(codec) { return [] }
        let actual = codec.map { "\($0) in \(media.container.formatName)" } ?? media.container.formatName
        let output = Format.shellQuoted(Format.replacingExtension(of: subject.path, with: "jpg"))
        return [finding("the file is \(actual), not a JPEG or PNG picture; convert it: ffmpeg -i \(Format.shellQuoted(subject.path)) -frames:v 1 -q:v 2 \(output)",
                        expected: "JPEG or PNG", actual: actual)]
    }
}
