import MediaProbe
/// `video.missing`: the file has no moving-picture stream (cover art does not count).
struct VideoPresenceRule: Rule {
    let description = RuleDescription.videoMissing

    func check(_ subject: LintSubject) -> [Finding] {
        guard let media = subject.media else { return [] }
        guard media.videoStreams.isEmpty else { return [] }
        let kinds = media.streams.map { $0.isAttachedPicture ? "cover picture" : $0.kind.rawValue }
        let actual = kinds.isEmpty ? "no streams" : kinds.joined(separator: ", ")
        return [finding("no video stream (the file holds: \(actual)); export the recording again with its picture.",
                        expected: "one video stream", actual: actual)]
    }
}
