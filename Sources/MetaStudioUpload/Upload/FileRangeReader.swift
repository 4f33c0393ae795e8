import Foundation
import NIOCore

/// Reads one byte range of a file as a sequence of small buffers, so an upload body never holds more than one
/// chunk (1 MiB by default) of the file in memory.
///
/// Each iteration opens the file afresh (a retried part re-reads from its start) and closes it when the range is
/// exhausted or the iterator is dropped.
struct FileRangeReader: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    /// The largest chunk read at once.
    static let defaultChunkSize = 1024 * 1024

    let path: String
    let offset: Int64
    let length: Int64
    let chunkSize: Int
    /// Called with the size of each chunk just before it is handed to the HTTP client.
    let onChunk: @Sendable (Int) -> Void

    init(path: String, offset: Int64, length: Int64, chunkSize: Int = FileRangeReader.defaultChunkSize,
         onChunk: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.path = path
        self.offset = offset
        self.length = length
        self.chunkSize = Swift.max(1, Swift.min(chunkSize, Self.defaultChunkSize))
        self.onChunk = onChunk
    }

    func makeAsyncIterator() -> Iterator {
        Iterator(reader: self)
    }

    /// Pulls the next chunk on demand; the HTTP client asks for one only when it can write it.
    struct Iterator: AsyncIteratorProtocol {
        private let reader: FileRangeReader
        private var descriptor: FileDescriptorBox?
        private var position: Int64
        private var remaining: Int64
        private let allocator = ByteBufferAllocator()
        /// The chunk handed out last, kept to be refilled: once the HTTP client has written it and the caller has let
        /// go, this is its only reference and `clear()` reuses its storage instead of allocating a new chunk.
        private var lastChunk: ByteBuffer?

        init(reader: FileRangeReader) {
            self.reader = reader
            self.position = reader.offset
            self.remaining = reader.length
        }

        mutating func next() async throws -> ByteBuffer? {
            guard remaining > 0 else {
                descriptor = nil
                return nil
            }
            if descriptor == nil { descriptor = try FileDescriptorBox(path: reader.path) }
            guard let fd = descriptor?.fd else { return nil }
            let want = Int(Swift.min(Int64(reader.chunkSize), remaining))
            var buffer = lastChunk ?? allocator.buffer(capacity: reader.chunkSize)
            lastChunk = nil
            buffer.clear()
            var failure: Int32 = 0
            while buffer.readableBytes < want {
                let wantNow = want - buffer.readableBytes
                let readPosition = position + Int64(buffer.readableBytes)
                let count = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: wantNow) { raw -> Int in
                    guard let base = raw.baseAddress else { return 0 }
                    let result = pread(fd, base, wantNow, off_t(readPosition))
                    if result < 0 { failure = errno; return 0 }
                    return result
                }
                if failure == EINTR { failure = 0; continue }
                if failure != 0 {
                    throw FileRangeReaderError(path: reader.path, reason: String(cString: strerror(failure)))
                }
                if count == 0 {
                    throw FileRangeReaderError(path: reader.path, reason: "the file ended early (it shrank while being uploaded)")
                }
            }
            position += Int64(want)
            remaining -= Int64(want)
            if remaining == 0 { descriptor = nil }
            reader.onChunk(want)
            lastChunk = buffer
            return buffer
        }
    }
}

/// A read error while streaming a file; names the file.
struct FileRangeReaderError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "\(path): \(reason)" }
}

/// Owns a read-only file descriptor and closes it when released.
final class FileDescriptorBox: Sendable {
    let fd: Int32

    init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileRangeReaderError(path: path, reason: String(cString: strerror(errno))) }
        self.fd = fd
    }

    deinit { close(fd) }
}
