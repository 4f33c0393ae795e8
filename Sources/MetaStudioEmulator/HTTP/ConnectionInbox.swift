import NIOConcurrencyHelpers

/// Hands accepted connections from the listener's child-channel initializer to the serving loop, and never drops one.
///
/// A connection wrapped in `NIOAsyncChannel` must be finished (`executeThenClose`) by whoever holds it; one that is
/// dropped unserved traps in its writer's `deinit`. NIO's async `bind` yields new connections into the listener's
/// inbound stream, which drops what it still buffers when the serving task is cancelled or the listener closes while
/// a connection is being set up (swift-nio#2637). This queue has neither hazard:
/// - ``next()`` does not end on cancellation: the loop stops only after ``finish()`` and after taking every queued
///   connection, so each one is served (a cancelled serving task serves it by closing it at once);
/// - a connection delivered after ``finish()`` is closed through `close` instead of being dropped.
final class ConnectionInbox<Connection: Sendable>: Sendable {
    private struct State {
        var queue: [Connection] = []
        var head = 0
        var waiter: CheckedContinuation<Connection?, Never>?
        var finished = false
    }

    private enum Action { case resume(CheckedContinuation<Connection?, Never>), close, none }

    private let state = NIOLockedValueBox(State())
    private let close: @Sendable (Connection) -> Void

    /// - Parameter close: ends a connection that arrived after ``finish()`` (it must finish the channel's writer).
    init(close: @escaping @Sendable (Connection) -> Void) {
        self.close = close
    }

    /// Queues a new connection for the serving loop (or closes it when the inbox is finished).
    func deliver(_ connection: Connection) {
        let action = state.withLockedValue { state -> Action in
            if state.finished { return .close }
            if let waiter = state.waiter {
                state.waiter = nil
                return .resume(waiter)
            }
            state.queue.append(connection)
            return .none
        }
        switch action {
        case .resume(let waiter): waiter.resume(returning: connection)
        case .close: close(connection)
        case .none: break
        }
    }

    /// No more connections will be queued (the listener has closed); ``next()`` returns nil once the queue is empty.
    func finish() {
        let waiter = state.withLockedValue { state -> CheckedContinuation<Connection?, Never>? in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }

    /// The next queued connection, waiting for one if need be; nil after ``finish()`` once the queue is empty.
    func next() async -> Connection? {
        if let ready = takeQueued() { return ready }
        return await withCheckedContinuation { (continuation: CheckedContinuation<Connection?, Never>) in
            let immediate = state.withLockedValue { state -> Connection?? in
                if state.head < state.queue.count { return .some(Self.pop(&state)) }
                if state.finished { return .some(nil) }
                state.waiter = continuation
                return .none
            }
            if let immediate { continuation.resume(returning: immediate) }
        }
    }

    private func takeQueued() -> Connection? {
        state.withLockedValue { state in state.head < state.queue.count ? Self.pop(&state) : nil }
    }

    private static func pop(_ state: inout State) -> Connection {
        let connection = state.queue[state.head]
        state.head += 1
        if state.head == state.queue.count {
            state.queue.removeAll(keepingCapacity: true)
            state.head = 0
        }
        return connection
    }
}
