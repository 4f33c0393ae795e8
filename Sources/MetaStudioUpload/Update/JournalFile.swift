package import Preflight

/// One file of an update as recorded in the journal. The workflows make these with the memberwise initialiser.
package struct JournalFile: Codable, Hashable, Sendable {
    /// What the file is for.
    package var role: Role
    /// Absolute path of the file.
    package var path: String
    /// The file's identity when the journal was written; a resume refuses a file whose identity changed.
    package var identity: FileIdentity
    /// Size of every part but the last.
    package var partSize: Int64
    /// The parts, each with its upload URL and whether it is uploaded.
    package var parts: [JournalPart]
}

/// One part of a file as recorded in the journal.
package struct JournalPart: Codable, Hashable, Sendable {
    /// The byte range.
    package var part: FilePart
    /// The signed upload URL (a secret).
    package var url: String
    /// Whether the part was uploaded (HTTP 2xx received).
    package var uploaded = false
    /// The MD5 (lower-case hex) of the bytes sent, once uploaded; a resume compares it with the service's ETag.
    package var md5: String?
}
