public import Foundation
public import MetaStudio

/// What a create and an update have in common: the project, the files, how the files are sent, and what follows the
/// upload. ``CreateOptions`` and ``UpdateOptions`` each hold one and add their own request.
public struct UploadRun: Sendable {
    /// The project the job belongs to (recorded in the journal).
    public var projectID: String
    /// The files to upload, at most one per role.
    public var files: [UpdateFile]
    /// Part size for the videos; nil picks ``PartPlan/defaultPartSize(forFileSize:)``.
    public var partSize: Int64?
    /// Parts uploaded at once (at least one).
    public var parallelism: Int {
        didSet { parallelism = max(1, parallelism) }
    }
    /// Submit the job for review (`SUBMITVERIFYING`) after the upload.
    public var submit: Bool
    /// Finish an interrupted run from its journal instead of calling Create or Update again.
    public var resume: Bool
    /// Where the journal lives; nil disables it (and with it `resume`).
    public var journalURL: URL?
    /// Retries of a failed part (Create and Update themselves are never retried).
    public var retry: RetryPolicy
    /// Run the content rules (`lint --deep`) on the training and action videos too. Each workflow says where it takes
    /// the job settings they are judged by.
    public var deep: Bool

    /// A run; by default four parts in parallel, the default part size, no submit and no journal.
    public init(projectID: String, files: [UpdateFile], partSize: Int64? = nil, parallelism: Int = 4,
                submit: Bool = false, resume: Bool = false, journalURL: URL? = nil, retry: RetryPolicy = .uploads,
                deep: Bool = false) {
        self.projectID = projectID
        self.files = files
        self.partSize = partSize
        self.parallelism = max(1, parallelism)
        self.submit = submit
        self.resume = resume
        self.journalURL = journalURL
        self.retry = retry
        self.deep = deep
    }
}

/// Options that carry an ``UploadRun`` (``CreateOptions``, ``UpdateOptions``): the run's fields read and write through
/// them, as in `options.parallelism`.
@dynamicMemberLookup
public protocol UploadRunOptions: Sendable {
    /// The project, the files and how they are sent.
    var run: UploadRun { get set }
}

extension UploadRunOptions {
    /// A field of ``run``.
    public subscript<Value>(dynamicMember field: WritableKeyPath<UploadRun, Value>) -> Value {
        get { run[keyPath: field] }
        set { run[keyPath: field] = newValue }
    }
}
