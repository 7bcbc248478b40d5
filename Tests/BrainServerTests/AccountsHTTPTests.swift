import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
import BrainModel
import BrainServer
import BrainStore

/// Password sign-in and /admin over HTTP (issue 19): a new session id on every sign-in, the limits per login and per
/// address, CSRF on the admin forms, viewers and other organisations' admins kept out, and the audit trail of each.
@Suite struct AccountsHTTPTests {
    static let password = "a-long-enough-secret"
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// A fresh organisation of `kind` with one person per role given, logins suffixed to be unique in the shared store.
    static func organisation(_ kind: OrganisationKind = .bureau, roles: [Role]) async throws -> (id: String, logins: [Role: String]) {
        let store = try ServerFixture.store(), suffix = UUID().uuidString.prefix(8).lowercased()
        let id = "acct-\(suffix)"
        _ = try await store.createOrganisation(id: id, name: "账户测试 \(suffix)", kind: kind, regionCode: nil)
        var logins: [Role: String] = [:]
        for role in roles {
            let login = "\(role.rawValue)-\(suffix)"
            _ = try await store.createPerson(Person(id: login, organisationId: id, displayName: "测试\(role.nameZh)", role: role, createdAt: ""), password: password)
            logins[role] = login
        }
        return (id, logins)
    }

    static func cookieSession(_ response: TestResponse) -> String? {
        response.headers[.setCookie]?.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last.map(String.init)
    }

    /// Signs in by password; returns the new session (nil when refused) and the response status.
    static func signIn(_ client: any TestClientProtocol, _ login: String, _ password: String = password, address: String = "192.0.2.1",
                       cookie: String? = nil) async throws -> (session: String?, status: HTTPResponse.Status, body: String) {
        var headers = form
        headers[HTTPField.Name("X-Brain-Peer")!] = address
        if let cookie { headers[.cookie] = "brain_session=\(cookie)" }
        return try await client.execute(uri: "/signin", method: .post, headers: headers,
                                        body: ByteBuffer(string: "login=\(login)&password=\(password)&next=/admin")) { response in
            (response.status == .seeOther ? cookieSession(response) : nil, response.status, String(buffer: response.body))
        }
    }

    static func status(_ outcome: (session: String?, status: HTTPResponse.Status, body: String)) -> HTTPResponse.Status { outcome.status }

    static func me(_ client: any TestClientProtocol, _ session: String) async throws -> [String: Any] {
        try await client.execute(uri: "/signin/me", method: .get, headers: ServerFixture.browser(session)) { try ServerFixture.jsonObject($0.body) }
    }

