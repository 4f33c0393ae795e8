// The bodies the training API answers with. Apart from the upload URLs, which the emulator also serves, they are
// decoded from the service, never built by a client: they have no public initialisers.

/// The body Create and Update return: the job id and single-use upload URLs (valid about 24 h).
///
/// The URLs carry their authorisation in the query string: treat them as secrets and show them only through
/// `URLRedaction.redact(_:)`.
public struct TrainingJobUploadURLs: Codable, Hashable, Sendable {
    /// Job id (`job_id`).
    public var jobID: String?
    /// One URL per training-video part; PUT as `application/octet-stream` (`training_video_upload_url`).
    public var trainingVideoUploadURL: [String]?
    /// One URL per action-video part (`action_video_upload_url`).
    public var actionVideoUploadURL: [String]?
    /// Training-audio zip; PUT as `application/zip` (`audio_upload_url`).
    public var audioUploadURL: String?
    /// Model cover (`cover_upload_url`).
    public var coverUploadURL: String?
    /// ID card, portrait side; required for non-NA users (`id_card_image1_upload_url`).
    public var idCardImage1UploadURL: String?
    /// ID card, national-emblem side; required for non-NA users (`id_card_image2_upload_url`).
    public var idCardImage2UploadURL: String?
    /// Authorisation letter; required for non-NA users (`grant_file_upload_url`).
    public var grantFileUploadURL: String?
    /// Image before whitening (`pre_beauty_image_upload_url`).
    public var preBeautyImageUploadURL: String?
    /// Image after whitening (`post_beauty_image_upload_url`).
    public var postBeautyImageUploadURL: String?

    /// Creates the value (used by tests and the emulator).
    public init(jobID: String? = nil, trainingVideoUploadURL: [String]? = nil, actionVideoUploadURL: [String]? = nil,
                audioUploadURL: String? = nil, coverUploadURL: String? = nil, idCardImage1UploadURL: String? = nil,
                idCardImage2UploadURL: String? = nil, grantFileUploadURL: String? = nil,
                preBeautyImageUploadURL: String? = nil, postBeautyImageUploadURL: String? = nil) {
        self.jobID = jobID
        self.trainingVideoUploadURL = trainingVideoUploadURL
        self.actionVideoUploadURL = actionVideoUploadURL
        self.audioUploadURL = audioUploadURL
        self.coverUploadURL = coverUploadURL
        self.idCardImage1UploadURL = idCardImage1UploadURL
        self.idCardImage2UploadURL = idCardImage2UploadURL
        self.grantFileUploadURL = grantFileUploadURL
        self.preBeautyImageUploadURL = preBeautyImageUploadURL
        self.postBeautyImageUploadURL = postBeautyImageUploadURL
    }

    enum CodingKeys: String, CodingKey {
        case jobID = "job_id", trainingVideoUploadURL = "training_video_upload_url"
        case actionVideoUploadURL = "action_video_upload_url", audioUploadURL = "audio_upload_url"
        case coverUploadURL = "cover_upload_url", idCardImage1UploadURL = "id_card_image1_upload_url"
        case idCardImage2UploadURL = "id_card_image2_upload_url", grantFileUploadURL = "grant_file_upload_url"
        case preBeautyImageUploadURL = "pre_beauty_image_upload_url"
        case postBeautyImageUploadURL = "post_beauty_image_upload_url"
    }
}

/// The response of Create (`Create2dModelTrainingJobResponse`).
public typealias CreateTrainingJobResponse = TrainingJobUploadURLs
/// The response of Update (`Update2dModelTrainingJobResponse`); same fields as Create's.
public typealias UpdateTrainingJobResponse = TrainingJobUploadURLs

