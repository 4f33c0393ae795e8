/// What a file is for in a MetaStudio training job; each role has its own rules.
public enum Role: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// The training video (`training_video_upload_url`).
    case trainingVideo = "training-video"
    /// The action (choreography) video (`action_video_upload_url`); the service documents the same requirements.
    case actionVideo = "action-video"
    /// The model's cover picture (`cover_upload_url`).
    case cover
    /// The ID card's portrait side (`id_card_image1_upload_url`).
    case idCardFront = "id-card-front"
    /// The ID card's national-emblem side (`id_card_image2_upload_url`).
    case idCardBack = "id-card-back"
    /// The authorisation letter (`grant_file_upload_url`).
    case grantFile = "grant-file"
    /// The image before beautification (`pre_beauty_image_upload_url`).
    case preBeautyImage = "pre-beauty-image"
    /// The image after beautification (`post_beauty_image_upload_url`).
    case postBeautyImage = "post-beauty-image"
    /// Training audio as a ZIP of audio files (`audio_upload_url`).
    case audioZip = "audio-zip"

    /// The rules checked for this role, in the order their findings are reported.
    public var rules: [any Rule] {
        switch self {
        case .trainingVideo, .actionVideo: return RuleRegistry.videoRules
        case .cover, .idCardFront, .idCardBack, .preBeautyImage, .postBeautyImage: return RuleRegistry.imageRules
        case .grantFile: return RuleRegistry.grantFileRules
        case .audioZip: return RuleRegistry.audioZipRules
        }
    }

    /// File name extensions a directory walk picks up for this role (lower case, without the dot).
    public var mediaExtensions: Set<String> {
        switch self {
        case .trainingVideo, .actionVideo:
            return ["mp4", "m4v", "mov", "qt", "mkv", "webm", "avi", "ts", "mts", "m2ts", "flv", "3gp", "mpg", "mpeg", "wmv"]
        case .cover, .idCardFront, .idCardBack, .preBeautyImage, .postBeautyImage:
            return ["jpg", "jpeg", "png"]
        case .grantFile:
            return ["pdf", "jpg", "jpeg", "png"]
        case .audioZip:
            return ["zip"]
        }
    }

    public var description: String { rawValue }
}
