/// The kinds of file a training job receives through upload URLs.
public enum UploadRole: String, Sendable, Codable, CaseIterable {
    /// The training video (`training_video_upload_url`, possibly several parts).
    case trainingVideo = "training_video"
    /// The action (choreography) video (`action_video_upload_url`, possibly several parts).
    case actionVideo = "action_video"
    /// Training audio as a zip (`audio_upload_url`, `Content-Type: application/zip`).
    case audio = "audio"
    /// The model cover image (`cover_upload_url`).
    case cover = "cover"
    /// ID card, portrait side (`id_card_image1_upload_url`).
    case idCardFront = "id_card_image1"
    /// ID card, national-emblem side (`id_card_image2_upload_url`).
    case idCardBack = "id_card_image2"
    /// The authorisation letter (`grant_file_upload_url`).
    case grantFile = "grant_file"
    /// The "before whitening" image (`pre_beauty_image_upload_url`).
    case preBeautyImage = "pre_beauty_image"
    /// The "after whitening" image (`post_beauty_image_upload_url`).
    case postBeautyImage = "post_beauty_image"

    /// Whether the role is uploaded in numbered parts that a CONFIRM command assembles.
    public var isMultipart: Bool { self == .trainingVideo || self == .actionVideo }

    /// The `Content-Type` a PUT to this role's URL must carry.
    public var requiredContentType: String { self == .audio ? "application/zip" : "application/octet-stream" }

    /// The name of the stored (assembled) file in the job's folder.
    var storedFileName: String {
        switch self {
        case .trainingVideo, .actionVideo: return rawValue + ".mp4"
        case .audio: return rawValue + ".zip"
        default: return rawValue + ".bin"
        }
    }
}
