import NIOConcurrencyHelpers

/// The list of requests the emulator handled, plus the configured observer.
final class RequestLog: Sendable {
    private let entries = NIOLockedValueBox<[ReceivedRequest]>([])
    private let observer: (@Sendable (ReceivedRequest) -> Void)?

    init(observer: (@Sendable (ReceivedRequest) -> Void)?) { self.observer = observer }

    func record(_ request: ReceivedRequest) {
        entries.withLockedValue { $0.append(request) }
        observer?(request)
    }

    var all: [ReceivedRequest] { entries.withLockedValue { $0 } }
}
