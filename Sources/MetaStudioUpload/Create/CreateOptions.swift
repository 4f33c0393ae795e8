public import Foundation
public import MetaStudio

/// What the user asked a create to do.
public struct CreateOptions: Sendable {
    /// The project the job is created in (recorded in the journal).
    public var projectID: String
    /// The files to upload, at most one per role.
    public var files: [UpdateFile]
    /// The Create body fields the user gave; the multipart counts are filled in by the workflow.
    public var request: CreateTrainingJobRequest
    /// Part size for the videos; nil picks ``PartPlan/defaultPartSize(forFileSize:)``.
    public var partSize: Int64?
    /// Parts uploaded at once.
    public var parallelism: Int
    /// Submit the job for review (`SUBMITVERIFYING`) after the upload.
    public var submit: Bool
    /// Finish an interrupted create from its journal instead of calling Create again.
    public var resume: Bool
    /// Where the journal lives; nil disables it (and with it `resume`).
    public var journalURL: URL?
    /// Retries of a failed part (Create itself is never retried).
    public var retry: RetryPolicy
    /// Run the content rules (`lint --deep`) on the videos too, judged by the request's background-replacement and
    /// voice-source settings.
    public var deep: Bool

    /// Creates options; by default four parts in parallel, default part size, no submit.
    public init(projectID: String, files: [UpdateFile], request: CreateTrainingJobRequest, partSize: Int64? = nil,
                parallelism: Int = 4, submit: Bool = false, resume: Bool = false, journalURL: URL? = nil,
                retry: RetryPolicy = .uploads, deep: Bool = false) {
        self.projectID = projectID
        self.files = files
        self.request = request
        self.partSize = partSize
        self.parallelism = max(1, parallelism)
        self.submit = submit
        self.resume = resume
        self.journalURL = journalURL
        self.retry = retry
        self.deep = deep
    }
}

extension CreateOptions {
    /// The options of the upload that finishes the created job `jobID`: this create's files (`files`, made absolute),
    /// parts, parallelism, retries, submit and journal; its lint is done already.
    func update(jobID: String, files: [UpdateFile], resume: Bool) -> UpdateOptions {
        UpdateOptions(projectID: projectID, jobID: jobID, files: files, partSize: partSize, parallelism: parallelism,
                      submit: submit, resume: resume, journalURL: journalURL, retry: retry)
    }
}
