import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
import BrainModel
import BrainServer
import BrainStore

/// /account over HTTP (issue 19 item 1): a person's API tokens act as the person with their role until revoked, are
/// shown once and kept as digests; a password change needs the current password, ends the person's other sessions
/// and keeps this one; each is on the audit trail.
@Suite struct AccountPageTests {
    static func post(_ client: any TestClientProtocol, _ path: String, _ session: String, _ fields: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .post, headers: ServerFixture.browser(session),
                                 body: ByteBuffer(string: "csrf=\(SessionToken.csrf(session: session))&" + fields)) { $0 }
    }

    @Test func tokensActAsTheirPersonUntilRevoked() async throws {
        let (id, logins) = try await AccountsHTTPTests.organisation(roles: [.viewer, .analyst])
        let viewer = try #require(logins[.viewer]), analyst = try #require(logins[.analyst])
        let store = try ServerFixture.store()
        try await ServerFixture.withApp { client in
            try await client.execute(uri: "/account", method: .get) { #expect($0.status == .seeOther) }
            let session = try #require(try await AccountsHTTPTests.signIn(client, viewer).session)
            try await client.execute(uri: "/account", method: .get, headers: ServerFixture.browser(session)) { response in
                #expect(response.status == .ok && String(buffer: response.body).contains("id=\"token-form\""))
            }
            let made = try await Self.post(client, "/account/tokens", session, "name=%E6%8A%A5%E8%A1%A8")
            let html = String(buffer: made.body)
            let token = try #require(html.firstRange(of: /bp_[0-9a-f]{64}/).map { String(html[$0]) })
            #expect(made.status == .ok && html.contains("报表"))
            // The token is the viewer: signed in as them, but refused a write their role does not allow.
            try await client.execute(uri: "/signin/me", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                let me = try ServerFixture.jsonObject(response.body)
                #expect(me["login"] as? String == viewer && me["organisation"] as? String == id)
            }
            try await client.execute(uri: "/api/imports?kind=enterprises&file=token.csv", method: .post, headers: MarketAPITests.bearer(token),
                                     body: AccessTests.csv("令牌测试")) { #expect($0.status == .forbidden) }
            // A bearer token cannot use /account to mint more of itself.
            try await client.execute(uri: "/account/tokens", method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "name=more")) { #expect($0.status == .seeOther) }
            let listed = try await store.personTokens(person: viewer)
            #expect(listed.count == 1 && listed[0].lastUsedAt != nil)
            // Another person cannot revoke it; its person can, and then it names nobody.
            let other = try #require(try await AccountsHTTPTests.signIn(client, analyst).session)
            #expect(try await Self.post(client, "/account/tokens/\(listed[0].id)/revoke", other, "").status == .notFound)
            #expect(try await Self.post(client, "/account/tokens/\(listed[0].id)/revoke", session, "").status == .ok)
            try await client.execute(uri: "/signin/me", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                let me = try ServerFixture.jsonObject(response.body)
                #expect(me["signedIn"] as? Bool == false)
            }
        }
        let trail = try await store.auditEntries(AuditQuery(organisationId: id)).filter { $0.targetKind == "token" }
        #expect(trail.map(\.action) == ["token.revoke", "token.create"] && trail.allSatisfy { $0.actor == viewer })
        #expect(try await store.auditEntries(AuditQuery(organisationId: id)).allSatisfy { !($0.after ?? "").contains("bp_") })
    }

    @Test func changingThePasswordEndsTheOtherSessions() async throws {
        let (id, logins) = try await AccountsHTTPTests.organisation(roles: [.analyst])
        let login = try #require(logins[.analyst])
        let store = try ServerFixture.store()
        try await ServerFixture.withApp { client in
            let here = try #require(try await AccountsHTTPTests.signIn(client, login).session)
            let elsewhere = try #require(try await AccountsHTTPTests.signIn(client, login).session)
            let new = "a-new-long-password"
            for (fields, words) in [("current=\(AccountsHTTPTests.password)&new=\(new)&confirm=\(new)x", "不一致"),
                                    ("current=\(AccountsHTTPTests.password)&new=short&confirm=short", "密码太短"),
                                    ("current=wrong-password-x&new=\(new)&confirm=\(new)", "当前密码不正确")] {
                let refused = try await Self.post(client, "/account/password", here, fields)
                #expect(refused.status == .badRequest && String(buffer: refused.body).contains(words))
            }
            #expect(try await AccountsHTTPTests.me(client, elsewhere)["signedIn"] as? Bool == true)
            let changed = try await Self.post(client, "/account/password", here, "current=\(AccountsHTTPTests.password)&new=\(new)&confirm=\(new)")
            #expect(changed.status == .ok)
            let renewed = try #require(AccountsHTTPTests.cookieSession(changed))
            #expect(try await AccountsHTTPTests.me(client, elsewhere)["signedIn"] as? Bool == false)
            #expect(try await AccountsHTTPTests.me(client, here)["signedIn"] as? Bool == false)
            #expect(try await AccountsHTTPTests.me(client, renewed)["login"] as? String == login)
            #expect(try await AccountsHTTPTests.signIn(client, login).status == .unauthorized)
            #expect(try await AccountsHTTPTests.signIn(client, login, new).status == .seeOther)
        }
        let actions = try await store.auditEntries(AuditQuery(organisationId: id)).map(\.action)
        #expect(actions.contains("person.password") && actions.contains("person.password-failed"))
    }
}
