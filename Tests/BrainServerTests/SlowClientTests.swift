import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BrainServer
#if canImport(Glibc)
import Glibc
#endif

/// Clients that trickle a request (slowloris): a head or body sent a byte at a time is cut at its total deadline
/// although every byte comes well within the idle time-out, while a slow but steady upload is served.
@Suite struct SlowClientTests {
    /// Idle time-out 10 min (never reached here), head and body deadlines of 1 s. The upper bounds below are loose on
    /// purpose: they tell a 1 s deadline from the idle time-out, and a loaded machine may stall the server for seconds.
    static func withLiveServer(_ test: @escaping @Sendable (_ port: Int, _ client: any TestClientProtocol) async throws -> Void) async throws {
        var configuration = ServerFixture.configuration
        configuration.port = 0
        configuration.security.idleTimeout = .seconds(600)
        configuration.security.headTimeout = .seconds(1)
        configuration.security.bodyTimeout = .seconds(1)
        let app = try await buildApplication(store: try ServerFixture.store(), configuration: configuration)
        try await app.test(.live) { client in try await test(try #require(client.port), client) }
    }

    /// A whole request on a new connection is answered (the test client's own kept-alive connection has been closed
    /// by then: an idle kept-alive connection gets the head deadline too).
    static func expectServed(port: Int) async throws {
        let run = try await SlowSocket.trickle(port: port, prefix: Array("GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8),
                                               then: [], every: .milliseconds(100))
        #expect(run.response.hasPrefix("HTTP/1.1 200"), "\(run.response.prefix(60))")
    }

    @Test func aHeadTrickledAByteAtATimeIsCutAtItsDeadline() async throws {
        try await Self.withLiveServer { port, _ in
            let head = Array("GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 4_000)
            let run = try await SlowSocket.trickle(port: port, prefix: [], then: head, every: .milliseconds(100))
            #expect(run.closed, "the server should close a head still trickling after 1 s (sent \(run.sent) bytes in \(run.seconds) s)")
            // Cut by the head deadline (1 s), not by the idle time-out (10 min): the client kept sending to the end.
            #expect(run.seconds >= 0.9 && run.seconds < 60, "\(run.seconds) s")
            #expect(run.sent >= 5, "bytes kept coming: \(run.sent)")
            // The server still serves everyone else.
            try await Self.expectServed(port: port)
        }
    }

    @Test func aBodyTrickledAByteAtATimeIsCutAtItsDeadline() async throws {
        try await Self.withLiveServer { port, _ in
            let head = Array("POST /api/recommend/park HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n".utf8)
            let run = try await SlowSocket.trickle(port: port, prefix: head, then: [UInt8](repeating: UInt8(ascii: " "), count: 2_000),
                                                   every: .milliseconds(100))
            #expect(run.closed, "the server should close a body still trickling after 1 s (sent \(run.sent) bytes in \(run.seconds) s)")
            #expect(run.seconds >= 0.9 && run.seconds < 60, "\(run.seconds) s")
            try await Self.expectServed(port: port)
        }
    }

    /// 1,000 bytes every 100 ms earns 2 s of credit per chunk at the 500 bytes/s minimum: an upload that takes three
    /// times the 1 s body deadline is read to its end and answered.
    @Test func aSlowButSteadyBodyIsServed() async throws {
        try await Self.withLiveServer { port, _ in
            let body = "[" + String(repeating: " ", count: 29_998) + "]"
            let head = Array("POST /api/recommend/park HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n".utf8)
            let run = try await SlowSocket.trickle(port: port, prefix: head, then: Array(body.utf8), every: .milliseconds(100), chunk: 1_000)
            #expect(run.seconds >= 2.5, "the body took \(run.seconds) s")
            #expect(run.response.hasPrefix("HTTP/1.1 "), "the server answered: \(run.response.prefix(80))")
            #expect(!run.response.hasPrefix("HTTP/1.1 408"))
        }
    }
}

/// A client on a blocking socket, on a thread of its own (not one of the few the tests' tasks share).
enum SlowSocket {
    struct Run: Sendable {
        /// The server closed the connection before everything was sent and answered.
        var closed: Bool
        var sent: Int
        var seconds: Double
        /// What the server sent back (empty when it only closed).
        var response: String
    }

    /// Sends `prefix` at once, then `then` `chunk` bytes at a time, `every` apart (polling for the server's answer or
    /// close meanwhile) for up to 90 s; afterwards waits for the answer, up to 120 s in all.
    static func trickle(port: Int, prefix: [UInt8], then: [UInt8], every: Duration, chunk: Int = 1) async throws -> Run {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Run, any Error>) in
            Thread.detachNewThread { done.resume(with: Result { try run(port: port, prefix: prefix, then: then, every: every, chunk: chunk) }) }
        }
    }

    private static func run(port: Int, prefix: [UInt8], then: [UInt8], every: Duration, chunk: Int) throws -> Run {
        let fd = try ServerFixture.connectLoopback(port: port)
        defer { close(fd) }
        let started = ContinuousClock.now
        let pause = Int32(every.components.seconds * 1_000 + every.components.attoseconds / 1_000_000_000_000_000)
        var sent = 0, received: [UInt8] = []
        /// Waits up to `milliseconds` for the server; false once it has closed (or reset) the connection.
        func open(waiting milliseconds: Int32) -> Bool {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, milliseconds) > 0 else { return true }
            var buffer = [UInt8](repeating: 0, count: 4_096)
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 { received += buffer[..<count]; return true }
            return false
        }
        func send(_ bytes: ArraySlice<UInt8>) -> Bool {
            bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
        }
        var closed = !send(prefix[...])
        if !closed { sent += prefix.count }
        var offset = 0
        while !closed, offset < then.count, ContinuousClock.now - started < .seconds(90) {
            let piece = then[offset..<min(then.count, offset + chunk)]
            guard send(piece) else { closed = true; break }
            sent += piece.count
            offset += piece.count
            closed = !open(waiting: pause)
        }
        // Everything sent: wait for the answer (or the close) to come.
        while !closed, ContinuousClock.now - started < .seconds(120), !String(decoding: received, as: UTF8.self).contains("\r\n\r\n") {
            closed = !open(waiting: 200)
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Run(closed: closed && received.isEmpty, sent: sent, seconds: seconds, response: String(decoding: received, as: UTF8.self))
    }
}
