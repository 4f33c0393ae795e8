public import MetaStudio

/// The client serves the update workflow directly: the protocol asks for its own methods.
extension MetaStudioClient: TrainingJobUpdating {}
