import MediaProbe
/// `media.truncated`: the index lists samples past the end of the file — the copy was cut short.
struct TruncationRule: Rule {
    let description = RuleDescription.mediaTruncated

    func check(_ subject: LintSubject) -> [Finding] {
        guard let media = subject.media else { return [] }
        let integrity = media.integrity
        guard integrity.isTruncated else { return [] }
        let size = media.fileSize
        var detail = "\(integrity.samplesOutsideFile) of \(integrity.indexedSamples) indexed samples lie past the end of the file"
        if let end = integrity.indexedEnd, end > size {
            detail += " (the file has \(Format.bytes(size)) but its index reaches \(Format.bytes(end)): \(Format.bytes(end - size)) missing)"
        }
        return [finding("the file is truncated: \(detail); copy or export it again from the original.",
                        expected: "every indexed sample inside the file",
                        actual: "\(integrity.samplesOutsideFile) samples outside")]
    }
}
