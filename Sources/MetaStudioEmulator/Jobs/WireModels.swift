import Foundation
import MetaStudioUpload
import Preflight

// The emulator's own JSON shapes, written from the contract (metastudio-training-api.md §2) and
// deliberately independent of the client's model types, so that a client bug cannot hide in both.

/// `VoiceProperties` (Flexus voice settings); all three fields are required when the object is sent.
struct WireVoiceProperties: Codable, Sendable, Equatable {
    var jobTag: String?
    var sex: String?
    var language: String?

    enum CodingKeys: String, CodingKey { case jobTag = "job_tag", sex, language }
}

/// `ActionBasicSampleInfo` (Update input).
struct WireSampleBasicInfo: Codable, Sendable, Equatable {
    var actionNameZh: String?
    var actionNameEn: String?
    var actionTag: String?
    var catalog: String?
    var recommendedValue: Int?
    var isSelected: Bool?

    enum CodingKeys: String, CodingKey {
        case actionNameZh = "action_name_zh", actionNameEn = "action_name_en", actionTag = "action_tag", catalog
        case recommendedValue = "recommended_value", isSelected = "is_selected"
    }
}

/// Body of Create (`Create2dModelTrainingJobReq`) and of Update (`Update2dModelTrainingJobReq`), which share most
/// fields: `model_version`, `is_ondemand_resource`, `is_flexus`, `is_live_copy` and `is_only_human_model` are Create's
/// alone, `samples_basic_info` is Update's alone. Every field is optional here; Create's validation asks for `name`.
/// Like any body, a call's unused fields are decoded and ignored.
struct WireJobRequest: Decodable, Sendable {
    var name: String?
    var contact: String?
    var commandMessage: String?
    var videoMultipartCount: Int?
    var actionVideoMultipartCount: Int?
    var isBackgroundReplacement: Bool?
    var batchName: String?
    var tags: [String]?
    var modelVersion: String?
    var isOndemandResource: Bool?
    var isFlexus: Bool?
    var isFastFlexus: Bool?
    var isLiveCopy: Bool?
    var isOnlyHumanModel: Bool?
    var samplesBasicInfo: [WireSampleBasicInfo]?
    var audioSourceType: String?
    var voiceProperties: WireVoiceProperties?
    var supportedService: [String]?

    enum CodingKeys: String, CodingKey {
        case name, contact, commandMessage = "command_message", videoMultipartCount = "video_multipart_count"
        case actionVideoMultipartCount = "action_video_multipart_count"
        case isBackgroundReplacement = "is_background_replacement", batchName = "batch_name", tags
        case modelVersion = "model_version", isOndemandResource = "is_ondemand_resource", isFlexus = "is_flexus"
        case isFastFlexus = "is_fast_flexus", isLiveCopy = "is_live_copy", isOnlyHumanModel = "is_only_human_model"
        case samplesBasicInfo = "samples_basic_info", audioSourceType = "audio_source_type"
        case voiceProperties = "voice_properties", supportedService = "supported_service"
    }
}

/// `CommentData` of the Execute body.
struct WireCommentData: Codable, Sendable {
    var commentTitle: String?
    var commentMessage: String?
    var attachmentName: [String]?

    enum CodingKeys: String, CodingKey {
        case commentTitle = "comment_title", commentMessage = "comment_message", attachmentName = "attachment_name"
    }
}

/// Body of Execute (`Execute2dModelTrainingCommandByUserReq`).
struct WireCommandRequest: Decodable, Sendable {
    var command: String?
    var commandMessage: String?
    var commentData: WireCommentData?
    var operationReason: String?

    enum CodingKeys: String, CodingKey {
        case command, commandMessage = "command_message", commentData = "comment_data"
        case operationReason = "operation_reason"
    }
}

/// `TrainingJobBasicInfo` (List) and, with the detail fields filled, the Show response. Its times, and those of the
/// operation log (`OperationLogInfo`, the same entries the control endpoint's snapshot shows), go out in RFC 3339 UTC
/// (`2026-12-03T09:30:00Z`), the date format of `StableJSON`, which encodes every response.
struct WireJobInfo: Encodable, Sendable {
    var jobID: String
    var name: String
    var state: String
    var projectID: String
    var lastUpdateTime: Date
    var createTime: Date
    var contact: String?
    var batchName: String?
    var tags: [String]?
    var modelVersion: String
    var mattingType: String
    var modelResolution: String
    var appUserID: String?
    var isFlexus: Bool
    var isLiveCopy: Bool
    var isFastFlexus: Bool
    var isOnlyHumanModel: Bool
    var isBackgroundReplacement: Bool
    var isOndemandResource: Bool
    // Show only:
    var operationLogs: [OperationLogEntry]?
    var voiceProperties: WireVoiceProperties?
    var audioSourceType: String?
    var supportedService: [String]?

    enum CodingKeys: String, CodingKey {
        case jobID = "job_id", name, state, projectID = "project_id", lastUpdateTime = "last_update_time"
        case createTime = "create_time", contact, batchName = "batch_name", tags, modelVersion = "model_version"
        case mattingType = "matting_type", modelResolution = "model_resolution", appUserID = "app_user_id"
        case isFlexus = "is_flexus", isLiveCopy = "is_live_copy", isFastFlexus = "is_fast_flexus"
        case isOnlyHumanModel = "is_only_human_model", isBackgroundReplacement = "is_background_replacement"
        case isOndemandResource = "is_ondemand_resource", operationLogs = "operation_logs"
        case voiceProperties = "voice_properties", audioSourceType = "audio_source_type"
        case supportedService = "supported_service"
    }
}

/// List response.
struct WireListResponse: Encodable, Sendable {
    var count: Int
    var jobs: [WireJobInfo]
}

/// `MultipartUploadInfo`: note the part number is a string on the wire.
struct WireMultipartInfo: Encodable, Sendable, Equatable {
    var partNumber: String
    var etag: String

    enum CodingKeys: String, CodingKey { case partNumber = "part_number", etag }
}

/// `ErrorResponse`, used both as the error body and as `error_info` in Execute.
struct WireError: Codable, Sendable, Equatable {
    var errorCode: String
    var errorMsg: String

    enum CodingKeys: String, CodingKey { case errorCode = "error_code", errorMsg = "error_msg" }
}

/// Execute response, with the service's spellings (`commond_result`, `EXCUTE_*`, `excute_failed_msg`).
struct WireCommandResponse: Encodable, Sendable {
    var commondResult: String
    var excuteFailedMsg: String?
    var errorInfo: WireError?
    var multipartData: [WireMultipartInfo]?
    var attachmentUploadURL: [String]?

    static let success = "EXCUTE_SUCCESS"
    static let failed = "EXCUTE_FAILED"

    enum CodingKeys: String, CodingKey {
        case commondResult = "commond_result", excuteFailedMsg = "excute_failed_msg", errorInfo = "error_info"
        case multipartData = "multipart_data", attachmentUploadURL = "attachment_upload_url"
    }
}
