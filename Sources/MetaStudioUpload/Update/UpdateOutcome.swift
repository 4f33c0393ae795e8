public import Preflight

/// The result of ``UpdateWorkflow/run(_:events:)``.
public enum UpdateOutcome: Sendable {
    /// A file failed lint; nothing was sent to the service.
    case lintFailed(LintReport)
    /// `dryRun` was set: the plan, nothing written.
    case planned(UpdatePlan, LintReport)
    /// The update finished.
    case completed(UpdateSummary, LintReport)
}
