public import MetaStudio

/// The calls the create workflow makes: the update workflow's (Show, Execute, …) plus Create; tests may fake them.
public protocol TrainingJobCreating: TrainingJobUpdating {
    /// Creates a job (POST) and returns its id and single-use upload URLs. Must not be retried by the implementation:
    /// a repeat after a lost answer could make a second job.
    func createJob(_ request: CreateTrainingJobRequest) async throws -> MetaStudioResponse<TrainingJobUploadURLs>
}

/// The client's `createJob` is sent once, never retried, as the protocol asks.
extension MetaStudioClient: TrainingJobCreating {}