/// A job as List returns it (`TrainingJobBasicInfo`); Show returns these fields too.
public struct TrainingJobSummary: Codable, Hashable, Sendable {
    /// Job id (`job_id`, required).
    public var jobID: String
    /// Model name (`name`, required).
    public var name: String
    /// State (`state`, required).
    public var state: JobState
    /// Model asset id (`asset_id`).
    public var assetID: String?
    /// Project id (`project_id`).
    public var projectID: String?
    /// Cover download URL, valid 24 h (`cover_download_url`).
    public var coverDownloadURL: String?
    /// Time of the user's last create or resubmit, RFC 3339 (`last_update_time`).
    public var lastUpdateTime: String?
    /// Creation time, RFC 3339 (`create_time`).
    public var createTime: String?
    /// Creator's contact (`contact`).
    public var contact: String?
    /// Batch name (`batch_name`).
    public var batchName: String?
    /// Tags (`tags`).
    public var tags: [String]?
    /// Model version (`model_version`).
    public var modelVersion: ModelVersion?
    /// Matting type (`matting_type`).
    public var mattingType: MattingType?
    /// Model resolution (`model_resolution`).
    public var modelResolution: ModelResolution?
    /// Third-party user id given at creation (`app_user_id`).
    public var appUserID: String?
    /// Flexus job (`is_flexus`).
    public var isFlexus: Bool?
    /// Live-copy job (`is_live_copy`).
    public var isLiveCopy: Bool?
    /// Fast Flexus (`is_fast_flexus`).
    public var isFastFlexus: Bool?
    /// Avatar only, no voice (`is_only_human_model`).
    public var isOnlyHumanModel: Bool?
    /// Possible training locations (`optional_training_location`).
    public var optionalTrainingLocation: [String]?
    /// Background replacement (`is_background_replacement`).
    public var isBackgroundReplacement: Bool?
    /// On-demand job (`is_ondemand_resource`).
    public var isOndemandResource: Bool?

    enum CodingKeys: String, CodingKey {
        case jobID = "job_id", name, state, assetID = "asset_id", projectID = "project_id"
        case coverDownloadURL = "cover_download_url", lastUpdateTime = "last_update_time"
        case createTime = "create_time", contact, batchName = "batch_name", tags, modelVersion = "model_version"
        case mattingType = "matting_type", modelResolution = "model_resolution", appUserID = "app_user_id"
        case isFlexus = "is_flexus", isLiveCopy = "is_live_copy", isFastFlexus = "is_fast_flexus"
        case isOnlyHumanModel = "is_only_human_model", optionalTrainingLocation = "optional_training_location"
        case isBackgroundReplacement = "is_background_replacement", isOndemandResource = "is_ondemand_resource"
    }
}

/// The response of List: the total count and one page of jobs.
public struct TrainingJobList: Codable, Hashable, Sendable {
    /// Number of jobs matching the query (`count`).
    public var count: Int?
    /// The page of jobs (`jobs`).
    public var jobs: [TrainingJobSummary]?
}

/// The response of Show: every summary field (through `summary`, or directly as `job.state`) plus the details
/// (through `details`, or directly as `job.operationLogs`), all in one JSON object.
@dynamicMemberLookup
public struct TrainingJob: Codable, Hashable, Sendable {
    /// The fields shared with List.
    public var summary: TrainingJobSummary
    /// The fields only Show returns.
    public var details: TrainingJobDetails

    /// Reads and writes summary fields directly on the job, e.g. `job.state`.
    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<TrainingJobSummary, Value>) -> Value {
        get { summary[keyPath: keyPath] }
        set { summary[keyPath: keyPath] = newValue }
    }

    /// Reads and writes detail fields directly on the job, e.g. `job.operationLogs`.
    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<TrainingJobDetails, Value>) -> Value {
        get { details[keyPath: keyPath] }
        set { details[keyPath: keyPath] = newValue }
    }

    /// Decodes the summary fields and the detail fields from the same JSON object.
    public init(from decoder: any Decoder) throws {
        summary = try TrainingJobSummary(from: decoder)
        details = try TrainingJobDetails(from: decoder)
    }

    /// Encodes the summary fields and the detail fields into one JSON object.
    public func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        try details.encode(to: encoder)
    }
}

