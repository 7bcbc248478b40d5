import Foundation
import AsyncHTTPClient
import NIOCore

/// One webhook post to the address that was checked (`WebhookAddress.Pinned`), within one deadline for all of it.
///
/// Pinning: async-http-client's `dnsOverride` maps the URL's host name to the checked address, so the connection goes
/// to exactly that address while the Host header, TLS SNI and the certificate check keep the host name; the client
/// never resolves the name itself (DNS rebinding). The override is a client's setting, so each post has its own
/// client, shut down after it (webhook posts are few; a pooled connection to an address checked earlier is never reused).
///
/// Deadline: connecting, sending and reading the answer share one `timeout`; a receiver that drips its answer a byte at
/// a time is cut at it. At most `bodyCap` bytes of the answer are read (only its status counts).
struct WebhookClient: Sendable {
    var timeout: Duration
    var bodyCap = 64 << 10

    struct Timeout: Error, CustomStringConvertible {
        var limit: Duration
        var description: String { "no complete answer within \(limit)" }
    }

    /// The HTTP status, and nil for the error when it was a 2xx.
    func post(_ target: WebhookAddress.Pinned, headers: [(String, String)], body: Data) async -> (Int?, String?) {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow,
                                                     timeout: .init(connect: timeAmount(timeout), read: timeAmount(timeout)))
        if let address = target.connectTo {
            configuration.dnsOverride = [target.host: address, target.host.lowercased(): address]
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let outcome: (Int?, String?)
        do {
            let status = try await withDeadline { try await send(client, target.url, headers: headers, body: body) }
            outcome = (status, (200..<300).contains(status) ? nil : "HTTP \(status)")
        } catch {
            outcome = (nil, String(String(describing: error).prefix(300)))
        }
        // Always shut down (the client traps if dropped running); the post has ended or been cancelled by now.
        try? await client.shutdown()
        return outcome
    }

    private func send(_ client: HTTPClient, _ url: URL, headers: [(String, String)], body: Data) async throws -> Int {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await client.execute(request, deadline: .now() + timeAmount(timeout))
        // A little of the answer is read (a receiver may expect it to be); the rest is dropped with the connection.
        var read = 0
        for try await chunk in response.body {
            read += chunk.readableBytes
            if read >= bodyCap { break }
        }
        return Int(response.status.code)
    }

    /// The work's result, or `Timeout` when `timeout` passes first (the work is then cancelled and waited for).
    private func withDeadline<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let limit = timeout
        return try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw Timeout(limit: limit)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw Timeout(limit: limit) }
            return first
        }
    }
}
