public import Preflight

/// One part to PUT: a byte range of a file and the signed URL it goes to.
public struct PartUploadTask: Hashable, Sendable {
    /// Index of the file among those being uploaded (for progress and journal bookkeeping).
    public var fileIndex: Int
    /// Path of the file.
    public var path: String
    /// What the file is for.
    public var role: Role
    /// The byte range.
    public var part: FilePart
    /// How many parts the file has (for messages).
    public var partCount: Int
    /// The signed upload URL; a secret, never shown whole.
    public var url: String
    /// The `Content-Type` the URL requires.
    public var contentType: String
    /// The file opened before lint; the part is read through it. Without one, `path` is opened for each attempt.
    public var file: PinnedFile?

    /// Creates a task.
    public init(fileIndex: Int, path: String, role: Role, part: FilePart, partCount: Int, url: String, contentType: String,
                file: PinnedFile? = nil) {
        self.fileIndex = fileIndex
        self.path = path
        self.role = role
        self.part = part
        self.partCount = partCount
        self.url = url
        self.contentType = contentType
        self.file = file
    }
}