/// The fields Show returns beyond the summary; ``TrainingJob`` reads and writes them beside the summary's.
public struct TrainingJobDetails: Codable, Hashable, Sendable {
    /// Training-video download URL, valid 24 h (`training_video_download_url`).
    public var trainingVideoDownloadURL: String?
    /// ID card portrait side, valid 24 h (`id_card_image1_download_url`).
    public var idCardImage1DownloadURL: String?
    /// ID card emblem side, valid 24 h (`id_card_image2_download_url`).
    public var idCardImage2DownloadURL: String?
    /// Authorisation letter, valid 24 h (`grant_file_download_url`).
    public var grantFileDownloadURL: String?
    /// Image before whitening (`pre_beauty_image_download_url`).
    public var preBeautyImageDownloadURL: String?
    /// External action JSON data (`external_action_json_data_download_url`).
    public var externalActionJsonDataDownloadURL: String?
    /// Action video (`action_video_download_url`).
    public var actionVideoDownloadURL: String?
    /// Image after whitening (`post_beauty_image_download_url`).
    public var postBeautyImageDownloadURL: String?
    /// Audio file (`audio_file_download_url`).
    public var audioFileDownloadURL: String?
    /// Action-mark file download (`action_mark_file_download_url`).
    public var actionMarkFileDownloadURL: String?
    /// Action-mark file upload (`action_mark_file_upload_url`).
    public var actionMarkFileUploadURL: String?
    /// Operation log; review rejections carry their reason here (`operation_logs`).
    public var operationLogs: [OperationLogInfo]?
    /// Matting regions of the verify video (`verify_video_matting_info`).
    public var verifyVideoMattingInfo: [VerifyVideoMattingInfo]?
    /// Comments (`comment_logs`).
    public var commentLogs: [CommentLogInfo]?
    /// Action samples (`samples`).
    public var samples: [ActionSampleInfo]?
    /// Whether the mask file is uploaded (`is_mask_file_uploaded`).
    public var isMaskFileUploaded: Bool?
    /// Mask file, valid 24 h (`mask_file_download_url`).
    public var maskFileDownloadURL: String?
    /// Verify video (`verify_video_download_url`).
    public var verifyVideoDownloadURL: String?
    /// Markable video, valid 24 h (`markable_video_download_url`).
    public var markableVideoDownloadURL: String?
    /// Markable action video, valid 24 h (`markable_action_video_download_url`).
    public var markableActionVideoDownloadURL: String?
    /// Training-video mark (`traning_video_mark_info`, spelled as the service spells it).
    public var trainingVideoMarkInfo: TrainingVideoMarkInfo?
    /// Inference video mark (`inference_data_process_video_mark_info`).
    public var inferenceDataProcessVideoMarkInfo: InferenceVideoMarkInfo?
    /// Flexus voice configuration (`voice_properties`).
    public var voiceProperties: VoiceProperties?
    /// Inference action marks (`inference_data_process_action_mark_info`).
    public var inferenceDataProcessActionMarkInfo: InferenceActionMarkInfo?
    /// Inference chat-action marks (`inference_data_process_chat_action_mark_info`).
    public var inferenceDataProcessChatActionMarkInfo: InferenceActionMarkInfo?
    /// Eye-correction mark (`inference_data_process_eye_correction_mark_info`).
    public var inferenceDataProcessEyeCorrectionMarkInfo: InferenceEyeCorrectionMarkInfo?
    /// Compile worker types (`worker_type`).
    public var workerType: [String]?
    /// Linked voice-training job (`voice_train_job_id`).
    public var voiceTrainJobID: String?
    /// Remaining Flexus retrain attempts (`flexus_retry_count`).
    public var flexusRetryCount: Int?
    /// Source of the voice-training audio (`audio_source_type`).
    public var audioSourceType: AudioSourceType?
    /// Services the model supports (`supported_service`).
    public var supportedService: [SupportedService]?
    /// Allocated training resource (`allocated_resource`).
    public var allocatedResource: TrainingAllocatedResource?
    /// Training-video rotation progress (`train_video_rotation_state`).
    public var trainVideoRotationState: RotationState?
    /// Action-video rotation progress (`action_video_rotation_state`).
    public var actionVideoRotationState: RotationState?
    /// Sub-jobs (`sub_training_job_info`).
    public var subTrainingJobInfo: [SubTrainingJobInfo]?

