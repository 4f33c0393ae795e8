import NIOCore
import NIOHTTP1

/// Reads one connection's request parts in order, one request at a time.
///
/// Used by a single task only. The underlying async stream applies backpressure: while the emulator is
/// not asking for the next body chunk, NIO stops reading from the socket.
final class PartReader {
    /// The connection ended (or failed) before the request's end.
    struct Truncated: Error {}

    private var iterator: NIOAsyncChannelInboundStream<HTTPServerRequestPart>.AsyncIterator

    init(_ inbound: NIOAsyncChannelInboundStream<HTTPServerRequestPart>) {
        iterator = inbound.makeAsyncIterator()
    }

    /// The next request head; `nil` when the client closed the connection between requests.
    func nextHead() async throws -> HTTPRequestHead? {
        while let part = try await iterator.next() {
            if case .head(let head) = part { return head }
        }
        return nil
    }

    /// The next body chunk of the current request; `nil` at its end. Throws ``Truncated`` if the connection ends first.
    func nextChunk() async throws -> ByteBuffer? {
        while true {
            guard let part = try await iterator.next() else { throw Truncated() }
            switch part {
            case .body(let buffer): return buffer
            case .end: return nil
            case .head: throw Truncated()
            }
        }
    }

    /// Reads and discards the rest of the current request's body.
    func drain() async throws {
        while try await nextChunk() != nil {}
    }

    /// Reads the whole body into memory, up to `limit` bytes; `nil` if it is larger (the rest is drained).
    func collect(limit: Int, throttle: (Int) async throws -> Void = { _ in }) async throws -> [UInt8]? {
        var bytes: [UInt8] = []
        var tooLarge = false
        while let chunk = try await nextChunk() {
            try await throttle(chunk.readableBytes)
            if tooLarge { continue }
            if bytes.count + chunk.readableBytes > limit {
                tooLarge = true
                bytes = []
            } else {
                bytes.append(contentsOf: chunk.readableBytesView)
            }
        }
        return tooLarge ? nil : bytes
    }
}
