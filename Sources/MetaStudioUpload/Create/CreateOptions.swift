public import MetaStudio

/// What the user asked a create to do: the Create body and the run (project, files, parts, journal…). The run's
/// fields read and write through the options too, as in `options.parallelism`.
public struct CreateOptions: UploadRunOptions {
    /// The Create body fields the user gave; the multipart counts are filled in by the workflow.
    public var request: CreateTrainingJobRequest
    /// The project the job is created in, the files and how they are sent. With ``UploadRun/deep``, the videos are
    /// judged by the request's background-replacement and voice-source settings.
    public var run: UploadRun

    /// Creates options.
    public init(request: CreateTrainingJobRequest, run: UploadRun) {
        self.request = request
        self.run = run
    }
}

extension CreateOptions {
    /// The options of the upload that finishes the created job `jobID`: this create's run with `files` (made absolute)
    /// and `resume`; its lint is done already.
    func update(jobID: String, files: [UpdateFile], resume: Bool) -> UpdateOptions {
        var run = run
        run.files = files
        run.resume = resume
        run.deep = false
        return UpdateOptions(jobID: jobID, run: run)
    }
}
