// Objects nested inside requests and responses of the training API.
// The ones only responses carry are decoded from the service, never built by a client: they have no public
// initialisers.

/// Flexus voice configuration (`VoiceProperties`); all three fields are required by the service.
public struct VoiceProperties: Codable, Hashable, Sendable {
    /// Scenario of the voice (`job_tag`).
    public var jobTag: VoiceJobTag
    /// Sex of the voice (`sex`).
    public var sex: VoiceSex
    /// Language of the voice (`language`); the service currently supports only `CN`.
    public var language: VoiceLanguage

    /// Creates a voice configuration.
    public init(jobTag: VoiceJobTag, sex: VoiceSex, language: VoiceLanguage) {
        self.jobTag = jobTag
        self.sex = sex
        self.language = language
    }

    enum CodingKeys: String, CodingKey {
        case jobTag = "job_tag", sex, language
    }
}

/// Editable action-sample information sent with Update (`ActionBasicSampleInfo`).
public struct ActionBasicSampleInfo: Codable, Hashable, Sendable {
    /// Chinese action name (`action_name_zh`).
    public var actionNameZh: String?
    /// English action name (`action_name_en`).
    public var actionNameEn: String?
    /// Action tag (`action_tag`, required).
    public var actionTag: String
    /// Action category name (`catalog`).
    public var catalog: String?
    /// Recommended value (`recommended_value`).
    public var recommendedValue: Int?
    /// Whether the action is selected (`is_selected`).
    public var isSelected: Bool?

    /// Creates sample information; only the tag is required.
    public init(actionTag: String, actionNameZh: String? = nil, actionNameEn: String? = nil, catalog: String? = nil,
                recommendedValue: Int? = nil, isSelected: Bool? = nil) {
        self.actionTag = actionTag
        self.actionNameZh = actionNameZh
        self.actionNameEn = actionNameEn
        self.catalog = catalog
        self.recommendedValue = recommendedValue
        self.isSelected = isSelected
    }

    enum CodingKeys: String, CodingKey {
        case actionNameZh = "action_name_zh", actionNameEn = "action_name_en", actionTag = "action_tag", catalog
        case recommendedValue = "recommended_value", isSelected = "is_selected"
    }
}

/// An action sample as Show returns it (`ActionSampleInfo`).
public struct ActionSampleInfo: Codable, Hashable, Sendable {
    /// Chinese action name (`action_name_zh`).
    public var actionNameZh: String?
    /// English action name (`action_name_en`).
    public var actionNameEn: String?
    /// Action tag (`action_tag`); the SDK marks it required, tolerated missing here.
    public var actionTag: String?
    /// Action category name (`catalog`).
    public var catalog: String?
    /// Recommended value (`recommended_value`).
    public var recommendedValue: Int?
    /// Whether the action is selected (`is_selected`).
    public var isSelected: Bool?
    /// Sample download URL, valid 24 h (`sample_download_url`).
    public var sampleDownloadURL: String?

    enum CodingKeys: String, CodingKey {
        case actionNameZh = "action_name_zh", actionNameEn = "action_name_en", actionTag = "action_tag", catalog
        case recommendedValue = "recommended_value", isSelected = "is_selected"
        case sampleDownloadURL = "sample_download_url"
    }
}

/// One entry of a job's operation log (`OperationLogInfo`); review rejections carry their reason here.
public struct OperationLogInfo: Codable, Hashable, Sendable {
    /// Time of the operation, RFC 3339 (`operate_time`).
    public var operateTime: String?
    /// Kind of operation (`log_type`, a long open list such as `SYSTEM_VERIFY_FAILED`).
    public var logType: String?
    /// Description; the review opinion when review rejects (`log_description`).
    public var logDescription: String?
    /// Who performed it (`operate_user`).
    public var operateUser: OperateUser?
    /// Automatic rejection code, e.g. `44005901` for a resolution the service does not accept (`error_code`).
    public var errorCode: String?
    /// Reasons to redo (`redo_reasons`).
    public var redoReasons: [String]?

    enum CodingKeys: String, CodingKey {
        case operateTime = "operate_time", logType = "log_type", logDescription = "log_description"
        case operateUser = "operate_user", errorCode = "error_code", redoReasons = "redo_reasons"
    }
}

/// One comment on a job (`CommentLogInfo`).
public struct CommentLogInfo: Codable, Hashable, Sendable {
    /// Time of the comment, RFC 3339 (`operate_time`).
    public var operateTime: String?
    /// Kind of comment (`comment_type`).
    public var commentType: CommentType?
    /// Title (`comment_title`).
    public var commentTitle: String?
    /// Text (`comment_message`).
    public var commentMessage: String?
    /// Attachment download URLs (`attachment_download_url`).
    public var attachmentDownloadURL: [String]?

    enum CodingKeys: String, CodingKey {
        case operateTime = "operate_time", commentType = "comment_type", commentTitle = "comment_title"
        case commentMessage = "comment_message", attachmentDownloadURL = "attachment_download_url"
    }
}

/// A comment submitted with a command (`CommentData`).
public struct CommentData: Codable, Hashable, Sendable {
    /// Title (`comment_title`).
    public var commentTitle: String?
    /// Text (`comment_message`).
    public var commentMessage: String?
    /// Names of attachments to upload (`attachment_name`).
    public var attachmentName: [String]?

    /// Creates a comment.
    public init(commentTitle: String? = nil, commentMessage: String? = nil, attachmentName: [String]? = nil) {
        self.commentTitle = commentTitle
        self.commentMessage = commentMessage
        self.attachmentName = attachmentName
    }

