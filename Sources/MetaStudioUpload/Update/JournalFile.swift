public import Preflight

/// One file of an update as recorded in the journal.
public struct JournalFile: Codable, Hashable, Sendable {
    /// What the file is for.
    public var role: Role
    /// Absolute path of the file.
    public var path: String
    /// The file's identity when the journal was written; a resume refuses a file whose identity changed.
    public var identity: FileIdentity
    /// Size of every part but the last.
    public var partSize: Int64
    /// The parts, each with its upload URL and whether it is uploaded.
    public var parts: [JournalPart]

    /// Creates a journal entry.
    public init(role: Role, path: String, identity: FileIdentity, partSize: Int64, parts: [JournalPart]) {
        self.role = role
        self.path = path
        self.identity = identity
        self.partSize = partSize
        self.parts = parts
    }
}

/// One part of a file as recorded in the journal.
public struct JournalPart: Codable, Hashable, Sendable {
    /// The byte range.
    public var part: FilePart
    /// The signed upload URL (a secret).
    public var url: String
    /// Whether the part was uploaded (HTTP 2xx received).
    public var uploaded: Bool
    /// The MD5 (lower-case hex) of the bytes sent, once uploaded; a resume compares it with the service's ETag.
    public var md5: String?

    /// Creates a journal part.
    public init(part: FilePart, url: String, uploaded: Bool = false, md5: String? = nil) {
        self.part = part
        self.url = url
        self.uploaded = uploaded
        self.md5 = md5
    }
}
