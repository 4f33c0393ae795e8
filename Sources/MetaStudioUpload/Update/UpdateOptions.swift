public import Foundation
public import MetaStudio

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
    /// Run the content rules (`lint --deep`) on the training and action videos too. Background replacement and the
    /// voice's source come from ``request`` when it sets them, and otherwise from the job's own record (Show).
    public var deep: Bool

    /// Creates options; by default four parts in parallel, default part size, no submit.
    public init(projectID: String, jobID: String, files: [UpdateFile], request: UpdateTrainingJobRequest = UpdateTrainingJobRequest(),
                partSize: Int64? = nil, parallelism: Int = 4, submit: Bool = false, dryRun: Bool = false, resume: Bool = false,
                journalURL: URL? = nil, retry: RetryPolicy = .uploads, deep: Bool = false) {
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
        self.deep = deep
    }
}
