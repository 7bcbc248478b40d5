import Foundation
import Hummingbird
import HTTPTypes
import BrainModel
import BrainStore
import BrainUseCases

/// Password sign-in for people (issue 19): `/signin` (the form), `POST /signin`, `POST /signout`, and `/signin/me`
/// (who is signed in, for the layout's corner). Every sign-in gets a new session id and drops the one the browser
/// came with (session fixation); attempts are limited per login and per address, and wrong passwords lock a person
/// for a while. Each outcome is written to the audit trail with its reason code.
struct SignInPage: Sendable {
    let access: MarketAccess
    let renderer: PageRenderer
    let limiter: SignInLimiter

    init(access: MarketAccess, renderer: PageRenderer) {
        (self.access, self.renderer) = (access, renderer)
        limiter = SignInLimiter(access.security.signInLimit)
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/signin") { request, _ in
            let caller = try await access.caller(request)
            return try page(SignInView(person: caller.person.map(SignInView.Who.init), next: Self.next(request.uri.queryParameters["next"].map(String.init))))
        }
        router.post("/signin") { request, _ in try await signIn(request) }
        router.post("/signout") { request, _ in
            let form = try await request.form(CSRFForm.self)
            let caller: Caller
            do { caller = try await access.requireWriter(request, csrf: form.csrf, for: .read) } catch is HTTPError {
                return MarketPage.redirect("/signin")
            }
            if let session = caller.session {
                try await access.store.deleteSession(session)
                try await access.store.recordAudit(caller.auditEntry("session.sign-out", target: caller.person == nil ? "organisation" : "person",
                                                                     caller.person?.id ?? caller.organisation?.id ?? ""))
            }
            return MarketPage.redirect("/signin", cookie: SessionCookie.clear(secure: access.secureCookies(request)))
        }
        router.get("/signin/me") { request, _ in
            let caller = try await access.caller(request)
            var response = try JSONResponse.ok(Me(caller), for: request)
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }

    func signIn(_ request: Request) async throws -> Response {
        let form = try await request.form(SignInForm.self)
        let login = (form.login ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.password ?? ""
        let next = Self.next(form.next)
        let security = access.security, store = access.store, now = security.now()
        let address = PeerAddress.of(request, trustProxy: security.trustForwardedProto)
        // Only a login that could exist is kept (on the trail and as a limiter key): a password pasted into the login
        // box is never stored, and made-up logins cannot grow the limiter's table.
        let validLogin = LoginRule.isValid(login)
        func refuse(_ reason: SignInRefusal, lockedUntil: Int?, organisation: String?, status: HTTPResponse.Status) async throws -> Response {
            // A refused flood is counted, not written: the trail can never be pruned, so it must not fill the disk.
            if reason != .rateLimited {
                try await store.recordAudit(AuditEntry(at: AuditTrail.now(), organisationId: organisation, personId: nil,
                                                       actor: "anonymous", action: "session.sign-in-failed", targetKind: "person",
                                                       targetId: validLogin ? login : "(invalid)",
                                                       after: AuditTrail.json(["reason": reason.rawValue, "address": address])))
            }
            var view = SignInView(login: login, next: next)
            view.error = SignInView.message(reason, lockedUntil: lockedUntil, now: now)
            return try page(view, status: status)
        }
        guard limiter.allow(login: validLogin ? login : "(invalid)", address: address, now: now) else {
            return try await refuse(.rateLimited, lockedUntil: nil, organisation: nil, status: .tooManyRequests)
        }
        guard validLogin else { return try await refuse(.unknownLogin, lockedUntil: nil, organisation: nil, status: .unauthorized) }
        switch try await store.verifyPassword(login: login, password: password, lockout: security.lockout, now: now) {
        case .refused(let reason, let until):
            let organisation = reason == .unknownLogin ? nil : try await store.person(login)?.organisationId
            return try await refuse(reason, lockedUntil: until, organisation: organisation, status: reason == .locked ? .tooManyRequests : .unauthorized)
        case .signedIn(let person):
            // Session fixation: whatever session the browser came with ends; the new one has a fresh id.
            if let old = SessionCookie.value(request), (1...128).contains(old.count) { try await store.deleteSession(old) }
            let organisation = try await store.organisation(id: person.organisationId)
            // The entry in the session's own transaction: a sign-in the trail cannot record gives no session.
            let session = try await store.createPersonSession(login: person.id, policy: security.sessionPolicy, now: now) { person in
                Caller(organisation: organisation, person: person, session: nil)
                    .auditEntry("session.sign-in", target: "person", person.id, after: AuditTrail.json(["address": address]))
            }
            return MarketPage.redirect(next, cookie: SessionCookie.set(session, maxAge: security.sessionPolicy.absoluteSeconds,
                                                                        secure: access.secureCookies(request)))
        }
    }

    func page(_ view: SignInView, status: HTTPResponse.Status = .ok) throws -> Response {
        var response = try renderer.render("signin", nav: "signin", view: view, data: [String: String]())
        response.status = status
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// Where to go after signing in: one of this site's own paths, never another site ("//host" or a scheme).
    static func next(_ wanted: String?) -> String {
        // Printable ASCII only: browsers drop tabs and newlines from a Location, so "/\t/evil.com" would become "//evil.com".
        guard let wanted, wanted.hasPrefix("/"), !wanted.hasPrefix("//"), !wanted.contains("\\"), wanted.count <= 200,
              wanted.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else { return "/" }
        return wanted
    }

    /// Who is signed in, for the layout (which is the same for everyone, so it asks).
    struct Me: Encodable, Sendable {
        var signedIn: Bool
        var login: String?
        var name: String?
        var role: String?
        var roleZh: String?
        var roleEn: String?
        var organisation: String?
        var organisationName: String?
        var csrf: String?
        /// What the nav offers: 审计 to those who may read the audit trail, 管理 (/admin) to those who manage people
        /// (an organisation's admin, the operator).
        var mayReadAudit: Bool
        var mayAdmin: Bool

        init(_ caller: Caller) {
            signedIn = caller.person != nil || caller.organisation != nil
            (login, name, role) = (caller.person?.id, caller.person?.displayName, caller.person?.role.rawValue)
            (roleZh, roleEn) = (caller.person?.role.nameZh, caller.person?.role.nameEn)
            (organisation, organisationName, csrf) = (caller.organisation?.id, caller.organisation?.name, caller.csrfToken)
            mayReadAudit = signedIn && caller.may(.readAudit)
            mayAdmin = caller.isOperator || (caller.person != nil && caller.may(.managePeople))
        }
    }
}

/// `POST /signin`: a person's login and password, and the page to go back to.
struct SignInForm: PostedForm { var csrf, login, password, next: String? }
