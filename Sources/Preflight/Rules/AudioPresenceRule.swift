import MediaProbe
/// `audio.missing`: by default the service takes the voice from the training video's own sound track.
struct AudioPresenceRule: Rule {
    let description = RuleDescription.audioMissing

    func check(_ subject: LintSubject) -> [Finding] {
        guard let media = subject.media else { return [] }
        guard media.audioStreams.isEmpty, !media.videoStreams.isEmpty else { return [] }
        return [finding("no sound track: by default (audio_source_type VIDEO) the voice is taken from the video, so keep the original recorded audio, or upload an audio zip and set audio_source_type AUDIO.",
                        expected: "one audio stream", actual: "none")]
    }
}
