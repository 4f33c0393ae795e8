import MediaProbe

/// A cheap fingerprint of a file on disk: size, modification and status-change times (nanoseconds), inode and device.
///
/// Two identities are equal only if the file was neither replaced (inode, device) nor written to (size, times). The
/// status-change time is what catches an in-place edit whose modification time was set back (`touch -r`).
public struct FileIdentity: Codable, Hashable, Sendable {
    /// Size in bytes.
    public var size: Int64
    /// Modification time, whole seconds since 1970.
    public var modifiedSeconds: Int64
    /// Modification time, nanoseconds part.
    public var modifiedNanoseconds: Int64
    /// The inode number (changes when the file is replaced by another one).
    public var inode: UInt64
    /// Status-change time, whole seconds since 1970 (moves on every write; cannot be set back).
    public var changedSeconds: Int64
    /// Status-change time, nanoseconds part.
    public var changedNanoseconds: Int64
    /// The device holding the file.
    public var device: UInt64

    /// Reads the identity of the file at `path` (symbolic links followed).
    /// - Throws: ``UpdateError`` (`fileUnreadable`) when the file cannot be stat'ed or is not a regular file.
    public init(path: String) throws {
        let status: FileStatus
        do {
            status = try FileStatus(path: path)
        } catch {
            throw UpdateError.fileUnreadable(path: path, reason: error.description)
        }
        try self.init(status, path: path)
    }

    /// The identity of what `status` describes; `path` names the file in the error.
    init(_ status: FileStatus, path: String) throws {
        guard status.kind == .regular else {
            throw UpdateError.fileUnreadable(path: path, reason: "not a regular file")
        }
        size = status.size
        modifiedSeconds = status.modifiedSeconds
        modifiedNanoseconds = status.modifiedNanoseconds
        inode = status.inode
        changedSeconds = status.changedSeconds
        changedNanoseconds = status.changedNanoseconds
        device = status.device
    }

    /// Creates an identity from its parts (for tests).
    public init(size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64, inode: UInt64,
                changedSeconds: Int64 = 0, changedNanoseconds: Int64 = 0, device: UInt64 = 0) {
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
        self.changedSeconds = changedSeconds
        self.changedNanoseconds = changedNanoseconds
        self.device = device
    }

    /// What differs between `self` (the earlier identity) and `later`, in words, e.g. "size 100 → 90 bytes".
    public func differences(to later: FileIdentity) -> [String] {
        var changes: [String] = []
        if size != later.size { changes.append("size \(size) → \(later.size) bytes") }
        if modifiedSeconds != later.modifiedSeconds || modifiedNanoseconds != later.modifiedNanoseconds {
            changes.append("modification time")
        }
        if changedSeconds != later.changedSeconds || changedNanoseconds != later.changedNanoseconds {
            changes.append("status-change time (written to, truncated, renamed over or re-permissioned)")
        }
        if inode != later.inode || device != later.device { changes.append("inode (the file was replaced)") }
        return changes
    }
}
