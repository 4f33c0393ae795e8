import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// Streams one byte range of a file into an upload body, a chunk at a time, so a part never holds more than one
/// chunk (1 MiB at most) of the file in memory.
///
/// The file is opened and read on a thread pool (`pread` blocks), and each chunk is written from the event loop the
/// body belongs to; the next read starts only when the previous chunk's write has completed. Nothing here runs on
/// Swift's cooperative pool, and no event loop waits for the disk. Each call to ``stream(into:on:)`` opens the file
/// afresh, so a retried part re-reads from its start.
struct FileRangeReader: Sendable {
    /// The largest chunk read at once.
    static let defaultChunkSize = 1024 * 1024

    let path: String
    let offset: Int64
    let length: Int64
    let chunkSize: Int
    /// Where the file is opened and read.
    let threadPool: NIOThreadPool
    /// Called with the size of each chunk just before it is handed to the HTTP client.
    let onChunk: @Sendable (Int) -> Void

    init(path: String, offset: Int64, length: Int64, chunkSize: Int = FileRangeReader.defaultChunkSize,
         threadPool: NIOThreadPool = .singleton, onChunk: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.path = path
        self.offset = offset
        self.length = length
        self.chunkSize = Swift.max(1, Swift.min(chunkSize, Self.defaultChunkSize))
        self.threadPool = threadPool
        self.onChunk = onChunk
    }

    /// Writes the range into `writer`; the future completes on `eventLoop` once the last chunk is written, or fails
    /// with a ``FileRangeReaderError`` naming the file (unreadable, shrunk, or the thread pool stopped).
    func stream(into writer: HTTPClient.Body.StreamWriter, on eventLoop: any EventLoop) -> EventLoopFuture<Void> {
        let path = self.path
        return onPool(eventLoop) { try FileDescriptorBox(path: path) }
            .flatMap { descriptor in self.streamChunks(from: descriptor, at: self.offset, remaining: self.length,
                                                       reusing: nil, into: writer, on: eventLoop) }
    }

    /// Reads the chunk at `position` on the pool, writes it, then goes on with the rest; an empty range completes.
    ///
    /// `previous` is the chunk written last: once its write has completed it is normally referenced only here, so the
    /// next read refills its storage instead of allocating a new chunk.
    private func streamChunks(from descriptor: FileDescriptorBox, at position: Int64, remaining: Int64,
                              reusing previous: ByteBuffer?, into writer: HTTPClient.Body.StreamWriter,
                              on eventLoop: any EventLoop) -> EventLoopFuture<Void> {
        guard remaining > 0 else { return eventLoop.makeSucceededVoidFuture() }
        let count = Int(Swift.min(Int64(chunkSize), remaining))
        let path = self.path, capacity = chunkSize
        return onPool(eventLoop) { () throws -> ByteBuffer in
            var buffer = previous ?? ByteBufferAllocator().buffer(capacity: capacity)
            buffer.clear()
            try Self.read(descriptor.fd, path: path, count: count, at: position, into: &buffer)
            return buffer
        }
        .flatMap { chunk in
            self.onChunk(count)
            return writer.write(.byteBuffer(chunk)).map { chunk }
        }
        .flatMap { written in
            self.streamChunks(from: descriptor, at: position + Int64(count), remaining: remaining - Int64(count),
                              reusing: written, into: writer, on: eventLoop)
        }
    }

    /// Runs blocking file work on the thread pool; a stopped pool becomes an error that names the file.
    private func onPool<Value: Sendable>(_ eventLoop: any EventLoop,
                                         _ work: @escaping @Sendable () throws -> Value) -> EventLoopFuture<Value> {
        let path = self.path
        return threadPool.runIfActive(eventLoop: eventLoop, work).flatMapErrorThrowing { error in
            if error is FileRangeReaderError { throw error }
            throw FileRangeReaderError(path: path, reason: "the file could not be read: the reading thread pool is stopped")
        }
    }

    /// Appends exactly `count` bytes read at `offset` with `pread` to `buffer`, retrying short reads and EINTR.
    /// Blocking: pool only.
    private static func read(_ fd: Int32, path: String, count: Int, at offset: Int64, into buffer: inout ByteBuffer) throws {
        var failure: Int32 = 0
        while buffer.readableBytes < count {
            let wantNow = count - buffer.readableBytes
            let readPosition = offset + Int64(buffer.readableBytes)
            let got = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: wantNow) { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                let result = pread(fd, base, wantNow, off_t(readPosition))
                if result < 0 { failure = errno; return 0 }
                return result
            }
            if failure == EINTR { failure = 0; continue }
            if failure != 0 { throw FileRangeReaderError(path: path, reason: String(cString: strerror(failure))) }
            if got == 0 {
                throw FileRangeReaderError(path: path, reason: "the file ended early (it shrank while being uploaded)")
            }
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
