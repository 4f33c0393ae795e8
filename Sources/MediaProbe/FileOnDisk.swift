#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the file system says about a path before FFmpeg sees it: its size and its first bytes.
struct FileOnDisk {
    /// How many leading bytes are kept for sniffing (`ftyp`, EBML header, ZIP magic).
    static let prefixLength = 4096

    /// The file's size in bytes.
    let size: Int64
    /// Up to `prefixLength` bytes from the start of the file.
    let prefix: [UInt8]

    /// Checks that `path` names a readable, non-empty regular file and reads its first bytes.
    ///
    /// Readability is tested by opening the file, not by comparing permission bits, so the answer is right for the
    /// user running the probe (root can read a `chmod 000` file).
    init(path: String) throws(MediaProbeError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Self.error(path: path, errno: errno)
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw MediaProbeError(path: path, reason: .isDirectory) }
        guard type == S_IFREG else {
            // FIFOs, sockets and devices could block a read forever; the deadline cannot interrupt a blocked read().
            throw MediaProbeError(path: path, reason: .other(code: EINVAL, detail: "not a regular file"))
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.error(path: path, errno: errno) }
        defer { close(descriptor) }
        guard info.st_size > 0 else { throw MediaProbeError(path: path, reason: .empty) }

        var buffer = [UInt8](repeating: 0, count: Self.prefixLength)
        var filled = 0
        while filled < buffer.count {
            let count = buffer.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress.map { $0 + filled }, raw.count - filled, off_t(filled))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Self.error(path: path, errno: errno)
            }
            if count == 0 { break }
            filled += count
        }
        size = Int64(info.st_size)
        prefix = Array(buffer[0..<filled])
    }

    private static func error(path: String, errno code: Int32) -> MediaProbeError {
        switch code {
        case ENOENT, ENOTDIR: return MediaProbeError(path: path, reason: .notFound)
        case EACCES, EPERM: return MediaProbeError(path: path, reason: .permissionDenied)
        case EISDIR: return MediaProbeError(path: path, reason: .isDirectory)
        default: return MediaProbeError(path: path, reason: .other(code: code, detail: String(cString: strerror(code))))
        }
    }
}
