import Foundation
import Hummingbird
import HTTPTypes
import BrainModel
import BrainStore
import BrainUseCases

/// `/account` (issue 19 item 1): a signed-in person changes their password and keeps their own API tokens. Only a
/// person's browser session may do either (not an organisation's token, not one of the person's API tokens, which
/// would otherwise mint more of themselves); every form carries the session's CSRF token and every change is written
/// to the audit trail.
struct AccountPage: Sendable {
    let access: MarketAccess
    let renderer: PageRenderer
    /// A post refused for its role is refused as stale: every role may use its own account.
    var form: FormPage { FormPage(access: access, renderer: renderer, path: "/account", template: "account", nav: "account", roleRefusal: "api.stale-form") }

    /// Person tokens start with this, so a bearer token is looked up in one table only.
    static let tokenPrefix = "bp_"

    func register(on router: Router<BasicRequestContext>) {
        router.get("/account") { request, _ in
            let caller = try await access.caller(request)
            guard let person = caller.person, caller.session != nil else { return form.signIn() }
            return try await page(caller, person)
        }
        router.post("/account/password") { request, _ in
            try await write(request) { caller, person, form in try await changePassword(caller, person, form) }
        }
        router.post("/account/tokens") { request, _ in
            try await write(request) { caller, person, form in
                let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty, name.count <= 100 else {
                    throw AdminRefusal.message(Bilingual(zh: "请为令牌命名（不超过 100 字）", en: "Name the token (at most 100 characters)"))
                }
                let token = Self.tokenPrefix + StoreSecret.generate()
                _ = try await access.store.createPersonToken(person: person.id, name: name, digest: StoreSecret.digest(token), at: AuditTrail.now()) { made in
                    Self.entry(caller, person, "token.create", String(made.id), after: made)
                }
                return (Bilingual(zh: "已创建令牌“\(name)”。它只显示这一次：\(token)", en: "Token \"\(name)\" created. It is shown only now: \(token)"), nil)
            }
        }
        router.post("/account/tokens/:id/revoke") { request, context in
            let id = context.parameters.get("id").flatMap(Int64.init) ?? -1
            return try await write(request) { caller, person, _ in
                guard let revoked = try await access.store.revokePersonToken(id, person: person.id, at: AuditTrail.now(), audit: { revoked in
                    Self.entry(caller, person, "token.revoke", String(id), after: revoked)
                }) else {
                    throw AdminRefusal.notFound
                }
                return (Bilingual(zh: "已吊销令牌“\(revoked.name)”", en: "Token \"\(revoked.name)\" revoked"), nil)
            }
        }
    }

    /// The current password proves it is the person (a session left open is not enough); wrong ones count towards
    /// the lock as at sign-in. The new password ends every session of the person, and this browser gets a new one.
    func changePassword(_ caller: Caller, _ person: Person, _ form: AccountForm) async throws -> (Bilingual, String?) {
        let store = access.store, security = access.security
        let new = form.new ?? ""
        guard new == (form.confirm ?? "") else {
            throw AdminRefusal.message(Bilingual(zh: "两次输入的新密码不一致", en: "The two new passwords differ"))
        }
        if let problem = PasswordPolicy.problem(new) { throw AdminRefusal.message(Bilingual(zh: problem.zh, en: problem.en)) }
        switch try await store.verifyPassword(login: person.id, password: form.current ?? "", lockout: security.lockout, now: security.now()) {
        case .refused(let reason, let until):
            try await store.recordAudit(Self.entry(caller, person, "person.password-failed", person.id, after: ["reason": reason.rawValue]))
            throw AdminRefusal.message(reason == .locked ? SignInView.message(.locked, lockedUntil: until, now: security.now())
                                                         : Bilingual(zh: "当前密码不正确", en: "The current password is wrong"))
        case .signedIn:
            break
        }
        try await store.setPassword(person.id, password: new) { _ in
            Self.entry(caller, person, "person.password", person.id, after: ["sessionsEnded": "all"])
        }
        let session = try await store.createPersonSession(login: person.id, policy: security.sessionPolicy, now: security.now())
        return (Bilingual(zh: "密码已修改，其他登录会话均已退出；API 令牌仍然有效，如有泄露请在下方吊销",
                          en: "Password changed; your other sessions are signed out. Your API tokens still work: revoke any that leaked below"), session)
    }

    /// A form post of a signed-in person's browser session, then the page again with what happened or why not (and
    /// the new session's cookie after a password change, whose change returns the new session's id).
    func write(_ request: Request, _ change: (Caller, Person, AccountForm) async throws -> (Bilingual, String?)) async throws -> Response {
        try await form.post(request, AccountForm.self, for: .read) { caller, posted in
            guard let person = caller.person, caller.session != nil else { return form.signIn() }
            do {
                let (notice, newSession) = try await change(caller, person, posted)
                var shown = caller
                shown.session = newSession ?? caller.session
                var response = try await page(shown, person, notice: notice)
                if let newSession {
                    response.setCookie(SessionCookie.set(newSession, maxAge: access.security.sessionPolicy.absoluteSeconds, secure: access.secureCookies(request)))
                }
                return response
            } catch AdminRefusal.notFound {
                return try await page(caller, person, error: Bilingual(zh: "没有这个令牌", en: "No such token"), status: .notFound)
            } catch AdminRefusal.message(let message) {
                return try await page(caller, person, error: message, status: .badRequest)
            } catch let error as AccountStoreError {
                return try await page(caller, person, error: Bilingual(zh: error.zh, en: error.en), status: .badRequest)
            }
        }
    }

    func page(_ caller: Caller, _ person: Person, notice: Bilingual? = nil, error: Bilingual? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let view = AccountView(caller: caller, person: person, tokens: try await access.store.personTokens(person: person.id))
        return try form.render(view, notice: notice, error: error, status: status)
    }

    /// An entry of the person's own act, on their organisation's trail.
    static func entry(_ caller: Caller, _ person: Person, _ action: String, _ id: String, after: some Encodable) -> AuditEntry {
        caller.auditEntry(action, target: action.hasPrefix("token") ? "token" : "person", id, after: AuditTrail.json(after), of: person.organisationId)
    }
}

/// `/account`'s forms: the password change (current, new, confirm) and a new token's name.
struct AccountForm: PostedForm { var csrf, current, new, confirm, name: String? }

/// The `/account` page (account.mustache): who is signed in, the password form and the person's tokens.
struct AccountView: FormPageView {
    struct TokenRow: Encodable, Sendable {
        var id: Int64
        var name: String
        var createdAt: String
        var lastUsedAt: String?
        var revokedAt: String?
    }

    var csrfToken: String
    var login: String
    var name: String
    var organisation: String
    var role: Bilingual
    var minimumLength = PasswordPolicy.minimumLength
    var tokens: [TokenRow]
    var notice: Bilingual?
    var error: Bilingual?

    init(caller: Caller, person: Person, tokens: [PersonToken]) {
        csrfToken = caller.csrfToken ?? ""
        (login, name, organisation) = (person.id, person.displayName, caller.organisation?.name ?? person.organisationId)
        role = Bilingual(zh: person.role.nameZh, en: person.role.nameEn)
        self.tokens = tokens.map { TokenRow(id: $0.id, name: $0.name, createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt, revokedAt: $0.revokedAt) }
    }
}
