package import Foundation

/// What an update has done so far, kept on disk so that an interrupted update can be finished with `--resume`.
///
/// The journal holds the signed upload URLs, which are secrets: it is written with mode 0600 and its text is never
/// printed. It is replaced atomically (temporary file, fsync, rename) after every change.
package struct UpdateJournal: Codable, Hashable, Sendable {
    /// The journal format's version; a journal with another version is refused. Version 2 added the status-change
    /// time and device to file identities and the MD5 of each uploaded part.
    package static let currentVersion = 2

    /// Format version.
    package var version: Int
    /// The project the job belongs to.
    package var projectID: String
    /// The job being updated.
    package var jobID: String
    /// When the Update call returned the URLs (they are valid for 24 hours).
    package var createdAt: Date
    /// The files being uploaded, each with its parts and URLs.
    package var files: [JournalFile]
    /// Commands already sent after the upload (e.g. `CONFIRM_MULTIPART_UPLOADED`), in order.
    package var commandsSent: [String]
    /// Whether the user asked for the job to be submitted for review.
    package var submit: Bool

    /// Creates a journal for a freshly updated job.
    package init(projectID: String, jobID: String, createdAt: Date = Date(), files: [JournalFile], submit: Bool) {
        self.version = Self.currentVersion
        self.projectID = projectID
        self.jobID = jobID
        self.createdAt = createdAt
        self.files = files
        self.commandsSent = []
        self.submit = submit
    }

    /// Whether every part of every file is uploaded.
    package var allPartsUploaded: Bool { files.allSatisfy { $0.parts.allSatisfy(\.uploaded) } }

    /// The default journal location for a job: `.preflight-update-<job>.journal.json` in `directory`.
    package static func defaultURL(jobID: String, in directory: URL) -> URL {
        let safe = String(jobID.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        return directory.appendingPathComponent(".preflight-update-\(safe).journal.json")
    }
}