    @Test func signingInGivesANewSessionAndEndsTheOne() async throws {
        let (id, logins) = try await Self.organisation(roles: [.analyst])
        let login = try #require(logins[.analyst])
        let token = try await ServerFixture.store().rotateToken(organisation: id).token
        try await ServerFixture.withApp { client in
            let (old, _) = try await ServerFixture.signIn(client, token: token)
            let (session, status, _) = try await Self.signIn(client, login, cookie: old)
            #expect(status == .seeOther)
            let new = try #require(session)
            #expect(new != old)
            #expect(try await Self.me(client, old)["signedIn"] as? Bool == false)
            let me = try await Self.me(client, new)
            #expect(me["login"] as? String == login && me["roleZh"] as? String == "分析师" && me["csrf"] as? String == SessionToken.csrf(session: new))
            let (refused, wrongStatus, body) = try await Self.signIn(client, login, "wrong-password-here")
            #expect(refused == nil && wrongStatus == .unauthorized && body.contains("登录名或密码不正确"))
            let (_, unknownStatus, unknownBody) = try await Self.signIn(client, "nobody-\(id)")
            #expect(unknownStatus == .unauthorized && unknownBody.contains("登录名或密码不正确"))
            // Signing out ends the session and is recorded.
            try await client.execute(uri: "/signout", method: .post, headers: ServerFixture.browser(new),
                                     body: ByteBuffer(string: "csrf=\(SessionToken.csrf(session: new))")) { #expect($0.status == .seeOther) }
            #expect(try await Self.me(client, new)["signedIn"] as? Bool == false)
        }
        let trail = try await ServerFixture.store().auditEntries(AuditQuery(organisationId: id))
        #expect(trail.map(\.action).prefix(3) == ["session.sign-out", "session.sign-in-failed", "session.sign-in"])
        #expect(trail.first { $0.action == "session.sign-in" }?.actor == login && trail.first { $0.action == "session.sign-in" }?.personId == login)
        #expect(trail.first { $0.action == "session.sign-in-failed" }?.after?.contains(#""reason":"wrong-password""#) == true)
        #expect(!trail.contains { ($0.after ?? "").contains(Self.password) })
    }

    @Test func attemptsAreLimitedPerAddressAndPerLogin() async throws {
        let (_, logins) = try await Self.organisation(roles: [.viewer, .analyst])
        var configuration = ServerFixture.configuration
        configuration.security.signInLimit = SignInLimit(perLogin: 3, perAddress: 3, windowSeconds: 86_400)
        let viewer = try #require(logins[.viewer]), analyst = try #require(logins[.analyst])
        try await ServerFixture.withApp(configuration: configuration) { client in
            for _ in 0..<3 {
                let outcome = try await Self.signIn(client, viewer, "wrong-password-here", address: "198.51.100.7")
                #expect(outcome.status == .unauthorized)
            }
            // The login's fourth attempt, from another address and with the right password: the login's limit holds.
            do {
                let outcome = try await Self.signIn(client, viewer, address: "198.51.100.8")
                #expect(outcome.status == .tooManyRequests)
            }
            // The first address's fourth attempt, for another login: the address's limit holds.
            do {
                let outcome = try await Self.signIn(client, analyst, address: "198.51.100.7")
                #expect(outcome.status == .tooManyRequests)
            }
            // Another address and another login are not held back.
            do {
                let outcome = try await Self.signIn(client, analyst, address: "198.51.100.9")
                #expect(outcome.status == .seeOther)
            }
        }
    }

    @Test func wrongPasswordsLockThePersonWithAMessage() async throws {
        let (_, logins) = try await Self.organisation(roles: [.viewer])
        let viewer = try #require(logins[.viewer])
        var configuration = ServerFixture.configuration
        configuration.security.lockout = LockoutPolicy(maxFailures: 2, seconds: 900)
        // The minutes left count on the server's clock (the one the lock-out uses), not the machine's.
        let clock = TestClock()
        configuration.security.now = { clock.now }
        try await ServerFixture.withApp(configuration: configuration) { client in
            do {
                let outcome = try await Self.signIn(client, viewer, "wrong-password-here")
                #expect(outcome.status == .unauthorized)
            }
            let locked = try await Self.signIn(client, viewer, "wrong-password-here")
            #expect(locked.status == .tooManyRequests && locked.body.contains("账户已锁定") && locked.body.contains("请 15 分钟后再试"))
            clock.advance(600)
            do {
                let outcome = try await Self.signIn(client, viewer)
                #expect(outcome.status == .tooManyRequests && outcome.body.contains("请 5 分钟后再试"))
            }
        }
    }

    @Test func adminFormsNeedTheCSRFTokenAndTheAdminRole() async throws {
        let (id, logins) = try await Self.organisation(roles: [.admin, .viewer])
        let admin = try #require(logins[.admin]), viewer = try #require(logins[.viewer])
        let newcomer = "new-\(id)"
        try await ServerFixture.withApp { client in
            try await client.execute(uri: "/admin", method: .get) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/signin?next=/admin")
            }
            let viewerSession = try #require(try await Self.signIn(client, viewer).session)
            try await client.execute(uri: "/admin", method: .get, headers: ServerFixture.browser(viewerSession)) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/admin/people", method: .post, headers: ServerFixture.browser(viewerSession),
                                     body: ByteBuffer(string: "csrf=\(SessionToken.csrf(session: viewerSession))&login=\(newcomer)&role=admin&password=\(Self.password)")) {
                #expect($0.status == .forbidden)
            }
            let session = try #require(try await Self.signIn(client, admin).session)
            let csrf = SessionToken.csrf(session: session)
            try await client.execute(uri: "/admin", method: .get, headers: ServerFixture.browser(session)) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok && html.contains("name=\"csrf\" value=\"\(csrf)\"") && html.contains(viewer))
                #expect(!html.contains("id=\"organisation-form\""))
            }
            let add = "login=\(newcomer)&name=%E7%8E%8B%E4%BA%94&role=investment&password=\(Self.password)&organisation=\(id)"
            try await client.execute(uri: "/admin/people", method: .post, headers: ServerFixture.browser(session), body: ByteBuffer(string: add)) {
                #expect($0.status == .forbidden)
            }
            #expect(try await ServerFixture.store().person(newcomer) == nil)
            try await client.execute(uri: "/admin/people", method: .post, headers: ServerFixture.browser(session),
                                     body: ByteBuffer(string: add + "&csrf=\(csrf)")) { #expect($0.status == .ok) }
            #expect(try await ServerFixture.store().person(newcomer)?.role == .investment)
            try await client.execute(uri: "/admin/people/\(viewer)/role", method: .post, headers: ServerFixture.browser(session),
                                     body: ByteBuffer(string: "role=analyst&csrf=\(csrf)")) { #expect($0.status == .ok) }
            try await client.execute(uri: "/admin/people/\(newcomer)/disable", method: .post, headers: ServerFixture.browser(session),
                                     body: ByteBuffer(string: "disabled=1&csrf=\(csrf)")) { #expect($0.status == .ok) }
            // The viewer's role changed under their live session: it counts at once.
            #expect(try await Self.me(client, viewerSession)["role"] as? String == "analyst")
            // Only the operator creates organisations.
            try await client.execute(uri: "/admin/organisations", method: .post, headers: ServerFixture.browser(session),
                                     body: ByteBuffer(string: "id=x-\(id)&name=x&kind=park&csrf=\(csrf)")) { #expect($0.status == .forbidden) }
        }
        #expect(try await ServerFixture.store().person(newcomer)?.disabled == true)
        let actions = try await ServerFixture.store().auditEntries(AuditQuery(organisationId: id, actor: admin)).map(\.action)
        #expect(actions.prefix(3) == ["person.disable", "person.role", "person.create"])
    }

    @Test func aViewerWritesNothingAndAnAnalystWritesForTheOrganisation() async throws {
        let (id, logins) = try await Self.organisation(roles: [.viewer, .analyst, .investment])
        let viewerLogin = try #require(logins[.viewer]), analystLogin = try #require(logins[.analyst])
        let investmentLogin = try #require(logins[.investment])
        let demand = ByteBuffer(string: #"{"title": "角色测试", "node": "cro", "region": "苏州市"}"#)
        try await ServerFixture.withApp { client in
            let viewer = try #require(try await Self.signIn(client, viewerLogin).session)
            try await client.execute(uri: "/api/demands", method: .post,
                                     headers: ServerFixture.browser(viewer, csrf: SessionToken.csrf(session: viewer), contentType: "application/json"),
                                     body: demand) { response in
                #expect(response.status == .forbidden && String(buffer: response.body).contains("角色"))
            }
            let analyst = try #require(try await Self.signIn(client, analystLogin).session)
            try await client.execute(uri: "/api/demands", method: .post,
                                     headers: ServerFixture.browser(analyst, csrf: SessionToken.csrf(session: analyst), contentType: "application/json"),
                                     body: demand) { #expect($0.status == .created) }
            // A 招商专员 may post demands but not import firms (分析师's right).
            let investment = try #require(try await Self.signIn(client, investmentLogin).session)
            try await client.execute(uri: "/api/imports?kind=enterprises&file=role-\(id).csv", method: .post,
                                     headers: ServerFixture.browser(investment, csrf: SessionToken.csrf(session: investment), contentType: "text/csv"),
                                     body: AccessTests.csv("角色\(id)")) { #expect($0.status == .forbidden) }
        }
        #expect(try await ServerFixture.store().marketRecords(.demand, visibleTo: id).filter { $0.organisationId == id }.count == 1)
    }

    @Test func anAdminCannotTouchAnotherOrganisationsPeople() async throws {
        let (ours, ourLogins) = try await Self.organisation(roles: [.admin])
        let (theirs, theirLogins) = try await Self.organisation(roles: [.viewer])
        let admin = try #require(ourLogins[.admin]), stranger = try #require(theirLogins[.viewer])
        try await ServerFixture.withApp { client in
            let session = try #require(try await Self.signIn(client, admin).session)
            let csrf = SessionToken.csrf(session: session)
            try await client.execute(uri: "/admin", method: .get, headers: ServerFixture.browser(session)) { response in
                let html = String(buffer: response.body)
                #expect(html.contains(ours) && !html.contains(theirs) && !html.contains(stranger))
            }
            for (path, body) in [("/admin/people/\(stranger)/role", "role=admin"), ("/admin/people/\(stranger)/disable", "disabled=1"),
                                 ("/admin/people", "login=spy-\(ours)&role=admin&password=\(Self.password)&organisation=\(theirs)")] {
                try await client.execute(uri: path, method: .post, headers: ServerFixture.browser(session), body: ByteBuffer(string: body + "&csrf=\(csrf)")) {
                    #expect($0.status == .notFound)
                }
            }
            // Nor demote or disable themselves (the organisation would be left without its admin).
            try await client.execute(uri: "/admin/people/\(admin)/role", method: .post, headers: ServerFixture.browser(session),
                                     body: ByteBuffer(string: "role=viewer&csrf=\(csrf)")) { #expect($0.status == .badRequest) }
        }
        let store = try ServerFixture.store()
        let after = try await store.person(stranger)
        #expect(after?.role == .viewer && after?.disabled == false)
        #expect(try await store.person("spy-\(ours)") == nil)
    }

    @Test func theOperatorCreatesOrganisations() async throws {
        let (_, logins) = try await Self.organisation(.platform, roles: [.admin])
        let operatorLogin = try #require(logins[.admin]), created = "park-\(UUID().uuidString.prefix(8).lowercased())"
        try await ServerFixture.withApp { client in
            let session = try #require(try await Self.signIn(client, operatorLogin).session)
            try await client.execute(uri: "/admin/organisations", method: .post, headers: ServerFixture.browser(session),
                                     body: ByteBuffer(string: "id=\(created)&name=BioBAY&kind=park&region=320571&csrf=\(SessionToken.csrf(session: session))")) { response in
                #expect(response.status == .ok && String(buffer: response.body).contains("id=\"org-\(created)\""))
            }
        }
        let organisation = try await ServerFixture.store().organisation(id: created)
        #expect(organisation?.kind == .park && organisation?.regionCode == "320571")
        #expect(try await ServerFixture.store().auditEntries(AuditQuery(organisationId: nil, action: "organisation.create", actor: operatorLogin)).count == 1)
    }

    /// A platform organisation's admins administer every organisation, so /admin never makes one (only the CLI does);
    /// a sign-in's `next` stays on this site even when a tab or newline would let a browser read "//host".
    @Test func noOperatorOrganisationOnlineAndNoRedirectAway() async throws {
        let (_, logins) = try await Self.organisation(.platform, roles: [.admin])
        let operatorLogin = try #require(logins[.admin]), created = "plat-\(UUID().uuidString.prefix(8).lowercased())"
        try await ServerFixture.withApp { client in
            let session = try #require(try await Self.signIn(client, operatorLogin).session)
            try await client.execute(uri: "/admin/organisations", method: .post, headers: ServerFixture.browser(session),
                                     body: ByteBuffer(string: "id=\(created)&name=X&kind=platform&csrf=\(SessionToken.csrf(session: session))")) { response in
                #expect(String(buffer: response.body).contains("平台机构只能在命令行创建"))
            }
            var headers = Self.form
            headers[HTTPField.Name("X-Brain-Peer")!] = "192.0.2.9"
            try await client.execute(uri: "/signin", method: .post, headers: headers,
                                     body: ByteBuffer(string: "login=\(operatorLogin)&password=\(Self.password)&next=/%09/evil.example")) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/", "\(response.headers)")
            }
        }
        #expect(try await ServerFixture.store().organisation(id: created) == nil)
    }
}
