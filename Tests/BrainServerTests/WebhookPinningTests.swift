import Foundation
import Synchronization
import Testing
@testable import BrainServer

/// A webhook post goes to exactly the address that was checked (DNS rebinding), host names resolve off the event loop,
/// and one deadline covers a whole attempt (a receiver dripping its answer is cut at it).
@Suite struct WebhookPinningTests {
    /// A resolver that answers `first` the first time it is asked and `later` after, and counts the questions.
    final class Rebinding: Sendable {
        let first: [UInt8], later: [UInt8]
        private let asked = Mutex(0)
        init(first: [UInt8], later: [UInt8]) { (self.first, self.later) = (first, later) }
        var questions: Int { asked.withLock { $0 } }
        func resolve(_ host: String) -> [[UInt8]] {
            asked.withLock { $0 += 1; return $0 == 1 ? [first] : [later] }
        }
    }

    static let headers = [("Content-Type", "application/json")]

    @Test func aNameThatRebindsToLoopbackAfterTheCheckIsNeverConnectedTo() async throws {
        let listener = try await WebhookRawListener.start(drip: false)
        // Public at the check (1.1.1.1), loopback for any later look-up: the one DNS rebinding relies on. The name is
        // `localhost`, which the system's own resolver answers with 127.0.0.1: a client that looked the name up again
        // would reach the listener.
        let dns = Rebinding(first: [1, 1, 1, 1], later: [127, 0, 0, 1])
        let address = WebhookAddress(allowedHosts: [], resolver: { dns.resolve($0) })
        let pinned = try await address.check("https://localhost:\(listener.port)/hook")
        #expect(pinned.connectTo == "1.1.1.1" && pinned.host == "localhost" && dns.questions == 1)
        let (status, error) = await WebhookClient(timeout: .seconds(1)).post(pinned, headers: Self.headers, body: Data("{}".utf8))
        #expect(status == nil && error != nil)
        // The client asked no one else: the loopback listener saw no connection and the resolver no second question.
        #expect(listener.connections == 0 && dns.questions == 1)
        // And a name whose every answer is inside is refused at the check.
        let inside = WebhookAddress(allowedHosts: [], resolver: { _ in [[127, 0, 0, 1]] })
        await #expect(throws: WebhookAddress.Refusal.privateAddress("rebind.test")) { try await inside.check("https://rebind.test/hook") }
        await listener.close()
    }

    @Test func thePostGoesToTheCheckedAddressUnderTheHostName() async throws {
        // "pinned.test" resolves nowhere but in the stub: a post that arrives was sent to the checked address.
        try await WebhookHTTPTests.withReceiver { port, receiver in
            let address = WebhookAddress(allowedHosts: ["pinned.test"], resolver: { _ in [[127, 0, 0, 1]] })
            let pinned = try await address.check("http://pinned.test:\(port)/pinned")
            #expect(pinned.connectTo == "127.0.0.1")
            let (status, error) = await WebhookClient(timeout: .seconds(60)).post(pinned, headers: Self.headers, body: Data("{}".utf8))
            #expect(status == 200 && error == nil)
            let post = try #require(await receiver.posts["pinned"]?.first)
            #expect(post.authority == "pinned.test:\(port)")
        }
    }

    @Test func aDrippingReceiverIsCutAtTheAttemptsDeadline() async throws {
        let listener = try await WebhookRawListener.start(drip: true)
        let target = WebhookAddress.Pinned(url: try #require(URL(string: "http://127.0.0.1:\(listener.port)/drip")), host: "127.0.0.1", connectTo: nil)
        let started = ContinuousClock.now
        let (status, error) = await WebhookClient(timeout: .seconds(2)).post(target, headers: Self.headers, body: Data("{}".utf8))
        let took = ContinuousClock.now - started
        // The answer's 100 bytes would take 100 s: the post ends at its 2 s deadline, not a 2 s gap between bytes.
        #expect(status == nil && error?.contains("within") == true, "\(String(describing: error))")
        // Cut by the deadline ("within" above), not by the drip ending, and not before the deadline. No upper bound on
        // `took`: on a machine busy with the whole suite this test's own task may resume late.
        #expect(took >= .milliseconds(1_900), "took \(took)")
        #expect(listener.connections == 1)
        await listener.close()
    }

    @Test func hostNamesResolveOffTheEventLoopWithinTheirTimeLimit() async throws {
        #expect(await WebhookAddress.resolveOffLoop("localhost", timeout: .seconds(5)).contains([127, 0, 0, 1]))
        #expect(await WebhookAddress.resolveOffLoop("name.invalid", timeout: .seconds(5)).isEmpty)
        #expect(WebhookAddress.text([127, 0, 0, 1]) == "127.0.0.1" && WebhookAddress.text(Array(repeating: 0, count: 15) + [1]) == "::1")
        #expect(WebhookAddress.literal("::1") == Array(repeating: 0, count: 15) + [1] && WebhookAddress.literal("rebind.test") == nil)
    }
}