    enum CodingKeys: String, CodingKey {
        case commentTitle = "comment_title", commentMessage = "comment_message", attachmentName = "attachment_name"
    }
}

/// A training-video part the service has received (`MultipartUploadInfo`); the part number is a string on the wire.
public struct MultipartUploadInfo: Codable, Hashable, Sendable {
    /// Part number as the service sends it (`part_number`, a string).
    public var partNumber: String?
    /// The part's ETag (`etag`).
    public var etag: String?

    /// The part number as an integer, when it is one.
    public var partNumberValue: Int? { partNumber.flatMap { Int($0) } }

    enum CodingKeys: String, CodingKey {
        case partNumber = "part_number", etag
    }
}

/// The service's error object (`ErrorResponse`): `error_code` and `error_msg`.
public struct ErrorInfo: Codable, Hashable, Sendable {
    /// Error code such as `MSS.00000003` (`error_code`).
    public var errorCode: String?
    /// Error message (`error_msg`).
    public var errorMsg: String?

    enum CodingKeys: String, CodingKey {
        case errorCode = "error_code", errorMsg = "error_msg"
    }
}

/// A matting region of the verify video (`VerifyVideoMattingInfo`).
public struct VerifyVideoMattingInfo: Codable, Hashable, Sendable {
    /// Horizontal offset (`dx`).
    public var dx: Int?
    /// Vertical offset (`dy`).
    public var dy: Int?
    /// Width (`width`).
    public var width: Int?
    /// Height (`height`).
    public var height: Int?
    /// Handling of the region (`method`).
    public var method: MattingMethod?
}

/// The marked span of the training video (`TrainingVideoMarkInfo`), times as `HH:MM:SS.mmm`.
public struct TrainingVideoMarkInfo: Codable, Hashable, Sendable {
    /// Start (`video_start_time`).
    public var videoStartTime: String?
    /// End (`video_end_time`).
    public var videoEndTime: String?

    enum CodingKeys: String, CodingKey {
        case videoStartTime = "video_start_time", videoEndTime = "video_end_time"
    }
}

/// Marked spans used for inference-data processing (`InferenceVideoMarkInfo`).
public struct InferenceVideoMarkInfo: Codable, Hashable, Sendable {
    /// Start (`video_start_time`).
    public var videoStartTime: String?
    /// End (`video_end_time`).
    public var videoEndTime: String?
    /// Chat-video start (`chat_video_start_time`).
    public var chatVideoStartTime: String?
    /// Chat-video end (`chat_video_end_time`).
    public var chatVideoEndTime: String?

    enum CodingKeys: String, CodingKey {
        case videoStartTime = "video_start_time", videoEndTime = "video_end_time"
        case chatVideoStartTime = "chat_video_start_time", chatVideoEndTime = "chat_video_end_time"
    }
}

/// One marked action span (`action_info` item).
public struct ActionMarkItem: Codable, Hashable, Sendable {
    /// Start (`action_start_time`).
    public var actionStartTime: String?
    /// End (`action_end_time`).
    public var actionEndTime: String?
    /// Kind (`action_type`).
    public var actionType: ActionType?

    enum CodingKeys: String, CodingKey {
        case actionStartTime = "action_start_time", actionEndTime = "action_end_time", actionType = "action_type"
    }
}

/// Marked action spans (`InferenceActionMarkInfo`).
public struct InferenceActionMarkInfo: Codable, Hashable, Sendable {
    /// The spans (`action_info`).
    public var actionInfo: [ActionMarkItem]?

    enum CodingKeys: String, CodingKey {
        case actionInfo = "action_info"
    }
}

/// The span used for eye correction (`InferenceEyeCorrectionMarkInfo`).
public struct InferenceEyeCorrectionMarkInfo: Codable, Hashable, Sendable {
    /// Start (`eye_correction_start_time`).
    public var eyeCorrectionStartTime: String?
    /// End (`eye_correction_end_time`).
    public var eyeCorrectionEndTime: String?

    enum CodingKeys: String, CodingKey {
        case eyeCorrectionStartTime = "eye_correction_start_time", eyeCorrectionEndTime = "eye_correction_end_time"
    }
}

/// The training resource allocated to a job (`TrainingAllocatedResource`).
public struct TrainingAllocatedResource: Codable, Hashable, Sendable {
    /// Resource id (`resource_id`).
    public var resourceID: String?
    /// Billing mode (`charge_mode`).
    public var chargeMode: ChargeMode?
    /// Expiry, RFC 3339 (`expire_time`).
    public var expireTime: String?

    enum CodingKeys: String, CodingKey {
        case resourceID = "resource_id", chargeMode = "charge_mode", expireTime = "expire_time"
    }
}

/// A sub-job of a training job (`SubTrainingJobInfoDto`); its times are integers on the wire.
public struct SubTrainingJobInfo: Codable, Hashable, Sendable {
    /// Sub-job id (`job_id`).
    public var jobID: String?
    /// Sub-job type (`sub_job_type`).
    public var subJobType: String?
    /// Heartbeat id (`heart_beat_id`).
    public var heartBeatID: String?
    /// Sub-job state (`state`).
    public var state: String?
    /// Creation time (`create_time`, integer).
    public var createTime: Int?
    /// Last update time (`last_update_time`, integer).
    public var lastUpdateTime: Int?

    enum CodingKeys: String, CodingKey {
        case jobID = "job_id", subJobType = "sub_job_type", heartBeatID = "heart_beat_id", state
        case createTime = "create_time", lastUpdateTime = "last_update_time"
    }
}
