import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
import BrainServer
import BrainStore

/// Who may write and who sees what (issue 14): credentials rather than addresses, CSRF tokens on a session's writes,
/// sessions that end, and imports listed only to their organisation.
@Suite struct AccessTests {
    static func csv(_ name: String) -> ByteBuffer {
        ByteBuffer(string: "企业名称,注册地址\n\(name)生物有限公司,江苏省苏州市工业园区\n")
    }

    static func importedFiles(_ client: any TestClientProtocol, _ headers: HTTPFields = [:]) async throws -> [String: String] {
        try await client.execute(uri: "/api/imports", method: .get, headers: headers) { response in
            let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
            return Dictionary(list.compactMap { i in (i["file"] as? String).map { ($0, i["organisationId"] as? String ?? "") } }) { a, _ in a }
        }
    }

    @Test func importsNeedACredentialAndArePrivateToTheirOrganisation() async throws {
        let (a, b) = try await MarketAPITests.organisations()
        let admin = try await ServerFixture.store().createAdminToken(), tag = UUID().uuidString.prefix(8).lowercased()
        let orgFile = "org-\(tag).csv", adminFile = "admin-\(tag).csv", sessionFile = "session-\(tag).csv"
        try await ServerFixture.withApp { client in
            try await client.execute(uri: "/api/imports?kind=enterprises&file=\(orgFile)", method: .post, body: Self.csv("甲\(tag)")) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/api/imports?kind=enterprises&file=\(orgFile)", method: .post, headers: [.authorization: "Bearer wrong"],
                                     body: Self.csv("甲\(tag)")) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/imports?kind=enterprises&file=\(orgFile)", method: .post, headers: MarketAPITests.bearer(a.token),
                                     body: Self.csv("甲\(tag)")) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/imports?kind=enterprises&file=\(adminFile)", method: .post, headers: [.authorization: "Bearer \(admin)"],
                                     body: Self.csv("乙\(tag)")) { #expect($0.status == .ok) }
            // The /import page's script: the session cookie and its CSRF token as a header; without the token, refused.
            let (session, csrf) = try await ServerFixture.signIn(client, token: a.token)
            try await client.execute(uri: "/api/imports?kind=enterprises&file=\(sessionFile)", method: .post,
                                     headers: ServerFixture.browser(session, contentType: "text/csv"), body: Self.csv("丙\(tag)")) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/api/imports?kind=enterprises&file=\(sessionFile)", method: .post,
                                     headers: ServerFixture.browser(session, csrf: csrf, contentType: "text/csv"), body: Self.csv("丙\(tag)")) {
                #expect($0.status == .ok)
            }
            let anonymous = try await Self.importedFiles(client), other = try await Self.importedFiles(client, MarketAPITests.bearer(b.token))
            let own = try await Self.importedFiles(client, MarketAPITests.bearer(a.token))
            let all = try await Self.importedFiles(client, [.authorization: "Bearer \(admin)"])
            #expect(anonymous[orgFile] == nil && anonymous[sessionFile] == nil && anonymous[adminFile] == "")
            #expect(other[orgFile] == nil && other[adminFile] == "")
            #expect(own[orgFile] == a.organisation.id && own[sessionFile] == a.organisation.id && own[adminFile] == "")
            #expect(all[orgFile] == a.organisation.id && all[adminFile] == "")
            // Market files import only into an organisation: an admin token acts for none.
            try await client.execute(uri: "/api/imports?kind=talents&file=t.csv", method: .post, headers: [.authorization: "Bearer \(admin)"],
                                     body: ByteBuffer(string: "姓名\n")) { #expect($0.status == .forbidden) }
        }
    }

    @Test func aSessionsWritesNeedItsCSRFTokenButBearerCallsDoNot() async throws {
        let (a, _) = try await MarketAPITests.organisations()
        let demand = ByteBuffer(string: #"{"title": "CSRF 测试", "node": "cro", "region": "苏州市"}"#)
        try await ServerFixture.withApp { client in
            let (session, csrf) = try await ServerFixture.signIn(client, token: a.token)
            try await client.execute(uri: "/api/demands", method: .post, headers: ServerFixture.browser(session, contentType: "application/json"), body: demand) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/api/demands", method: .post, headers: ServerFixture.browser(session, csrf: String(repeating: "0", count: 64),
                                                                                                       contentType: "application/json"), body: demand) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/api/demands", method: .post, headers: ServerFixture.browser(session, csrf: csrf, contentType: "application/json"),
                                     body: demand) { #expect($0.status == .created) }
            try await client.execute(uri: "/api/demands", method: .post, headers: MarketAPITests.bearer(a.token), body: demand) { #expect($0.status == .created) }
            // The form carries the token as a hidden field; the page shows it to the signed-in browser only.
            try await client.execute(uri: "/match", method: .get, headers: ServerFixture.browser(session)) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("name=\"csrf\" value=\"\(csrf)\"") && html.contains("<meta name=\"csrf-token\" content=\"\(csrf)\">"))
            }
            try await client.execute(uri: "/match/demands", method: .post, headers: ServerFixture.browser(session),
                                     body: ByteBuffer(string: "title=x&node=cro&region=%E8%8B%8F%E5%B7%9E%E5%B8%82")) { response in
                #expect(response.status == .forbidden && String(buffer: response.body).contains("id=\"error\""))
            }
            // The old cookie (the raw organisation token) signs nobody in any more.
            try await client.execute(uri: "/match", method: .get, headers: [.cookie: "brain_org=\(a.token)"]) {
                #expect(!String(buffer: $0.body).contains("id=\"signed-in\""))
            }
        }
    }

    @Test func theSessionCookieIsMarkedAndSecureBehindHTTPS() async throws {
        let (a, _) = try await MarketAPITests.organisations()
        var configuration = ServerFixture.configuration
        configuration.security.trustForwardedProto = true
        try await ServerFixture.withApp(configuration: configuration) { client in
            for (proto, secure) in [("http", false), ("https", true)] {
                try await client.execute(uri: "/match/signin", method: .post,
                                         headers: [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("X-Forwarded-Proto")!: proto],
                                         body: ByteBuffer(string: "token=\(a.token)&next=/import")) { response in
                    let cookie = response.headers[.setCookie] ?? ""
                    #expect(response.headers[.location] == "/import")
                    #expect(cookie.hasPrefix("brain_session=") && !cookie.contains(a.token))
                    #expect(cookie.contains("Path=/") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Max-Age=604800"))
                    #expect(cookie.contains("Secure") == secure, "\(proto)")
                }
            }
        }
    }

    @Test func sessionsEndWhenIdleWhenOldOnSignOutAndOnTokenRotation() async throws {
        let (a, _) = try await MarketAPITests.organisations()
        let clock = TestClock()
        var configuration = ServerFixture.configuration
        configuration.security.now = { clock.now }
        let idle = SessionPolicy.standard.idleSeconds, hour = 3600
        try await ServerFixture.withApp(configuration: configuration) { client in
            func signedIn(_ session: String) async throws -> Bool {
                try await client.execute(uri: "/match", method: .get, headers: ServerFixture.browser(session)) {
                    String(buffer: $0.body).contains("id=\"signed-in\"")
                }
            }
            // Idle: each use keeps it alive for another 8 hours; 8 hours without one ends it.
            let idleSession = try await ServerFixture.signIn(client, token: a.token).session
            for _ in 0..<3 {
                clock.advance(idle - 60)
                #expect(try await signedIn(idleSession))
            }
            clock.advance(idle)
            #expect(try await !signedIn(idleSession))
            // Absolute: used every 7 hours, it still ends 7 days after sign-in.
            let oldSession = try await ServerFixture.signIn(client, token: a.token).session
            for _ in 0..<23 {
                clock.advance(7 * hour)
                #expect(try await signedIn(oldSession))
            }
            clock.advance(7 * hour)
            #expect(try await !signedIn(oldSession))
            // Sign-out deletes the session: the cookie, replayed, signs nobody in.
            let (session, csrf) = try await ServerFixture.signIn(client, token: a.token)
            try await client.execute(uri: "/match/signout", method: .post, headers: ServerFixture.browser(session),
                                     body: ByteBuffer(string: "csrf=\(csrf)")) { response in
                #expect(response.status == .seeOther && response.headers[.setCookie]?.contains("Max-Age=0") == true)
            }
            #expect(try await !signedIn(session))
            // Rotating the organisation's token ends its sessions.
            let rotated = try await ServerFixture.signIn(client, token: a.token).session
            #expect(try await signedIn(rotated))
            _ = try await ServerFixture.store().rotateToken(organisation: a.organisation.id)
            #expect(try await !signedIn(rotated))
        }
    }
}

/// Unix seconds that a test moves forward.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds = Int(Date().timeIntervalSince1970)

    var now: Int { lock.withLock { seconds } }
    func advance(_ by: Int) { lock.withLock { seconds += by } }
}
