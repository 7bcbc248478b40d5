import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A bare TCP listener on 127.0.0.1 for the webhook client's tests: it counts the connections it accepts (a pinned
/// post must never reach it) and, dripping, answers any request with a 200 head promising 100 bytes and then sends one
/// byte a second — a receiver that would hold a post for 100 s.
final class WebhookRawListener: Sendable {
    private let channel: any Channel
    private let accepted: Counter

    final class Counter: Sendable {
        private let value = Mutex(0)
        func add() { value.withLock { $0 += 1 } }
        var count: Int { value.withLock { $0 } }
    }

    var port: Int { channel.localAddress?.port ?? 0 }
    var connections: Int { accepted.count }

    /// Listening once this returns (the bind has completed): tests wait on nothing else.
    static func start(drip: Bool) async throws -> WebhookRawListener {
        let accepted = Counter()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                accepted.add()
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Answer(drip: drip))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return WebhookRawListener(channel: channel, accepted: accepted)
    }

    private init(channel: any Channel, accepted: Counter) { (self.channel, self.accepted) = (channel, accepted) }

    func close() async { try? await channel.close() }

    /// Drips after the first bytes of a request (the head has arrived); otherwise only reads.
    private final class Answer: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let drip: Bool
        private var ticking: RepeatedTask?

        init(drip: Bool) { self.drip = drip }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard drip, ticking == nil else { return }
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n")), promise: nil)
            ticking = context.eventLoop.scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { _ in
                channel.writeAndFlush(ByteBuffer(string: "x"), promise: nil)
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            ticking?.cancel()
            context.fireChannelInactive()
        }
    }
}
