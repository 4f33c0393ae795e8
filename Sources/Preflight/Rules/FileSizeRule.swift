import MediaProbe
/// `size.too-large`: over 5 GiB is beyond what the service's guide calls normal, and slow to upload.
struct FileSizeRule: Rule {
    let description = RuleDescription.sizeTooLarge

    func check(_ subject: LintSubject) -> [Finding] {
        guard let media = subject.media else { return [] }
        let size = media.fileSize, limit = VideoRequirements.maximumComfortableSize
        guard size > limit else { return [] }
        return [finding("\(Format.bytes(size)) is \(Format.bytes(size - limit)) over 5 GiB; upload it in several parts, or export it at a lower bit rate (the review looks at resolution and length, not bit rate).",
                        expected: "≤ 5 GiB", actual: Format.bytes(size))]
    }
}
