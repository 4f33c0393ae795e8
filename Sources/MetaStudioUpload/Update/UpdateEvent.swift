public import Preflight

/// Progress of an update, for displays.
public enum UpdateEvent: Sendable {
    /// A step began (`lint`, `show`, `update`, `upload`, `confirm`, `submit`), with a line for people.
    case step(name: String, message: String)
    /// The upload is about to start: per file, total and already-uploaded bytes.
    case uploadStarting([UploadFileStatus])
    /// Something happened in the upload.
    case upload(UploadEvent)
}

/// A file's size and what of it is already uploaded, when the upload starts.
public struct UploadFileStatus: Hashable, Sendable {
    /// What the file is for.
    public var role: Role
    /// Path.
    public var path: String
    /// Size in bytes.
    public var totalBytes: Int64
    /// Bytes already uploaded by an earlier run.
    public var uploadedBytes: Int64
}
