import Logging
import NIOCore
import NIOHTTPTypes

/// Total deadlines for reading a request (issue 14, slowloris). The idle time-out alone is renewed by every part the
/// decoder passes on, so a client trickling a body a byte every few seconds held its connection for ever; and a request
/// head should not get the whole idle time either. Here:
/// - a request head must be complete within `head` of the connection opening or of the previous response's end (so a
///   kept-alive connection's next request too);
/// - a body gets `bodyInitial`, extended by one second for every `bodyBytesPerSecond` bytes that arrive (a slow but
///   real upload keeps going), and never more than `bodyMaximum` in all (as Apache's mod_reqtimeout `MinRate`).
/// A request that misses its deadline has its connection closed. The time the server spends answering is not counted.
final class RequestDeadlines: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    struct Limits: Sendable {
        var head: TimeAmount
        var bodyInitial: TimeAmount
        var bodyBytesPerSecond: Int
        var bodyMaximum: TimeAmount
    }

    private let limits: Limits
    private let logger: Logger
    private var deadline: NIODeadline?
    private var timer: Scheduled<Void>?
    private var readingBody = false
    private var bodyStarted = NIODeadline.now()
    /// Requests whose head has been read and whose response has not been written to its end.
    private var unanswered = 0

    init(_ limits: Limits, logger: Logger) {
        self.limits = limits
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { startHeadClock(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) { stop() }

    func channelActive(context: ChannelHandlerContext) {
        if deadline == nil { startHeadClock(context) }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            unanswered += 1
            readingBody = true
            bodyStarted = .now()
            set(bodyStarted + limits.bodyInitial, context)
        case .body(let bytes):
            // Credit for what arrived, in nanoseconds (Int64: a buffer of gigabytes at one byte a second still fits).
            let credit = TimeAmount.nanoseconds(Int64(bytes.readableBytes) * 1_000_000_000 / Int64(max(1, limits.bodyBytesPerSecond)))
            if let current = deadline { deadline = min(current + credit, bodyStarted + limits.bodyMaximum) }
        case .end:
            readingBody = false
            if unanswered == 0 { startHeadClock(context) } else { stop() }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            unanswered = max(0, unanswered - 1)
            if unanswered == 0, !readingBody { startHeadClock(context) }
        }
        context.write(data, promise: promise)
    }

    private func startHeadClock(_ context: ChannelHandlerContext) { set(.now() + limits.head, context) }

    /// Moves the deadline; the timer is only rescheduled when it would fire too late (a body's credit moves the
    /// deadline later with every chunk, and the timer then simply looks again when it fires).
    private func set(_ newDeadline: NIODeadline, _ context: ChannelHandlerContext) {
        let earlier = deadline.map { newDeadline < $0 } ?? true
        deadline = newDeadline
        if timer == nil || earlier { schedule(newDeadline, context) }
    }

    private func schedule(_ at: NIODeadline, _ context: ChannelHandlerContext) {
        timer?.cancel()
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: at) { [self] in
            timer = nil
            guard let deadline else { return }
            if NIODeadline.now() >= deadline {
                logger.info("closing a connection whose request \(readingBody ? "body" : "head") missed its deadline",
                            metadata: ["remote": "\(context.channel.remoteAddress.map { "\($0)" } ?? "?")"])
                stop()
                context.close(promise: nil)
            } else {
                schedule(deadline, context)
            }
        }
    }

    private func stop() {
        timer?.cancel()
        timer = nil
        deadline = nil
    }
}
