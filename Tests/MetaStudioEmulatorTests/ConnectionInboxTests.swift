import NIOConcurrencyHelpers
import Testing
@testable import MetaStudioEmulator

@Suite("Emulator: the connection inbox never drops a connection")
struct ConnectionInboxTests {
    @Test("connections come out in order; after finish the queue drains, then next() is nil; later ones are closed")
    func drainsThenCloses() async {
        let closed = NIOLockedValueBox<[Int]>([])
        let inbox = ConnectionInbox<Int>(close: { number in closed.withLockedValue { $0.append(number) } })
        inbox.deliver(1)
        inbox.deliver(2)
        #expect(await inbox.next() == 1)
        inbox.finish()
        inbox.deliver(3)
        #expect(await inbox.next() == 2)
        #expect(await inbox.next() == nil)
        #expect(closed.withLockedValue { $0 } == [3])
    }

    @Test("a waiting next() gets the next delivery, and a cancelled one still does: cancellation does not drop it")
    func cancellationDoesNotDrop() async {
        let inbox = ConnectionInbox<Int>(close: { _ in Issue.record("nothing should be closed") })
        let waiting = Task { await inbox.next() }
        waiting.cancel()
        inbox.deliver(7)
        #expect(await waiting.value == 7)
        let finished = Task { await inbox.next() }
        inbox.finish()
        #expect(await finished.value == nil)
    }
}
