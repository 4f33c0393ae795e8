public import Foundation

/// Why a create stopped, beyond the errors it shares with update (``UpdateError``, the client's errors). The message
/// names the job or journal concerned and what to do next; it never contains a signed URL's query, a key or a token.
public struct CreateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The class of the failure: `outcomeUnknown` before the job is known to exist, `afterCreate` once it does, or
    /// `local` before anything was sent (a journal of an interrupted create in the way, or none to resume from).
    public let kind: WorkflowFailureKind
    /// The job, when it is known to exist.
    public let jobID: String?
    /// What went wrong and what to do next.
    public let description: String

    private init(_ kind: WorkflowFailureKind, jobID: String? = nil, _ description: String) {
        self.kind = kind
        self.jobID = jobID
        self.description = description
    }

    /// Create was sent but its answer is unknown, so the job may exist without this run knowing its id.
    /// - Parameters:
    ///   - name: the model name the job was created with, to look it up by.
    ///   - reason: what happened to the answer (the client's or service's error, without secrets).
    public static func outcomeUnknown(name: String, reason: String) -> CreateError {
        CreateError(.outcomeUnknown, "the answer to Create was lost (\(reason)), so job '\(name)' may or may not "
            + "exist. Create is never retried automatically: a repeat could make a second job. Look for it with "
            + "`preflight jobs list --name \(quoted(name))`: if it is listed in WAIT_FILE_UPLOAD, delete it "
            + "(`preflight jobs delete JOB`) or keep it; if it is not listed, run the create again")
    }

    /// `error` happened after job `jobID` was created, so the job waits for its files: the message says how to finish.
    public static func afterCreate(_ error: any Error, jobID: String, journal: URL?) -> CreateError {
        let reason = String(describing: error)
        let finish = journal.map { "the upload URLs are recorded in \($0.path): run the same command with --resume" }
            ?? "nothing was recorded to resume from: delete the job (`preflight jobs delete \(jobID)`) and create it again"
        // An upload or command failure already ends with the `--resume` advice.
        if let error = error as? UpdateError, error.kind == .uploadFailed, journal != nil {
            return CreateError(.afterCreate, jobID: jobID, "job \(jobID) was created, then: \(reason)")
        }
        return CreateError(.afterCreate, jobID: jobID, "job \(jobID) was created, then: \(reason); \(finish)")
    }

    /// A journal of an earlier, unfinished create is where this one would write its own.
    public static func journalExists(path: String, jobID: String?) -> CreateError {
        CreateError(.local, jobID: jobID, "journal \(path) records an unfinished create"
            + (jobID.map { " of job \($0)" } ?? "") + ": finish it with --resume (no new job is made), or remove the "
            + "file (and the job, `preflight jobs delete JOB`) to create another job; nothing was sent")
    }

    /// `resume` was asked for but the journal cannot be read.
    public static func noJournal(path: String, name: String, reason: String) -> CreateError {
        CreateError(.local, "journal \(path) \(reason); without it there is nothing to resume. If an earlier create "
            + "was interrupted, find its job with `preflight jobs list --name \(quoted(name))` before creating another")
    }

    /// The workflow reached a state it does not expect (a bug): nothing more is done.
    static func unexpected(_ what: String) -> CreateError {
        CreateError(.local, "internal error: \(what); please report it")
    }

    /// A value as one shell word (single-quoted when it holds anything but letters, digits and `-_.`).
    private static func quoted(_ value: String) -> String {
        let plain = !value.isEmpty && value.unicodeScalars.allSatisfy {
            ($0.isASCII && (CharacterSet.alphanumerics.contains($0))) || "-_.".unicodeScalars.contains($0)
        }
        return plain ? value : "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
