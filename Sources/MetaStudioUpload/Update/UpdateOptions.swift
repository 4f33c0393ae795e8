public import MetaStudio

/// What the user asked an update to do: the job, the Update body, and the run (project, files, parts, journal…).
/// The run's fields read and write through the options too, as in `options.parallelism`.
public struct UpdateOptions: UploadRunOptions {
    /// The job to update.
    public var jobID: String
    /// The Update body fields the user gave; the multipart counts are filled in by the workflow.
    public var request: UpdateTrainingJobRequest
    /// Lint and check the state, then return the plan without changing anything.
    public var dryRun: Bool
    /// The project, the files and how they are sent. With ``UploadRun/deep``, background replacement and the voice's
    /// source come from ``request`` when it sets them, and otherwise from the job's own record (Show).
    public var run: UploadRun

    /// Creates options for updating job `jobID`.
    public init(jobID: String, request: UpdateTrainingJobRequest = UpdateTrainingJobRequest(), dryRun: Bool = false,
                run: UploadRun) {
        self.jobID = jobID
        self.request = request
        self.dryRun = dryRun
        self.run = run
    }
}
