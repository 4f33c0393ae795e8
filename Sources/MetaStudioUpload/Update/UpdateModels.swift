public import Foundation
public import MetaStudio
public import Preflight

/// The calls the update workflow makes to the service; `MetaStudioClient` provides them, tests may fake them.
public protocol TrainingJobUpdating: Sendable {
    /// The job's current state (Show).
    func jobState(jobID: String) async throws -> JobState
    /// Updates the job (PUT) and returns its new single-use upload URLs.
    func updateJob(jobID: String, request: UpdateTrainingJobRequest) async throws -> TrainingJobUploadURLs
    /// Executes a command on the job (POST …/command).
    func executeCommand(jobID: String, command: TrainingCommand) async throws -> TrainingCommandResponse
}

/// A file to upload and what it is for.
public struct UpdateFile: Codable, Hashable, Sendable {
    /// What the file is for.
    public var role: Role
    /// Its path (relative paths are taken from the current directory).
    public var path: String

    /// Creates a file entry.
    public init(role: Role, path: String) {
        self.role = role
        self.path = path
    }
}

/// What the user asked an update to do.
public struct UpdateOptions: Sendable {
    /// The project the job belongs to (recorded in the journal).
    public var projectID: String
    /// The job to update.
    public var jobID: String
    /// The files to upload, at most one per role.
    public var files: [UpdateFile]
    /// The Update body fields the user gave; the multipart counts are filled in by the workflow.
    public var request: UpdateTrainingJobRequest
    /// Part size for the videos; nil picks ``PartPlan/defaultPartSize(forFileSize:)``.
    public var partSize: Int64?
    /// Parts uploaded at once.
    public var parallelism: Int
    /// Submit the job for review (`SUBMITVERIFYING`) after the upload.
    public var submit: Bool
    /// Lint and check the state, then return the plan without changing anything.
    public var dryRun: Bool
    /// Finish an interrupted update from its journal instead of calling Update again.
    public var resume: Bool
    /// Where the journal lives; nil disables it (and with it `resume`).
    public var journalURL: URL?
    /// Retries of a failed part.
    public var retry: RetryPolicy

    /// Creates options; by default four parts in parallel, default part size, no submit.
    public init(projectID: String, jobID: String, files: [UpdateFile], request: UpdateTrainingJobRequest = UpdateTrainingJobRequest(),
                partSize: Int64? = nil, parallelism: Int = 4, submit: Bool = false, dryRun: Bool = false, resume: Bool = false,
                journalURL: URL? = nil, retry: RetryPolicy = .uploads) {
        self.projectID = projectID
        self.jobID = jobID
        self.files = files
        self.request = request
        self.partSize = partSize
        self.parallelism = max(1, parallelism)
        self.submit = submit
        self.dryRun = dryRun
        self.resume = resume
        self.journalURL = journalURL
        self.retry = retry
    }
}

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

/// What a finished update did.
public struct UpdateSummary: Codable, Hashable, Sendable {
    /// The job.
    public var jobID: String
    /// The files, as planned.
    public var files: [PlannedFile]
    /// Parts sent by this run (a resume sends only the missing ones).
    public var partsSent: Int
    /// Bytes sent by this run.
    public var bytesSent: Int64
    /// Commands sent by this run after the upload, in order.
    public var commands: [String]
    /// Whether the job was submitted for review.
    public var submitted: Bool
    /// Whether this run resumed an interrupted one.
    public var resumed: Bool
}

/// The result of ``UpdateWorkflow/run(_:events:)``.
public enum UpdateOutcome: Sendable {
    /// A file failed lint; nothing was sent to the service.
    case lintFailed(LintReport)
    /// `dryRun` was set: the plan, nothing written.
    case planned(UpdatePlan, LintReport)
    /// The update finished.
    case completed(UpdateSummary, LintReport)
}

/// Progress of an update, for displays.
public enum UpdateEvent: Sendable {
    /// A step began (`lint`, `show`, `update`, `upload`, `confirm`, `submit`), with a line for people.
    case step(name: String, message: String)
    /// The upload is about to start: per file, total and already-uploaded bytes.
    case uploadStarting([UploadFileStatus])
    /// Something happened in the upload.
    case upload(UploadEvent)
}

/// A file's size and what of it is already uploaded, when the upload starts.
public struct UploadFileStatus: Hashable, Sendable {
    /// What the file is for.
    public var role: Role
    /// Path.
    public var path: String
    /// Size in bytes.
    public var totalBytes: Int64
    /// Bytes already uploaded by an earlier run.
    public var uploadedBytes: Int64
}

