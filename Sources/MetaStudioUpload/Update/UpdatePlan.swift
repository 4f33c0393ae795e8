public import MetaStudio
public import Preflight

/// How one file will be (or was) uploaded.
public struct PlannedFile: Codable, Hashable, Sendable {
    /// What the file is for.
    public var role: Role
    /// Absolute path.
    public var path: String
    /// Size in bytes.
    public var size: Int64
    /// The Update response field whose URL(s) receive it, e.g. `training_video_upload_url`.
    public var uploadField: String
    /// The `Content-Type` of the PUTs.
    public var contentType: String
    /// Size of every part but the last.
    public var partSize: Int64
    /// Number of parts (1 for single-URL roles).
    public var partCount: Int
}

/// What an update would do: printed by `--dry-run`.
public struct UpdatePlan: Codable, Hashable, Sendable {
    /// The job.
    public var jobID: String
    /// Its current state.
    public var state: String
    /// The Update body that would be sent (with the multipart counts).
    public var request: UpdateTrainingJobRequest
    /// The files and their parts.
    public var files: [PlannedFile]
    /// The commands that would follow the upload, in order.
    public var commands: [String]
    /// Parts in flight at once.
    public var parallelism: Int
}
