import AsyncHTTPClient
import Crypto
import Foundation
import MetaStudio
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// Streams one byte range of a file into an upload body, a chunk at a time, so a part never holds more than one
/// chunk (1 MiB at most) of the file in memory.
///
/// The file is opened and read on a thread pool (`pread` blocks), and each chunk is written from the event loop the
/// body belongs to; the next read starts only when the previous chunk's write has completed. Nothing here runs on
/// Swift's cooperative pool, and no event loop waits for the disk. A pinned file is read through its descriptor (the
/// bytes that were linted); without one, each call to ``stream(into:on:)`` opens the path afresh. Either way a retried
/// part re-reads from its start. The MD5 of the bytes read is kept in ``digest``, to compare with the ETag.
struct FileRangeReader: Sendable {
    /// The largest chunk read at once.
    static let defaultChunkSize = 1024 * 1024

    let path: String
    /// The file opened before lint, if there is one; it is read instead of opening `path`.
    let file: PinnedFile?
    let offset: Int64
    let length: Int64
    let chunkSize: Int
    /// Where the file is opened and read.
    let threadPool: NIOThreadPool
    /// Called with the size of each chunk just before it is handed to the HTTP client.
    let onChunk: @Sendable (Int) -> Void
    /// The MD5 of every byte read so far, in order.
    let digest = RunningMD5()

    init(path: String, file: PinnedFile? = nil, offset: Int64, length: Int64,
         chunkSize: Int = FileRangeReader.defaultChunkSize, threadPool: NIOThreadPool = .singleton,
         onChunk: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.path = path
        self.file = file
        self.offset = offset
        self.length = length
        self.chunkSize = Swift.max(1, Swift.min(chunkSize, Self.defaultChunkSize))
        self.threadPool = threadPool
        self.onChunk = onChunk
    }

    /// Writes the range into `writer`; the future completes on `eventLoop` once the last chunk is written, or fails
    /// with a ``FileRangeReaderError`` naming the file (unreadable, shrunk, or the thread pool stopped).
    func stream(into writer: HTTPClient.Body.StreamWriter, on eventLoop: any EventLoop) -> EventLoopFuture<Void> {
        let path = self.path, pinned = self.file
        return onPool(eventLoop) { () throws -> PinnedFile in
            if let pinned { return pinned }
            do {
                return try PinnedFile(opening: path)
            } catch {
                throw FileRangeReaderError(path: path, reason: "cannot be opened (\(error))")
            }
        }
            .flatMap { file in self.streamChunks(from: file, at: self.offset, remaining: self.length,
                                                       reusing: nil, into: writer, on: eventLoop) }
    }

    /// Reads the chunk at `position` on the pool, writes it, then goes on with the rest; an empty range completes.
    ///
    /// `previous` is the chunk written last: once its write has completed it is normally referenced only here, so the
    /// next read refills its storage instead of allocating a new chunk.
    private func streamChunks(from file: PinnedFile, at position: Int64, remaining: Int64,
                              reusing previous: ByteBuffer?, into writer: HTTPClient.Body.StreamWriter,
                              on eventLoop: any EventLoop) -> EventLoopFuture<Void> {
        guard remaining > 0 else { return eventLoop.makeSucceededVoidFuture() }
        let count = Int(Swift.min(Int64(chunkSize), remaining))
        let path = self.path, capacity = chunkSize, digest = self.digest
        return onPool(eventLoop) { () throws -> ByteBuffer in
            var buffer = previous ?? ByteBufferAllocator().buffer(capacity: capacity)
            buffer.clear()
            try Self.read(file.descriptor, path: path, count: count, at: position, into: &buffer)
            digest.update(buffer)
            return buffer
        }
        .flatMap { chunk in
            self.onChunk(count)
            return writer.write(.byteBuffer(chunk)).map { chunk }
        }
        .flatMap { written in
            self.streamChunks(from: file, at: position + Int64(count), remaining: remaining - Int64(count),
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

/// An MD5 fed chunk by chunk from the reading threads.
final class RunningMD5: Sendable {
    private let state = NIOLockedValueBox(Insecure.MD5())

    func update(_ buffer: ByteBuffer) {
        buffer.withUnsafeReadableBytes { bytes in state.withLockedValue { $0.update(bufferPointer: bytes) } }
    }

    /// Lower-case hex of the digest of everything fed so far.
    var hex: String {
        Signer.hex(state.withLockedValue { $0 }.finalize())
    }
}
