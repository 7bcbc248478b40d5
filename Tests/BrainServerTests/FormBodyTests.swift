import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
import BrainModel
@testable import BrainServer
import BrainStore

/// Form bodies decoded by Hummingbird's form decoder and the session cookie read and written as Hummingbird `Cookie`s:
/// a body the form syntax cannot read is a 400 saying so in Chinese ("…无法读取"), a missing field the page's own refusal, an oversized body
/// a 413 — and the server answers the next request (a crash would fail every later request of the test).
@Suite struct FormBodyTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test(arguments: ["login=%ZZ&password=x", "login=a&login=b&password=x", "login%ZZ=a", "login[=a&password=x", "login[]=a&login[]=b"])
    func anUnreadableSignInFormIsA400(_ body: String) async throws {
        try await ServerFixture.withApp { client in
            try await client.execute(uri: "/signin", method: .post, headers: Self.form, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .badRequest, "\(body)")
                let page = String(buffer: response.body)
                // The syntax's refusal (表单或查询参数无法读取) or a field's (表单字段 login 的值无法读取), never the decoder's English.
                #expect(page.contains("无法读取") && !page.contains("URLEncodedFormError"), "\(body)")
            }
            try await client.execute(uri: "/signin", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func unreadableFormsOfSignedInPagesAre400sAndChangeNothing() async throws {
        let (_, logins) = try await AccountsHTTPTests.organisation(roles: [.admin])
        let admin = try #require(logins[.admin])
        try await ServerFixture.withApp { client in
            let session = try #require(try await AccountsHTTPTests.signIn(client, admin).session)
            let csrf = SessionToken.csrf(session: session)
            for (path, body) in [("/account/tokens", "csrf=\(csrf)&name=%G1"), ("/admin/people", "csrf=\(csrf)&csrf=\(csrf)&login=twice"),
                                 ("/admin/webhook", "csrf=\(csrf)&url[x]=http://example.com"), ("/inbox/read", "csrf=\(csrf)&ids=%"),
                                 ("/match/demands", "csrf=\(csrf)&title=a&title=b")] {
                try await client.execute(uri: path, method: .post, headers: ServerFixture.browser(session), body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest, "\(path)")
                }
            }
            try await client.execute(uri: "/account", method: .get, headers: ServerFixture.browser(session)) { response in
                #expect(response.status == .ok && !String(buffer: response.body).contains("id=\"notice\""))
            }
        }
    }

    @Test func aMissingFieldIsThePagesOwnRefusal() async throws {
        let (_, logins) = try await AccountsHTTPTests.organisation(roles: [.admin])
        let admin = try #require(logins[.admin])
        try await ServerFixture.withApp { client in
            let session = try #require(try await AccountsHTTPTests.signIn(client, admin).session)
            let token = try await AccountPageTests.post(client, "/account/tokens", session, "")
            #expect(token.status == .badRequest && String(buffer: token.body).contains("请为令牌命名"))
            let role = try await AccountPageTests.post(client, "/admin/people/\(admin)-nobody/role", session, "")
            #expect(role.status == .notFound)
            // No CSRF field at all is the stale form's 403, as before.
            try await client.execute(uri: "/account/tokens", method: .post, headers: ServerFixture.browser(session),
                                     body: ByteBuffer(string: "name=x")) { #expect($0.status == .forbidden) }
            // No login at all is a refused sign-in, not a decoding failure.
            try await client.execute(uri: "/signin", method: .post, headers: Self.form, body: ByteBuffer()) { #expect($0.status == .unauthorized) }
        }
    }

    @Test func anOversizedFormIsA413OnEveryFormPage() async throws {
        let (_, logins) = try await AccountsHTTPTests.organisation(roles: [.admin])
        let admin = try #require(logins[.admin])
        let big = "csrf=x&name=" + String(repeating: "a", count: MarketAccess.maxBody)
        try await ServerFixture.withApp { client in
            let session = try #require(try await AccountsHTTPTests.signIn(client, admin).session)
            for path in ["/signin", "/account/tokens", "/admin/people", "/admin/webhook", "/admin/publish/imports/1", "/inbox/read"] {
                try await client.execute(uri: path, method: .post, headers: ServerFixture.browser(session), body: ByteBuffer(string: big)) { response in
                    #expect(response.status == .contentTooLarge, "\(path)")
                }
            }
        }
    }

    @Test func theSessionCookieIsReadAmongOthersAndWrittenWithItsAttributes() async throws {
        let (_, logins) = try await AccountsHTTPTests.organisation(roles: [.analyst])
        let analyst = try #require(logins[.analyst])
        try await ServerFixture.withApp { client in
            let cookie = try await client.execute(uri: "/signin", method: .post, headers: Self.form,
                                                  body: ByteBuffer(string: "login=\(analyst)&password=\(AccountsHTTPTests.password)")) { response in
                try #require(response.headers[.setCookie])
            }
            let attributes = Set(cookie.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
            #expect(attributes.isSuperset(of: ["Path=/", "HttpOnly", "SameSite=Strict"]) && !attributes.contains("Secure"))
            let session = try #require(cookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last.map(String.init))
            #expect(session.count == 64)
            try await client.execute(uri: "/signin/me", method: .get, headers: [.cookie: "theme=dark; brain_session=\(session); lang=zh"]) { response in
                let me = try ServerFixture.jsonObject(response.body)
                #expect(me["login"] as? String == analyst)
            }
            try await client.execute(uri: "/signout", method: .post, headers: ServerFixture.browser(session),
                                     body: ByteBuffer(string: "csrf=\(SessionToken.csrf(session: session))")) { response in
                let cleared = response.headers[.setCookie] ?? ""
                #expect(response.status == .seeOther && cleared.hasPrefix("brain_session=;") && cleared.contains("Max-Age=0"))
            }
        }
    }
}