    enum CodingKeys: String, CodingKey {
        case trainingVideoDownloadURL = "training_video_download_url"
        case idCardImage1DownloadURL = "id_card_image1_download_url"
        case idCardImage2DownloadURL = "id_card_image2_download_url"
        case grantFileDownloadURL = "grant_file_download_url"
        case preBeautyImageDownloadURL = "pre_beauty_image_download_url"
        case externalActionJsonDataDownloadURL = "external_action_json_data_download_url"
        case actionVideoDownloadURL = "action_video_download_url"
        case postBeautyImageDownloadURL = "post_beauty_image_download_url"
        case audioFileDownloadURL = "audio_file_download_url"
        case actionMarkFileDownloadURL = "action_mark_file_download_url"
        case actionMarkFileUploadURL = "action_mark_file_upload_url"
        case operationLogs = "operation_logs", verifyVideoMattingInfo = "verify_video_matting_info"
        case commentLogs = "comment_logs", samples, isMaskFileUploaded = "is_mask_file_uploaded"
        case maskFileDownloadURL = "mask_file_download_url", verifyVideoDownloadURL = "verify_video_download_url"
        case markableVideoDownloadURL = "markable_video_download_url"
        case markableActionVideoDownloadURL = "markable_action_video_download_url"
        case trainingVideoMarkInfo = "traning_video_mark_info"
        case inferenceDataProcessVideoMarkInfo = "inference_data_process_video_mark_info"
        case voiceProperties = "voice_properties"
        case inferenceDataProcessActionMarkInfo = "inference_data_process_action_mark_info"
        case inferenceDataProcessChatActionMarkInfo = "inference_data_process_chat_action_mark_info"
        case inferenceDataProcessEyeCorrectionMarkInfo = "inference_data_process_eye_correction_mark_info"
        case workerType = "worker_type", voiceTrainJobID = "voice_train_job_id"
        case flexusRetryCount = "flexus_retry_count", audioSourceType = "audio_source_type"
        case supportedService = "supported_service", allocatedResource = "allocated_resource"
        case trainVideoRotationState = "train_video_rotation_state"
        case actionVideoRotationState = "action_video_rotation_state"
        case subTrainingJobInfo = "sub_training_job_info"
    }
}

/// The response of Execute (`Execute2dModelTrainingCommandByUserResponse`). A 200 response can still carry a
/// refusal: check `succeeded` and `failureMessage`.
public struct TrainingCommandResponse: Codable, Hashable, Sendable {
    /// Outcome (`commond_result`, spelled as the service spells it).
    public var commandResult: CommandResult?
    /// Attachment upload URLs (`attachment_upload_url`).
    public var attachmentUploadURL: [String]?
    /// Training-video parts already received, for `GET_MULTIPART_UPLOADED` (`multipart_data`).
    public var multipartData: [MultipartUploadInfo]?
    /// Why the command failed (`excute_failed_msg`, spelled as the service spells it).
    public var executeFailedMessage: String?
    /// Error details (`error_info`).
    public var errorInfo: ErrorInfo?

    /// Whether the service accepted the command (`EXCUTE_SUCCESS`, or no result and no error given).
    public var succeeded: Bool {
        if let commandResult { return commandResult == .success }
        return executeFailedMessage == nil && errorInfo == nil
    }

    /// The best failure text the response carries, when the command was refused.
    public var failureMessage: String? {
        guard !succeeded else { return nil }
        let parts = [executeFailedMessage, errorInfo?.errorCode, errorInfo?.errorMsg].compactMap { $0 }
        return parts.isEmpty ? "the service answered \(commandResult?.rawValue ?? "without a result")" : parts.joined(separator: " ")
    }

    enum CodingKeys: String, CodingKey {
        case commandResult = "commond_result", attachmentUploadURL = "attachment_upload_url"
        case multipartData = "multipart_data", executeFailedMessage = "excute_failed_msg", errorInfo = "error_info"
    }
}
