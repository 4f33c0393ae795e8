import MediaProbe

/// A cheap fingerprint of a file on disk: size and modification time (nanoseconds) and inode.
public struct FileIdentity: Codable, Hashable, Sendable {
    /// Size in bytes.
    public var size: Int64
    /// Modification time, whole seconds since 1970.
    public var modifiedSeconds: Int64
    /// Modification time, nanoseconds part.
    public var modifiedNanoseconds: Int64
    /// The inode number (changes when the file is replaced by another one).
    public var inode: UInt64

    /// Reads the identity of the file at `path`.
    /// - Throws: ``UpdateError`` (`fileUnreadable`) when the file cannot be stat'ed or is not a regular file.
    public init(path: String) throws {
        let status: FileStatus
        do {
            status = try FileStatus(path: path)
        } catch {
            throw UpdateError.fileUnreadable(path: path, reason: error.description)
        }
        guard status.kind == .regular else {
            throw UpdateError.fileUnreadable(path: path, reason: "not a regular file")
        }
        size = status.size
        modifiedSeconds = status.modifiedSeconds
        modifiedNanoseconds = status.modifiedNanoseconds
        inode = status.inode
    }

    /// Creates an identity from its parts (for tests).
    public init(size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64, inode: UInt64) {
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
    }
}
