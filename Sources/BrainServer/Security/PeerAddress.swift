import Hummingbird
import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// The client's address for per-address limits. The router's context does not carry it, so this channel handler
/// writes the connection's remote address into every request head as `X-Brain-Peer`, replacing any the client sent
/// (a client cannot choose the address it is counted under).
final class PeerAddress: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    static let header = HTTPField.Name("X-Brain-Peer")!

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else { return context.fireChannelRead(data) }
        head.headerFields[Self.header] = context.channel.remoteAddress?.ipAddress ?? "unknown"
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    /// The address a request came from: behind a trusted proxy the last `X-Forwarded-For` entry (the one the proxy
    /// added), otherwise the connection's.
    static func of(_ request: Request, trustProxy: Bool) -> String {
        if trustProxy, let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!],
           let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty {
            return String(last.prefix(64))
        }
        return String((request.headers[header] ?? "unknown").prefix(64))
    }
}
