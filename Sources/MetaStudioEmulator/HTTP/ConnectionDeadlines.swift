import NIOCore
import NIOHTTP1

/// Closes a connection that keeps the emulator waiting on its client:
/// - the header timeout: the first request head (request line and headers) must arrive within it, counted from the
///   connection's start;
/// - the idle timeout: while a request body is arriving, and between a response and the next request, the client
///   must not go quiet for longer. It is longer than HTTP clients' own idle timeouts (AsyncHTTPClient's is 60 s), so
///   a client closes an idle connection before the emulator does.
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
        // Between requests only the idle deadline runs: closing a kept-alive connection sooner races the client's
        // reuse of it (AsyncHTTPClient's pool was seen to trap when a 10 s header deadline closed one it was reusing).
        if case .end = unwrapOutboundIn(data) { armIdleDeadline(context) }
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
