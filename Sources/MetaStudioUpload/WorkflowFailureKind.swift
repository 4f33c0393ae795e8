/// The broad class of a create's or an update's failure (``UpdateError/kind``, ``CreateError/kind``), for picking an
/// exit status by the phase the run had reached. Its description is the stable name the CLI's JSON result carries.
public struct WorkflowFailureKind: Hashable, Sendable, CustomStringConvertible {
    private let name: String
    private init(_ name: String) { self.name = name }

    public var description: String { name }

    /// The job is in a state where Update is not allowed; nothing was changed.
    public static let refusedState = WorkflowFailureKind("refused-state")
    /// Something failed after the job was created or updated: an upload (after retries), a confirmation, the submit,
    /// the journal, or listing the parts the service holds. The message says how to finish (`--resume`).
    public static let uploadFailed = WorkflowFailureKind("upload-failed")
    /// ``uploadFailed`` as a create reports it: the job exists, and ``CreateError/jobID`` names it.
    public static let afterCreate = uploadFailed
    /// The Create call's answer was lost (timeout, connection lost, a server error or an unreadable answer): the job
    /// may or may not exist. Create is not repeated; the message says how to look for the job.
    public static let outcomeUnknown = WorkflowFailureKind("outcome-unknown")
    /// A local problem: an unreadable file, a bad part size, journal trouble, files changed since the journal, or a
    /// journal of an interrupted create in the way.
    public static let local = WorkflowFailureKind("local")
    /// The service answered in a way the workflow cannot use (missing URLs, a failed command).
    public static let service = WorkflowFailureKind("service")
}
