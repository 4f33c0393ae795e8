/// Where the voice model's training sound comes from (the training job's `audio_source_type`).
public enum VoiceSource: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// The video's own sound track (the service's default).
    case video = "VIDEO"
    /// Separate audio files (the audio ZIP); the video's sound then matters less.
    case audio = "AUDIO"

    public var description: String { rawValue }
}

/// What the content rules (`lint --deep`) need to know about the job, beyond the file.
public struct ContentCheckOptions: Sendable, Equatable {
    /// Whether the job asks for background replacement (`is_background_replacement`): then a green screen is required.
    public var backgroundReplacement: Bool
    /// Where the training sound comes from; with `.audio`, a silent track is a warning, not an error.
    public var audioSource: VoiceSource

    /// The settings of a job; by default no background replacement and the voice trained from the video's sound.
    public init(backgroundReplacement: Bool = false, audioSource: VoiceSource = .video) {
        self.backgroundReplacement = backgroundReplacement
        self.audioSource = audioSource
    }
}
