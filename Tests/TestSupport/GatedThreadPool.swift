import Foundation
import NIOConcurrencyHelpers
public import NIOPosix

/// A started thread pool of one thread, held by a first job until ``open()``: work given to the pool cannot start
/// before the test says so, which shows whether code really waits for the pool rather than running where it is called.
public final class GatedThreadPool: Sendable {
    /// The pool; jobs submitted to it queue behind the gate.
    public let pool: NIOThreadPool
    private let readEnd: Int32
    private let writeEnd: Int32

    /// Starts the pool and queues the gate job first (synchronously, so it is ahead of anything submitted later).
    public init() throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw TestSupportError("pipe() failed: \(String(cString: strerror(errno)))") }
        (readEnd, writeEnd) = (ends[0], ends[1])
        pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let gate = readEnd
        pool.submit { _ in
            var byte: UInt8 = 0
            _ = read(gate, &byte, 1)
        }
    }

    /// Lets the pool's thread go on to the queued work.
    public func open() {
        _ = write(writeEnd, "x", 1)
    }

    /// Opens the gate if it is still shut, stops the pool and closes the pipe.
    public func shutdown() async throws {
        open()
        try await pool.shutdownGracefully()
        close(readEnd)
        close(writeEnd)
    }
}

/// Records events in the order they happen, from any task.
public actor EventLog {
    /// What happened, in order.
    public private(set) var events: [String] = []

    /// An empty log.
    public init() {}

    /// Appends one event.
    public func record(_ event: String) { events.append(event) }
}

/// A flag that exactly one caller can claim, from any thread (for "do this once, the first time" in callbacks).
public final class OnceFlag: Sendable {
    private let claimed = NIOLockedValueBox(false)

    public init() {}

    /// `true` for the first caller only.
    public func claim() -> Bool {
        claimed.withLockedValue { value in
            defer { value = true }
            return !value
        }
    }
}
