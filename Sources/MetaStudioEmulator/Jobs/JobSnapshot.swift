public import Foundation

/// A copy of one emulated job's state, for tests and the control endpoint.
public struct JobSnapshot: Sendable, Codable, Equatable {
    /// The job id.
    public var jobID: String
    /// The model name.
    public var name: String
    /// The state, e.g. `WAIT_FILE_UPLOAD`.
    public var state: String
    /// `X-App-UserId` given at creation, if any.
    public var appUserID: String?
    /// Creation time.
    public var createTime: Date
    /// Time of the last create, update or state change.
    public var lastUpdateTime: Date
    /// Parts expected for the training video in the current upload round.
    public var videoMultipartCount: Int
    /// Parts expected for the action video in the current upload round.
    public var actionVideoMultipartCount: Int
    /// The operation log, oldest first.
    public var operationLogs: [OperationLogEntry]
    /// Parts received in the current upload round, keyed by role raw value (`training_video`, …).
    public var uploadedParts: [String: [UploadedPart]]
    /// Roles (raw values) that have a stored, complete file.
    public var storedFiles: [String]

    enum CodingKeys: String, CodingKey {
        case jobID = "job_id", name, state, appUserID = "app_user_id", createTime = "create_time"
        case lastUpdateTime = "last_update_time", videoMultipartCount = "video_multipart_count"
        case actionVideoMultipartCount = "action_video_multipart_count", operationLogs = "operation_logs"
        case uploadedParts = "uploaded_parts", storedFiles = "stored_files"
    }
}

/// One entry of a job's operation log (`operation_logs[]`).
public struct OperationLogEntry: Sendable, Codable, Equatable {
    /// When it happened.
    public var operateTime: Date
    /// The log type, e.g. `SYSTEM_VERIFY_FAILED`.
    public var logType: String
    /// Free text; for a failed review, the review findings.
    public var logDescription: String?
    /// `USER`, `ADMIN` or `SYSTEM`.
    public var operateUser: String
    /// The automated-review code, e.g. `44005901` for a resolution the service does not accept.
    public var errorCode: String?
    /// Reasons to redo, as a reviewer lists them.
    public var redoReasons: [String]?

    enum CodingKeys: String, CodingKey {
        case operateTime = "operate_time", logType = "log_type", logDescription = "log_description"
        case operateUser = "operate_user", errorCode = "error_code", redoReasons = "redo_reasons"
    }
}

/// One uploaded part of a multipart file (or the single part of a one-piece file).
public struct UploadedPart: Sendable, Codable, Equatable {
    /// The 1-based part number (the index of its URL in the upload-URL array, plus one).
    public var partNumber: Int
    /// The `ETag` returned for it: the quoted hex MD5 of the bytes.
    public var etag: String
    /// Its size in bytes.
    public var size: Int64

    enum CodingKeys: String, CodingKey { case partNumber = "part_number", etag, size }
}
