import Crypto
import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import BrainServer
import BrainModel
import BrainStore

/// Organisations' alert webhooks against a real receiver (a Hummingbird app on a free port): each organisation gets
/// only its own alerts, signed with its own secret; a receiver's 500 is tried again and the log says so; /admin/webhook
/// refuses addresses inside the network and keeps the secret out of pages and the audit trail.
@Suite struct WebhookHTTPTests {
    /// What the receiver was sent, by path; each path answers 500 to its first `failures[path]` posts.
    actor Receiver {
        struct Post: Sendable { var headers: HTTPFields; var body: Data; var authority: String? = nil }
        private(set) var posts: [String: [Post]] = [:]
        private var failures: [String: Int]

        init(failures: [String: Int]) { self.failures = failures }

        func record(_ path: String, _ post: Post) -> HTTPResponse.Status {
            posts[path, default: []].append(post)
            guard let left = failures[path], left > 0 else { return .ok }
            failures[path] = left - 1
            return .internalServerError
        }
    }

    /// `answering` runs on each post after it is recorded and before it is answered (with the post's path).
    static func withReceiver(failures: [String: Int] = [:], answering: @escaping @Sendable (String) async throws -> Void = { _ in },
                             _ test: @escaping @Sendable (Int, Receiver) async throws -> Void) async throws {
        let receiver = Receiver(failures: failures)
        let router = Router()
        router.post("/:path") { request, context -> Response in
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            let path = context.parameters.get("path") ?? ""
            let status = await receiver.record(path, .init(headers: request.headers, body: Data(buffer: body), authority: request.head.authority))
            try await answering(path)
            return Response(status: status)
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in try await test(try #require(client.port), receiver) }
    }

    static func configuration() -> ServerConfiguration {
        var configuration = ServerFixture.configuration
        configuration.webhooks.allowedHosts = ["127.0.0.1"]
        configuration.webhooks.backoff = .milliseconds(5)
        // These tests are about what a receiver answers, not about slow ones: beside the whole suite on two cores an
        // in-process receiver (or the address check) once took longer than the production 5 s, and an attempt that
        // timed out instead of getting its 500 failed three tests (WebhookPinningTests covers the deadline itself).
        configuration.webhooks.timeout = .seconds(120)
        configuration.webhooks.resolveTimeout = .seconds(120)
        return configuration
    }

    /// Waits (up to five minutes: the whole suite runs beside it on two cores) until `done` holds: deliveries run in
    /// the background after the import answered.
    static func waitFor(_ what: String, _ done: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(300)
        while try await !done() {
            guard ContinuousClock.now < deadline else { Issue.record("timed out waiting for \(what)"); return }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test func eachOrganisationGetsOnlyItsOwnSignedAlertsAndA500IsTriedAgain() async throws {
        let store = try SQLiteStore(path: try ServerFixture.databaseCopy())
        let a = try await store.createOrganisation(id: "bureau", name: "苏州市工信局")
        let b = try await store.createOrganisation(id: "park", name: "示例园区")
        for organisation in ["bureau", "park"] {
            _ = try await store.addWatch(WatchItem(organisationId: organisation, kind: .region, targetId: "320500", createdAt: "2026-11-30T06:00:00Z"))
        }
        try await Self.withReceiver(failures: ["a": 1]) { port, receiver in
            for (organisation, path, secret) in [("bureau", "a", "secret-of-a"), ("park", "b", "secret-of-b")] {
                _ = try await store.setWebhook(Webhook(organisationId: organisation, url: "http://127.0.0.1:\(port)/\(path)", secret: secret,
                                                       createdAt: "2026-11-30T06:00:00Z", updatedAt: "2026-11-30T06:00:00Z"))
            }
            let app = try await buildApplication(store: store, configuration: Self.configuration())
            try await app.test(.router) { client in
                // A's private import alerts A alone; B's alerts B alone.
                try await client.execute(uri: "/api/imports?kind=enterprises&file=hook-a.csv", method: .post, headers: MarketAPITests.bearer(a.token),
                                         body: AccessTests.csv("苏州钩子甲")) { #expect($0.status == .ok) }
                try await client.execute(uri: "/api/imports?kind=enterprises&file=hook-b.csv", method: .post, headers: MarketAPITests.bearer(b.token),
                                         body: AccessTests.csv("苏州钩子乙")) { #expect($0.status == .ok) }
            }
            try await Self.waitFor("both deliveries") {
                let logs = [try await store.deliveries(organisation: "bureau", limit: 10), try await store.deliveries(organisation: "park", limit: 10)]
                return logs.allSatisfy { $0.count == 1 && $0[0].status == .delivered }
            }
            let posts = await receiver.posts
            let toA = try #require(posts["a"]), toB = try #require(posts["b"])
            // A's first post got a 500 and was sent again, the same delivery with the same body.
            #expect(toA.count == 2 && toB.count == 1)
            #expect(toA[0].body == toA[1].body && toA[0].headers[HTTPField.Name("X-Brain-Delivery")!] == toA[1].headers[HTTPField.Name("X-Brain-Delivery")!])
            for (post, secret, organisation, firm) in [(toA[1], "secret-of-a", "bureau", "苏州钩子甲"), (toB[0], "secret-of-b", "park", "苏州钩子乙")] {
                let mac = HMAC<SHA256>.authenticationCode(for: post.body, using: SymmetricKey(data: Data(secret.utf8)))
                #expect(post.headers[HTTPField.Name("X-Brain-Signature")!] == "sha256=" + Self.hex(mac))
                let json = try #require(try JSONSerialization.jsonObject(with: post.body) as? [String: Any])
                #expect(json["organisation"] as? String == organisation && json["importId"] is Int)
                #expect(json["delivery"] as? String == post.headers[HTTPField.Name("X-Brain-Delivery")!])
                let alerts = try #require(json["alerts"] as? [[String: Any]])
                #expect(alerts.count == 1 && alerts[0]["code"] as? String == "firm.new" && alerts[0]["watchTarget"] as? String == "320500")
                let text = try #require(alerts[0]["text"] as? [String: String])
                #expect(text["zh"]?.contains(firm) == true && text["en"]?.isEmpty == false)
                // Nothing of the other organisation's import reaches this webhook.
                #expect(!String(decoding: post.body, as: UTF8.self).contains(firm == "苏州钩子甲" ? "苏州钩子乙" : "苏州钩子甲"))
            }
            // A's secret does not verify B's body.
            let wrong = HMAC<SHA256>.authenticationCode(for: toB[0].body, using: SymmetricKey(data: Data("secret-of-a".utf8)))
            #expect(toB[0].headers[HTTPField.Name("X-Brain-Signature")!] != "sha256=" + Self.hex(wrong))
            let logA = try await store.deliveries(organisation: "bureau", limit: 10)[0], logB = try await store.deliveries(organisation: "park", limit: 10)[0]
            #expect(logA.attempts == 2 && logA.httpStatus == 200 && logA.lastError == nil && logA.alertCount == 1)
            #expect(logB.attempts == 1 && logB.httpStatus == 200)
        }
    }

    @Test func aReceiverThatKeepsFailingIsGivenUpAfterThreeTries() async throws {
        let store = try SQLiteStore(path: try ServerFixture.databaseCopy())
        let a = try await store.createOrganisation(id: "bureau", name: "苏州市工信局")
        _ = try await store.addWatch(WatchItem(organisationId: "bureau", kind: .region, targetId: "320500", createdAt: "2026-11-30T06:00:00Z"))
        try await Self.withReceiver(failures: ["down": 10]) { port, receiver in
            _ = try await store.setWebhook(Webhook(organisationId: "bureau", url: "http://127.0.0.1:\(port)/down", secret: "s",
                                                   createdAt: "2026-11-30T06:00:00Z", updatedAt: "2026-11-30T06:00:00Z"))
            let app = try await buildApplication(store: store, configuration: Self.configuration())
            try await app.test(.router) { client in
                try await client.execute(uri: "/api/imports?kind=enterprises&file=down.csv", method: .post, headers: MarketAPITests.bearer(a.token),
                                         body: AccessTests.csv("苏州钩子丙")) { #expect($0.status == .ok) }
            }
            try await Self.waitFor("the delivery to fail") { try await store.deliveries(organisation: "bureau", limit: 1).first?.status == .failed }
            let log = try #require(try await store.deliveries(organisation: "bureau", limit: 1).first)
            #expect(log.attempts == 3 && log.httpStatus == 500 && log.lastError == "HTTP 500")
            #expect(await receiver.posts["down"]?.count == 3)
        }
    }

    @Test func adminsSetRotateAndRemoveTheirWebhookAndInnerAddressesAreRefused() async throws {
        let (id, logins) = try await AccountsHTTPTests.organisation(roles: [.admin, .analyst])
        let admin = try #require(logins[.admin]), analyst = try #require(logins[.analyst])
        let store = try ServerFixture.store()
        let app = try await buildApplication(store: store, configuration: Self.configuration())
        try await app.test(.router) { client in
            let session = try #require(try await AccountsHTTPTests.signIn(client, admin).session)
            let csrf = SessionToken.csrf(session: session)
            func post(_ path: String, _ fields: String, _ session: String = session, _ csrf: String = csrf) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(uri: path, method: .post, headers: ServerFixture.browser(session),
                                         body: ByteBuffer(string: "csrf=\(csrf)&" + fields)) { ($0.status, String(buffer: $0.body)) }
            }
            for refused in ["https://10.1.2.3/hook", "https://169.254.169.254/latest", "https://[::1]/hook", "http://192.0.2.10/hook",
                            "https://user:pw@192.0.2.10/hook", "ftp://127.0.0.1/x", "not a url"] {
                let (status, html) = try await post("/admin/webhook", "url=" + (refused.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
                #expect(status == .badRequest, "\(refused) was accepted")
                #expect(html.contains("id=\"error\"") && html.contains("id=\"webhook-none\""))
            }
            let (setStatus, setPage) = try await post("/admin/webhook", "url=http%3A%2F%2F127.0.0.1%3A9%2Fhook")
            #expect(setStatus == .ok)
            let secret = try #require(try await store.webhook(organisation: id)?.secret)
            #expect(setPage.contains(secret) && setPage.contains("http://127.0.0.1:9/hook"))
            // Shown once: the page never shows it again, nor does changing the URL change it.
            let (_, again) = try await post("/admin/webhook", "url=http%3A%2F%2F127.0.0.1%3A9%2Fother")
            let kept = try await store.webhook(organisation: id)?.secret
            #expect(!again.contains(secret) && kept == secret)
            try await client.execute(uri: "/admin/webhook", method: .get, headers: ServerFixture.browser(session)) { response in
                #expect(response.status == .ok && !String(buffer: response.body).contains(secret))
            }
            let (_, rotated) = try await post("/admin/webhook/rotate", "")
            let newSecret = try #require(try await store.webhook(organisation: id)?.secret)
            #expect(newSecret != secret && rotated.contains(newSecret))
            // Without the CSRF token, or as an analyst, nothing changes.
            #expect(try await post("/admin/webhook/remove", "", session, "forged").0 == .forbidden)
            let analystSession = try #require(try await AccountsHTTPTests.signIn(client, analyst).session)
            #expect(try await post("/admin/webhook/remove", "", analystSession, SessionToken.csrf(session: analystSession)).0 == .forbidden)
            try await client.execute(uri: "/admin/webhook", method: .get, headers: ServerFixture.browser(analystSession)) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/admin/webhook", method: .get) { #expect($0.status == .seeOther) }
            #expect(try await store.webhook(organisation: id) != nil)
            #expect(try await post("/admin/webhook/remove", "").0 == .ok)
            #expect(try await store.webhook(organisation: id) == nil)
        }
        let trail = try await store.auditEntries(AuditQuery(organisationId: id)).filter { $0.targetKind == "webhook" }
        #expect(trail.map(\.action) == ["webhook.remove", "webhook.rotate", "webhook.set", "webhook.set"])
        #expect(trail.allSatisfy { $0.actor == admin && !($0.before ?? "").contains("secret") && !($0.after ?? "").contains("secret") })
        // The address's path (where receivers often keep a secret of their own) stays out of the trail.
        #expect(trail.allSatisfy { !($0.before ?? "").contains("/hook") && !($0.after ?? "").contains("/hook") && !($0.after ?? "").contains("/other") })
        #expect(trail.last?.after?.contains("127.0.0.1:9/…") == true, "\(trail.last?.after ?? "")")
    }

    @Test func addressesInsideTheNetworkAreNotPublic() {
        for inner in [[127, 0, 0, 1], [10, 0, 0, 1], [172, 16, 0, 1], [192, 168, 1, 1], [169, 254, 169, 254], [100, 64, 0, 1], [0, 0, 0, 0]] {
            #expect(!WebhookAddress.isPublic(inner.map(UInt8.init)), "\(inner)")
        }
        #expect(WebhookAddress.isPublic([8, 8, 8, 8]) && WebhookAddress.isPublic([172, 32, 0, 1]))
        let mapped: [UInt8] = Array(repeating: 0, count: 10) + [0xff, 0xff, 127, 0, 0, 1]
        #expect(!WebhookAddress.isPublic(mapped))
        #expect(!WebhookAddress.isPublic(Array(repeating: 0, count: 15) + [1]))
        #expect(!WebhookAddress.isPublic([0xfe, 0x80] + Array(repeating: 0, count: 14)))
        #expect(!WebhookAddress.isPublic([0xfd, 0x00] + Array(repeating: 0, count: 14)))
        #expect(WebhookAddress.isPublic([0x24, 0x08] + Array(repeating: 1, count: 14)))
        // IPv4-translated (SIIT), Teredo, discard-only, the 6to4 relay anycast.
        #expect(!WebhookAddress.isPublic(Array(repeating: 0, count: 8) + [0xff, 0xff, 0, 0, 127, 0, 0, 1]))
        #expect(!WebhookAddress.isPublic([0x20, 0x01, 0, 0] + Array(repeating: 7, count: 12)))
        #expect(!WebhookAddress.isPublic([0x01] + Array(repeating: 0, count: 7) + Array(repeating: 9, count: 8)))
        #expect(!WebhookAddress.isPublic([192, 88, 99, 1]))
        // IPv6 forms that carry an inner IPv4 address: NAT64, 6to4, IPv4-compatible; site-local; documentation v4.
        #expect(!WebhookAddress.isPublic([0x00, 0x64, 0xff, 0x9b] + Array(repeating: 0, count: 8) + [169, 254, 169, 254]))
        #expect(!WebhookAddress.isPublic([0x00, 0x64, 0xff, 0x9b, 0x00, 0x01] + Array(repeating: 0, count: 6) + [10, 0, 0, 1]))
        #expect(WebhookAddress.isPublic([0x00, 0x64, 0xff, 0x9b] + Array(repeating: 0, count: 8) + [8, 8, 8, 8]))
        #expect(!WebhookAddress.isPublic([0x20, 0x02, 192, 168, 0, 1] + Array(repeating: 0, count: 10)))
        #expect(!WebhookAddress.isPublic(Array(repeating: 0, count: 12) + [10, 1, 2, 3]))
        #expect(!WebhookAddress.isPublic([0xfe, 0xc0] + Array(repeating: 0, count: 14)))
        for documentation in [[192, 0, 2, 1], [198, 51, 100, 7], [203, 0, 113, 9]] { #expect(!WebhookAddress.isPublic(documentation.map(UInt8.init))) }
    }
}
