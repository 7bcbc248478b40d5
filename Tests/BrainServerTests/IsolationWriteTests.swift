import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import BrainServer
import BrainModel
import BrainStore

/// Issue 19 item 5, the writes: every non-GET route of the router refused signed out, without the session's CSRF
/// token, to A's viewer where the role lacks the right, and to B on A's records (A's records unchanged, re-read as A);
/// and session fixation: sign-in never keeps the session id it was sent, sign-out ends the session on the server.
@Suite struct IsolationWriteTests {
    /// Routes anyone may post to: signing in and out, checking a file without writing it, and the park
    /// recommendation (a computation over public data, posted for its long criteria).
    static let open: Set<String> = ["/signin", "/signout", "/match/signin", "/match/signout", "/api/imports/check", "/api/recommend/park"]
    /// What a viewer may write: its own watches, the read marks of its own alerts, its own password and API tokens.
    static let viewerMay: Set<String> = ["/api/watchlist", "/api/watchlist/{id}", "/api/alerts/read", "/inbox/read",
                                         "/account/password", "/account/tokens", "/account/tokens/{id}/revoke"]

    static func headers(_ session: String?, csrf: Bool) -> HTTPFields {
        guard let session else { return [.contentType: "application/x-www-form-urlencoded"] }
        return ServerFixture.browser(session, csrf: csrf ? SessionToken.csrf(session: session) : nil)
    }

    /// The answer's status; a page form's redirect to the sign-in page counts as 401 (it asks to sign in first).
    static func status(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ headers: HTTPFields) async throws -> HTTPResponse.Status {
        try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: "stage=contact&role=admin&disabled=1&shared=1&ids=1")) {
            $0.status == .seeOther && $0.headers[.location]?.hasPrefix("/signin") == true ? .unauthorized : $0.status
        }
    }

    /// A's records as A reads them: what an outsider's write must not have changed.
    static func snapshot(_ client: any TestClientProtocol, _ world: IsolationWorld, _ records: IsolationWorld.Records) async throws -> [String] {
        var seen: [String] = []
        for uri in ["/api/leads/\(records.lead)", "/api/demands/\(records.demand)", "/api/watchlist", "/api/alerts", "/api/imports", "/api/talents"] {
            seen.append(try await client.execute(uri: uri, method: .get, headers: MarketAPITests.bearer(world.a.token)) { "\($0.status) \(String(buffer: $0.body))" })
        }
        let viewer = try await world.store.person(try #require(world.logins[.viewer]))
        seen.append("\(viewer?.role.rawValue ?? "-") \(viewer?.disabled ?? true)")
        return seen
    }

    @Test func writesWithoutTheRoleTheOrganisationOrTheCSRFTokenAreRefused() async throws {
        let world = try await IsolationWorld.make()
        let routes = try await IsolationWorld.routes().filter { $0.method != .get && $0.method != .head && !Self.open.contains($0.path) }
        #expect(routes.count > 20, "the router lists its writes")
        try await ServerFixture.withApp(store: world.store) { client in
            let records = try await world.createRecords(client)
            let before = try await Self.snapshot(client, world, records)
            let bAdmin = try await IsolationTests.session(client, world.bAdmin)
            let viewer = try await IsolationTests.session(client, try #require(world.logins[.viewer]))
            let aAdmin = try await IsolationTests.session(client, try #require(world.logins[.admin]))
            for route in routes {
                let uri = IsolationTests.fill(route.path, records, logins: world.logins, missing: false)
                let signedOut = try await Self.status(client, route.method, uri, Self.headers(nil, csrf: false))
                #expect([.unauthorized, .forbidden].contains(signedOut), "\(route.method) \(uri) signed out: \(signedOut)")
                let noToken = try await Self.status(client, route.method, uri, Self.headers(aAdmin, csrf: false))
                #expect(noToken == .forbidden, "\(route.method) \(uri) without the CSRF token: \(noToken)")
                if !Self.viewerMay.contains(route.path) {
                    let asViewer = try await Self.status(client, route.method, uri, Self.headers(viewer, csrf: true))
                    #expect([.forbidden, .notFound].contains(asViewer), "\(route.method) \(uri) as A's viewer: \(asViewer)")
                }
                // B on A's records (the routes that name one): refused, not found or unprocessable, never done.
                if route.path.contains("{") && !route.path.contains("{code}") {
                    let asB = try await Self.status(client, route.method, uri, Self.headers(bAdmin, csrf: true))
                    #expect([.forbidden, .notFound, .badRequest, .unprocessableContent].contains(asB), "\(route.method) \(uri) as B's admin: \(asB)")
                }
            }
            #expect(try await Self.snapshot(client, world, records) == before, "an outsider's write changed A's records")
        }
    }

    @Test func signingInNeverKeepsTheSessionItWasSentAndSigningOutEndsIt() async throws {
        let world = try await IsolationWorld.make()
        let login = try #require(world.logins[.analyst])
        try await ServerFixture.withApp(store: world.store) { client in
            // An id planted by an attacker before sign-in, and a real but older session of the same browser.
            for planted in ["attacker-chosen-session-id", try await IsolationTests.session(client, login)] {
                let outcome = try await AccountsHTTPTests.signIn(client, login, cookie: planted)
                let session = try #require(outcome.session)
                #expect(session != planted)
                try await client.execute(uri: "/api/leads", method: .get, headers: ServerFixture.browser(planted)) { #expect($0.status == .unauthorized) }
                try await client.execute(uri: "/api/leads", method: .get, headers: ServerFixture.browser(session)) { #expect($0.status == .ok) }
                try await client.execute(uri: "/signout", method: .post, headers: ServerFixture.browser(session),
                                         body: ByteBuffer(string: "csrf=\(SessionToken.csrf(session: session))")) { #expect($0.status == .seeOther) }
                // The old cookie no longer works, for reads and for writes with its own CSRF token.
                try await client.execute(uri: "/api/leads", method: .get, headers: ServerFixture.browser(session)) { #expect($0.status == .unauthorized) }
                try await client.execute(uri: "/api/demands", method: .post,
                                         headers: ServerFixture.browser(session, csrf: SessionToken.csrf(session: session), contentType: "application/json"),
                                         body: ByteBuffer(string: #"{"title": "会话已结束", "node": "cro", "region": "苏州市"}"#)) { #expect($0.status == .unauthorized) }
            }
        }
    }
}
