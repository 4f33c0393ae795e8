#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import Foundation
import MediaProbe
import MetaStudio

/// A file opened once for an update: it is linted, read part by part and checked again before the confirmation, all
/// through this one descriptor, so the bytes uploaded are the bytes linted.
///
/// - Replacing the path (a rename over it, a new file of the same name) changes nothing: the descriptor still reads
///   the file that was opened.
/// - Writing to the file in place moves its status-change time, which ``currentIdentity()`` reports; the workflow
///   refuses to confirm a file whose identity moved (`UpdateWorkflow.checkUnchanged`).
///
/// Opening does not follow a symbolic link in the last component, and does not block on a FIFO (it is opened
/// non-blocking, found not to be a regular file, and refused).
public final class PinnedFile: Sendable, Hashable {
    /// The path the user gave (absolute); what reports and messages name.
    public let path: String
    /// The open, read-only descriptor; closed when the pin is released.
    let descriptor: Int32
    /// The file's identity when it was opened (`fstat`), before anything read it.
    public let identity: FileIdentity

    /// Opens `path` and takes its identity. Blocking (an `open` and an `fstat`): call it on a thread pool.
    /// - Throws: ``UpdateError`` (`fileUnreadable`) naming the file: missing, unreadable, a symbolic link, a FIFO,
    ///   a folder or anything else that is not a regular file.
    public init(opening path: String) throws {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            let reason = code == ELOOP
                ? "a symbolic link, which an upload does not follow; give the file it points to"
                : String(cString: strerror(code))
            throw UpdateError.fileUnreadable(path: path, reason: reason)
        }
        let identity: FileIdentity
        do {
            let status: FileStatus
            do {
                status = try FileStatus(descriptor: fd)
            } catch {
                throw UpdateError.fileUnreadable(path: path, reason: error.description)
            }
            identity = try FileIdentity(status, path: path)
            // A regular file: reads may block from here on, as reads of regular files do.
            let flags = fcntl(fd, F_GETFL)
            if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        } catch {
            close(fd)
            throw error
        }
        self.path = path
        self.descriptor = fd
        self.identity = identity
    }

    /// A path that opens this very file again (the descriptor's alias in `/proc/self/fd` or `/dev/fd`), for readers
    /// that take a path, such as libavformat's file protocol. `nil` where the system has no such alias.
    public var aliasPath: String? {
        #if canImport(Darwin)
        let alias = "/dev/fd/\(descriptor)"
        #else
        let alias = "/proc/self/fd/\(descriptor)"
        #endif
        return access(alias, R_OK) == 0 ? alias : nil
    }

    /// The file's identity now (`fstat` of the descriptor). Blocking: call it on a thread pool.
    /// - Throws: ``UpdateError`` (`fileUnreadable`) when `fstat` fails.
    public func currentIdentity() throws -> FileIdentity {
        do {
            return try FileIdentity(try FileStatus(descriptor: descriptor), path: path)
        } catch let error as FileStatus.Failure {
            throw UpdateError.fileUnreadable(path: path, reason: error.description)
        }
    }

    /// The MD5 (lower-case hex) of one part's bytes, read through the descriptor. Blocking: call it on a thread pool.
    /// - Throws: ``UpdateError`` (`fileUnreadable`) when a read fails or the file ends before the part does.
    public func md5(of part: FilePart) throws -> String {
        var digest = Insecure.MD5()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var position = part.offset
        let end = part.offset + part.length
        while position < end {
            let want = Int(min(Int64(buffer.count), end - position))
            let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, want, off_t(position)) }
            if got < 0 {
                if errno == EINTR { continue }
                throw UpdateError.fileUnreadable(path: path, reason: String(cString: strerror(errno)))
            }
            guard got > 0 else { throw UpdateError.fileUnreadable(path: path, reason: "it ended inside part \(part.number)") }
            buffer.withUnsafeBytes { digest.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0.prefix(got))) }
            position += Int64(got)
        }
        return Signer.hex(digest.finalize())
    }

    deinit { close(descriptor) }

    public static func == (lhs: PinnedFile, rhs: PinnedFile) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
