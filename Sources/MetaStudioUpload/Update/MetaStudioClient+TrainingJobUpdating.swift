public import MetaStudio
/// The client serves the update workflow directly.
extension MetaStudioClient: TrainingJobUpdating {
    /// The job's state, from Show.
    public func jobState(jobID: String) async throws -> JobState {
        try await showJob(id: jobID).body.summary.state
    }

    /// Update (PUT); returns the new upload URLs.
    public func updateJob(jobID: String, request: UpdateTrainingJobRequest) async throws -> TrainingJobUploadURLs {
        try await updateJob(id: jobID, request).body
    }

    /// Execute a command by name.
    public func executeCommand(jobID: String, command: TrainingCommand) async throws -> TrainingCommandResponse {
        try await executeCommand(jobId: jobID, command).body
    }
}
