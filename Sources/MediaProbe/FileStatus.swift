#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
// The C structs (`timespec`) can be attributed to the FFmpeg module map that includes the same headers first.
import CFFmpeg

/// What `stat(2)` says about a path (symbolic links followed), or `fstat(2)` about an open file: the one wrapper of
/// them in the package, used by the probe, the lint of non-media files and the upload's file identities.
package struct FileStatus: Sendable, Equatable {
    /// What kind of file the path names.
    package enum Kind: Sendable, Equatable {
        case regular
        case directory
        /// A FIFO, socket, device or anything else a read could block on.
        case other
    }

    /// Why `stat(2)` failed: its `errno`.
    package struct Failure: Error, Sendable, CustomStringConvertible {
        /// The `errno` value.
        package let code: Int32
        package var description: String { String(cString: strerror(code)) }
    }

    package let kind: Kind
    /// Size in bytes.
    package let size: Int64
    /// Modification time: whole seconds since 1970 and the nanoseconds part.
    package let modifiedSeconds: Int64
    package let modifiedNanoseconds: Int64
    /// The inode number (changes when the file is replaced by another one).
    package let inode: UInt64
    /// Status-change time (`st_ctim`): whole seconds and nanoseconds. Any write, truncation, rename or `chmod` moves
    /// it, and unlike the modification time no user call can set it back (`touch -r` cannot hide an edit).
    package let changedSeconds: Int64
    package let changedNanoseconds: Int64
    /// The device the file lives on (an inode number is unique only within one device).
    package let device: UInt64
    /// The owner's user id.
    package let owner: UInt32
    /// The permission bits (`st_mode & 07777`), e.g. `0o600`.
    package let permissions: UInt32

    /// Reads the status of `path`.
    package init(path: String) throws(Failure) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Failure(code: errno) }
        self.init(info)
    }

    /// Reads the status of an open file (`fstat(2)`): the file itself, whatever its path names by now.
    package init(descriptor: Int32) throws(Failure) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Failure(code: errno) }
        self.init(info)
    }

    private init(_ info: stat) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        default: kind = .other
        }
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modifiedSeconds = Int64(info.st_mtimespec.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtimespec.tv_nsec)
        changedSeconds = Int64(info.st_ctimespec.tv_sec)
        changedNanoseconds = Int64(info.st_ctimespec.tv_nsec)
        #else
        modifiedSeconds = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
        changedSeconds = Int64(info.st_ctim.tv_sec)
        changedNanoseconds = Int64(info.st_ctim.tv_nsec)
        #endif
        inode = UInt64(info.st_ino)
        device = UInt64(info.st_dev)
        owner = UInt32(info.st_uid)
        permissions = UInt32(info.st_mode) & 0o7777
    }

    /// The status of a readable, non-empty regular file, or why `path` is not one.
    ///
    /// Readability is tested by opening the file, not by comparing permission bits, so the answer is right for the
    /// user asking (root can read a `chmod 000` file). FIFOs, sockets and devices are refused: a read of one could
    /// block forever.
    package static func readableRegularFile(_ path: String) throws(MediaProbeError) -> FileStatus {
        let status: FileStatus
        do {
            status = try FileStatus(path: path)
        } catch {
            throw MediaProbeError(path: path, errno: error.code)
        }
        switch status.kind {
        case .regular: break
        case .directory: throw MediaProbeError(path: path, reason: .isDirectory)
        case .other: throw MediaProbeError(path: path, reason: .other(code: EINVAL, detail: "not a regular file"))
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw MediaProbeError(path: path, errno: errno) }
        close(descriptor)
        guard status.size > 0 else { throw MediaProbeError(path: path, reason: .empty) }
        return status
    }
}

extension MediaProbeError {
    /// The error for a failed system call on `path`, by its `errno`.
    package init(path: String, errno code: Int32) {
        switch code {
        case ENOENT, ENOTDIR: self.init(path: path, reason: .notFound)
        case EACCES, EPERM: self.init(path: path, reason: .permissionDenied)
        case EISDIR: self.init(path: path, reason: .isDirectory)
        default: self.init(path: path, reason: .other(code: code, detail: String(cString: strerror(code))))
        }
    }
}
