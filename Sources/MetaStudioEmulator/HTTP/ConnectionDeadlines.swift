import NIOCore
import NIOHTTP1

/// Closes a connection that keeps the emulator waiting on its client:
/// - the header timeout: a request head (request line and headers) must arrive within it, counted from the
///   connection's start and from the end of each response;
/// - the idle timeout: while a request body is arriving, and between a response and the next request, the client
///   must not go quiet for longer.
///
/// While the emulator itself is working on a request (all of it read, the answer not yet written) no deadline runs,
/// so a slow answer is never cut short. Sits after the HTTP codec, so it sees parsed request parts and whole responses.
/// Without it, 300 half-sent requests kept 300 connections (and their tasks) open for as long as their clients liked.
final class ConnectionDeadlines: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let idleTimeout: TimeAmount
    private let headerTimeout: TimeAmount
    private var headerDeadline: Scheduled<Void>?
    private var idleDeadline: Scheduled<Void>?

    init(idleTimeout: Duration, headerTimeout: Duration) {
        self.idleTimeout = TimeAmount(idleTimeout)
        self.headerTimeout = TimeAmount(headerTimeout)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { armHeaderDeadline(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        armHeaderDeadline(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            headerDeadline?.cancel()
            headerDeadline = nil
            armIdleDeadline(context)
        case .body:
            armIdleDeadline(context)
        case .end:
            // The request is in: the emulator works on it, and no deadline runs until the answer is written.
            idleDeadline?.cancel()
            idleDeadline = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            armHeaderDeadline(context)
            armIdleDeadline(context)
        }
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        headerDeadline?.cancel()
        idleDeadline?.cancel()
        context.fireChannelInactive()
    }

    private func armHeaderDeadline(_ context: ChannelHandlerContext) {
        headerDeadline?.cancel()
        let channel = context.channel
        headerDeadline = context.eventLoop.scheduleTask(in: headerTimeout) { channel.close(promise: nil) }
    }

    private func armIdleDeadline(_ context: ChannelHandlerContext) {
        idleDeadline?.cancel()
        let channel = context.channel
        idleDeadline = context.eventLoop.scheduleTask(in: idleTimeout) { channel.close(promise: nil) }
    }
}
