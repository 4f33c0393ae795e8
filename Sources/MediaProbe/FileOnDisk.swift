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

    /// Checks that `path` names a readable, non-empty regular file (``FileStatus/readableRegularFile(_:)``) and
    /// reads its first bytes.
    init(path: String) throws(MediaProbeError) {
        let status = try FileStatus.readableRegularFile(path)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw MediaProbeError(path: path, errno: errno) }
        defer { close(descriptor) }

        var buffer = [UInt8](repeating: 0, count: Self.prefixLength)
        var filled = 0
        while filled < buffer.count {
            let count = buffer.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress.map { $0 + filled }, raw.count - filled, off_t(filled))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw MediaProbeError(path: path, errno: errno)
            }
            if count == 0 { break }
            filled += count
        }
        size = status.size
        prefix = Array(buffer[0..<filled])
    }
}
