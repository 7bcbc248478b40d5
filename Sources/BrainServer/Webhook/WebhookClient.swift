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
            // Keyed by the host as the URL spells it (the client's key), and lower-cased in case it folds it.
            configuration.dnsOverride = Dictionary([(target.host, address), (target.host.lowercased(), address)]) { first, _ in first }
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let work = Task { try await send(client, target.url, headers: headers, body: body) }
        let finished = await Self.first(work, within: timeout)
        let outcome: (Int?, String?)
        switch finished {
        case .success(let status): outcome = (status, (200..<300).contains(status) ? nil : "HTTP \(status)")
        case .failure(let error): outcome = (nil, String(String(describing: error).prefix(300)))
        }
        // Always shut down (the client traps if dropped running). Past the deadline the post is cancelled and the
        // client shut down in the background: a receiver still dripping does not hold the delivery (shutting down
        // closes its connection).
        work.cancel()
        if case .failure(let error) = finished, error is Timeout {
            Task { try? await client.shutdown() }
        } else {
            try? await client.shutdown()
        }
        return outcome
    }

    private func send(_ client: HTTPClient, _ url: URL, headers: [(String, String)], body: Data) async throws -> Int {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        // The client's own deadline is only a backstop behind `withDeadline`'s, so a cut post says why the same way.
        let response = try await client.execute(request, deadline: .now() + timeAmount(timeout + .seconds(1)))
        // A little of the answer is read (a receiver may expect it to be); the rest is dropped with the connection.
        var read = 0
        for try await chunk in response.body {
            read += chunk.readableBytes
            if read >= bodyCap { break }
        }
        return Int(response.status.code)
    }

    /// The work's result, or `Timeout` when `limit` passes first; returns at the deadline without waiting for the work.
    static func first(_ work: Task<Int, any Error>, within limit: Duration) async -> Result<Int, any Error> {
        let once = ResumeOnce<Result<Int, any Error>>()
        return await withCheckedContinuation { continuation in
            once.set(continuation)
            // A sleeping task, not a dispatch timer: a timer fired on time while the receiver, in the same loaded
            // process, could not yet answer, so a post that would have succeeded timed out.
            let timer = Task {
                try? await Task.sleep(for: limit)
                once.resume(.failure(Timeout(limit: limit)))
            }
            Task {
                once.resume(await work.result)
                timer.cancel()
            }
        }
    }
}
