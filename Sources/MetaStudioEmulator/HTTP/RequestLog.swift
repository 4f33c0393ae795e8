import Foundation

/// The list of requests the emulator handled, plus the configured observer.
final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [ReceivedRequest] = []
    private let observer: (@Sendable (ReceivedRequest) -> Void)?

    init(observer: (@Sendable (ReceivedRequest) -> Void)?) { self.observer = observer }

    func record(_ request: ReceivedRequest) {
        lock.withLock { entries.append(request) }
        observer?(request)
    }

    var all: [ReceivedRequest] { lock.withLock { entries } }
}

/// A value guarded by a lock.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
