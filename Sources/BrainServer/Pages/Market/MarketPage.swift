import Foundation
import Hummingbird
import BrainAnalytics
import BrainModel
import BrainStore

/// The supply–demand market in the browser: `/match` (sign in with the organisation's token, post a demand, the
/// demands you can see, share or withdraw yours) and `/match/demands/{id}` (who can meet it, with reasons).
/// Forms post with the session cookie (SameSite=Strict) and the session's CSRF token, so another site cannot post in the
/// organisation's name.
struct MarketPage: Sendable {
    let access: MarketAccess
    let api: MarketAPI
    let cache: AnalyticsCache
    let renderer: PageRenderer
    /// Token sign-ins per client address, as password sign-ins are limited (`SignInLimit`): a guesser of tokens meets
    /// the same wall as a guesser of passwords.
    let limiter: SignInLimiter

    init(access: MarketAccess, api: MarketAPI, cache: AnalyticsCache, renderer: PageRenderer) {
        (self.access, self.api, self.cache, self.renderer) = (access, api, cache, renderer)
        limiter = SignInLimiter(access.security.signInLimit)
    }

    func register(on router: Router<BasicRequestContext>) {
        let store = access.store
        router.get("/match") { request, _ in try await page(request, caller: try await access.caller(request)) }
        router.post("/match/signin") { request, _ in
            let form = try await request.form(TokenSignInForm.self)
            let token = (form.token ?? "").trimmingCharacters(in: .whitespaces)
            // A token names no login: its attempts count against the address (the per-login limit, the tighter one,
            // is the address's own token attempts), checked before the token is looked up.
            let address = PeerAddress.of(request, trustProxy: access.security.trustForwardedProto)
            guard limiter.allow(login: "token@" + address, address: address, now: access.security.now()) else {
                return try await page(request, caller: .anonymous, error: Reason("api.sign-in-rate-limited"), status: .tooManyRequests)
            }
            guard token.count <= 128, let organisation = try await store.organisation(token: token) else {
                return try await page(request, caller: .anonymous, error: Reason("api.bad-token"), status: .unauthorized)
            }
            let policy = access.security.sessionPolicy
            // Session fixation: whatever session the browser came with ends; the new one has a fresh id (as on /signin).
            if let old = SessionCookie.value(request), (1...128).contains(old.count) { try await store.deleteSession(old) }
            // The entry in the session's own transaction: a sign-in the trail cannot record gives no session.
            let session = try await store.createSession(organisation: organisation.id, policy: policy, now: access.security.now()) { id in
                Caller(organisation: organisation, session: nil).auditEntry("session.sign-in", target: "organisation", id)
            }
            return Self.redirect(Self.afterSignIn(form.next),
                                 cookie: SessionCookie.set(session, maxAge: policy.absoluteSeconds, secure: access.secureCookies(request)))
        }
        router.post("/match/signout") { request, _ in
            // Signing out needs no right beyond being signed in.
            try await signedIn(request, needsMarketRights: false) { caller, _ in
                if let session = SessionCookie.value(request) { try await store.deleteSession(session) }
                if let organisation = caller.organisation {
                    await AuditRecorder.record(caller, "session.sign-out", target: "organisation", organisation.id, in: store)
                }
                return Self.redirect("/match", cookie: SessionCookie.clear(secure: access.secureCookies(request)))
            }
        }
        router.post("/match/demands") { request, _ in
            try await signedIn(request) { caller, fields in
                do {
                    let record = try await api.post(fields, by: caller, shared: MarketAccess.flag(fields["shared"]) ?? false)
                    return Self.redirect("/match/demands/\(record.id)")
                } catch let error as AppError {
                    return try await page(request, caller: try await access.caller(request), error: error.reason, form: fields, status: .badRequest)
                }
            }
        }
        router.post("/match/share/:id") { request, context in
            try await signedIn(request) { caller, form in
                let shared = MarketAccess.flag(form["shared"]) ?? false
                let id = try MarketAPI.id(context)
                // Back to the page the button was on: the list, or the demand's own page.
                let back = form["back"] == "demand" ? "/match/demands/\(id)" : "/match"
                return try await renderer.page {
                    _ = try await api.share(id, shared: shared, by: caller)
                    return Self.redirect(back)
                }
            }
        }
        router.post("/match/delete/:id") { request, context in
            try await signedIn(request) { caller, _ in
                let id = try MarketAPI.id(context)
                return try await renderer.page {
                    try await api.delete(id, by: caller)
                    return Self.redirect("/match")
                }
            }
        }
        router.get("/match/demands/:id") { request, context in
            try await renderer.page {
                let caller = try await access.caller(request)
                let record = try await api.demand(request, context)
                let result = try await api.matches(record, viewer: caller.organisation?.id, limit: 30)
                let view = MarketDemandView(record, result, viewer: caller.organisation, csrfToken: caller.csrfToken)
                return try renderer.render("match-demand", nav: "match", view: view, data: result)
            }
        }
    }

    /// Where sign-in leads: back to the page that offered it (only this site's own pages that do).
    static func afterSignIn(_ next: String?) -> String { ["/import", "/leads", "/inbox"].contains(next ?? "") ? next ?? "/match" : "/match" }

    /// A form post in the signed-in organisation's name with the session's CSRF token, or the page saying why not
    /// (401 signed out, 403 a stale or foreign form).
    func signedIn(_ request: Request, needsMarketRights: Bool = true,
                  _ body: (Caller, [String: String]) async throws -> Response) async throws -> Response {
        let form = try await request.formFields()
        let caller: Caller
        do {
            caller = try await access.requireWriter(request, csrf: form[SessionCookie.formField], for: needsMarketRights ? .shareDemands : .read)
            if needsMarketRights { _ = try MarketAPI.owner(caller) }
        } catch let error as HTTPError {
            let message = Reason(error.status == .unauthorized ? "api.sign-in-first" : "api.stale-form")
            return try await page(request, caller: try await access.caller(request), error: message, status: error.status)
        }
        return try await body(caller, form)
    }

    func page(_ request: Request, caller: Caller, error: Reason? = nil, form: [String: String] = [:],
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let store = access.store, organisation = caller.organisation
        let demands = try await store.marketRecords(.demand, visibleTo: organisation?.id)
        let offers = try await store.marketRecords(.offer, visibleTo: organisation?.id)
        let talents = try await store.marketRecords(.talent, visibleTo: organisation?.id)
        let view = MarketView(organisation: organisation, csrfToken: caller.csrfToken, demands: demands, offers: offers, talents: talents,
                              index: try await cache.index(), error: error, form: form)
        var response = try renderer.render("match", nav: "match", view: view, data: demands)
        response.status = status
        return response
    }

    static func redirect(_ location: String, cookie: Cookie? = nil) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location])
        if let cookie { response.setCookie(cookie) }
        return response
    }
}

/// `POST /match/signin`: an organisation's token, and the page to go back to.
struct TokenSignInForm: PostedForm { var csrf, token, next: String? }
