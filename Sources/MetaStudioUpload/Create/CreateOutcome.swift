public import Preflight

/// The result of ``CreateWorkflow/run(_:events:)``.
public enum CreateOutcome: Sendable {
    /// A file failed lint; nothing was sent to the service.
    case lintFailed(LintReport)
    /// The job was created (or, with `resume`, its interrupted upload finished), uploaded, confirmed and, if asked,
    /// submitted. The summary's `jobID` is the new job.
    case completed(UpdateSummary, LintReport)
}
