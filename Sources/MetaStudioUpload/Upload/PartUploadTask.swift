package import Preflight

/// One part to PUT: a byte range of a file and the signed URL it goes to. The workflows make these from their plans
/// with the memberwise initialiser, which stays internal to this module.
package struct PartUploadTask: Hashable, Sendable {
    /// Index of the file among those being uploaded (for progress and journal bookkeeping).
    package var fileIndex: Int
    /// Path of the file.
    package var path: String
    /// What the file is for.
    package var role: Role
    /// The byte range.
    package var part: FilePart
    /// How many parts the file has (for messages).
    package var partCount: Int
    /// The signed upload URL; a secret, never shown whole.
    package var url: String
    /// The `Content-Type` the URL requires.
    package var contentType: String
    /// The file opened before lint; the part is read through it. Without one, `path` is opened for each attempt.
    package var file: PinnedFile?
}
