/// What a file is for in a MetaStudio training job; each role has its own rules.
public enum Role: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// The training video (`training_video_upload_url`).
    case trainingVideo = "training-video"
    /// The action (choreography) video (`action_video_upload_url`); the service documents the same requirements.
    case actionVideo = "action-video"

    /// The rules checked for this role, in the order their findings are reported.
    public var rules: [any Rule] {
        switch self {
        case .trainingVideo, .actionVideo: return RuleRegistry.videoRules
        }
    }

    /// File name extensions a directory walk picks up for this role (lower case, without the dot).
    public var mediaExtensions: Set<String> {
        switch self {
        case .trainingVideo, .actionVideo:
            return ["mp4", "m4v", "mov", "qt", "mkv", "webm", "avi", "ts", "mts", "m2ts", "flv", "3gp", "mpg", "mpeg", "wmv"]
        }
    }

    public var description: String { rawValue }
}
