public import MetaStudio

/// The calls the update workflow makes to the service, as `MetaStudioClient` spells them; tests may fake them.
public protocol TrainingJobUpdating: Sendable {
    /// Shows the job (GET).
    func showJob(jobID: String) async throws -> MetaStudioResponse<TrainingJob>
    /// Updates the job (PUT) and returns its new single-use upload URLs.
    func updateJob(jobID: String, _ request: UpdateTrainingJobRequest) async throws
        -> MetaStudioResponse<TrainingJobUploadURLs>
    /// Executes a command on the job (POST …/command).
    func executeCommand(jobID: String, _ command: TrainingCommand) async throws
        -> MetaStudioResponse<TrainingCommandResponse>
}
