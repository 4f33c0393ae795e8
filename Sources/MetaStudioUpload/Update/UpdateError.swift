public import Foundation
public import MetaStudio
public import Preflight

/// Why an update stopped. The message names the job, file or part concerned and what to do next; it never
/// contains a signed URL's query, a key or a token.
public struct UpdateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The class of the failure: `refusedState`, `uploadFailed`, `local` or `service`.
    public let kind: WorkflowFailureKind
    /// What went wrong and what to do next.
    public let description: String

    private init(_ kind: WorkflowFailureKind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    /// The job's state does not allow Update.
    public static func refusedState(jobID: String, state: JobState) -> UpdateError {
        UpdateError(.refusedState, "job \(jobID) is in state \(state.rawValue): \(state.explanation) "
            + "Update is allowed only in AUTO_VERIFY_FAILED or MANUAL_VERIFY_FAILED; nothing was changed or uploaded.")
    }

    /// A file could not be read or is not a regular file.
    public static func fileUnreadable(path: String, reason: String) -> UpdateError {
        UpdateError(.local, "\(path): cannot be read (\(reason))")
    }

    /// The journal could not be read or written.
    public static func journal(path: String, reason: String) -> UpdateError {
        UpdateError(.local, "journal \(path) \(reason)")
    }

    /// The journal belongs to another job or other files than the ones given.
    public static func journalMismatch(path: String, reason: String) -> UpdateError {
        UpdateError(.local, "journal \(path) does not match this update: \(reason); "
            + "give the same --job-id and files as the interrupted run, or start again without --resume")
    }

    /// A file changed since the journal was written, so its uploaded parts may no longer match it.
    public static func fileChanged(path: String, role: Role) -> UpdateError {
        UpdateError(.local, "\(path) (\(role.rawValue)) changed since the interrupted update began (size, time or inode "
            + "differ); its uploaded parts would not match: run the update again without --resume")
    }

    /// A file's identity moved between the moment it was opened (before lint) and the confirmation: it was written to
    /// or truncated while it was linted or uploaded, so what the service holds may not be what passed lint.
    public static func fileChangedDuringUpload(path: String, role: Role, changes: [String]) -> UpdateError {
        UpdateError(.uploadFailed, "\(path) (\(role.rawValue)) changed after it was linted ("
            + changes.joined(separator: ", ") + "); nothing was confirmed or submitted, so the service will not use "
            + "what it received. The upload URLs are single-use: once the file is final, run the update again "
            + "without --resume (it lints the file again and asks for new URLs)")
    }

    /// The service holds a part whose checksum (ETag, the MD5 of the bytes) is not that of the local bytes.
    public static func partChecksumMismatch(path: String, role: Role, part: Int, of count: Int, local: String,
                                            service: String) -> UpdateError {
        UpdateError(.uploadFailed, "\(path) (\(role.rawValue)) part \(part) of \(count): the service holds bytes with "
            + "MD5 \(service), but the file's bytes have MD5 \(local); nothing was confirmed. The upload URLs are "
            + "single-use: run the update again without --resume to send the file afresh")
    }

    /// The service no longer accepts the job's upload URLs (it answered 403 for a part it does not hold, or lost the
    /// parts a journal recorded): another Update voided them, or they expired. Only fresh URLs can help.
    public static func uploadURLsVoid(path: String, role: Role, part: Int, of count: Int, reason: String) -> UpdateError {
        UpdateError(.uploadFailed, "\(path) (\(role.rawValue)) part \(part) of \(count): \(reason); the job's upload URLs "
            + "are no longer valid (another Update replaced them, or they expired), so --resume cannot finish it: run the "
            + "update again without --resume; the job needs fresh URLs")
    }

    /// An upload URL (from the service's answer or a journal) is not one the files may be sent to.
    public static func unsafeUploadURL(role: Role, url: String, reason: String) -> UpdateError {
        UpdateError(.service, "an upload URL for the \(role.rawValue) (\(UploadURLText.redacted(url))) is refused: "
            + "\(reason); nothing was sent to it")
    }

    /// The file cannot be split as asked.
    public static func invalidPlan(path: String, role: Role, reason: PartPlanError) -> UpdateError {
        UpdateError(.local, "\(path) (\(role.rawValue)): \(reason.description)")
    }

    /// The Update answer lacked the URLs for a file, or had the wrong number of them.
    public static func missingUploadURLs(role: Role, expected: Int, received: Int) -> UpdateError {
        UpdateError(.service, "the service's Update answer has \(received) upload URL(s) for the \(role.rawValue), "
            + "expected \(expected); nothing was uploaded")
    }

    /// A part could not be uploaded, even after retries.
    public static func uploadFailed(path: String, role: Role, part: Int, of count: Int, reason: String) -> UpdateError {
        UpdateError(.uploadFailed, "\(path) (\(role.rawValue)) part \(part) of \(count) could not be uploaded: \(reason). "
            + "Parts already sent are kept: finish with --resume")
    }

    /// A post-upload command was rejected.
    public static func commandFailed(command: String, jobID: String, reason: String, resumed: Bool = false) -> UpdateError {
        if resumed, command != TrainingCommand.submitVerifying.rawValue {
            // A second refusal of the confirmation: the parts it confirms are not there any more.
            return UpdateError(.uploadFailed, "command \(command) for job \(jobID) failed again after --resume: \(reason); "
                + "the parts sent earlier cannot be confirmed: run the update again without --resume; the job needs fresh URLs")
        }
        return UpdateError(.uploadFailed, "command \(command) for job \(jobID) failed: \(reason); finish with --resume")
    }

    /// `error` happened after the job was updated, so the job now waits for its files: the message says how to finish.
    /// An error that already says so (an upload or a command that failed) is returned as it is.
    public static func afterUpdate(_ error: any Error, jobID: String, journal: URL?) -> UpdateError {
        if let error = error as? UpdateError, error.kind == .uploadFailed { return error }
        let reason = String(describing: error)
        let finish = journal.map { "the upload URLs are recorded in \($0.path): finish with --resume" }
            ?? "nothing was recorded to resume from: run the update again (it asks for new upload URLs)"
        return UpdateError(.uploadFailed, "job \(jobID) was updated, then: \(reason); \(finish)")
    }

    /// A resume found nothing to do because the upload URLs expired.
    public static func urlsExpired(path: String, createdAt: Date) -> UpdateError {
        UpdateError(.local, "journal \(path): its upload URLs were issued at \(ISO8601DateFormatter().string(from: createdAt)) "
            + "and are valid for 24 hours only: run the update again without --resume")
    }
}
