import Foundation
import Hummingbird
import BrainAnalytics
import BrainModel
import BrainStore

/// The supply–demand market in the browser: `/match` (sign in with the organisation's token, post a demand, the
/// demands you can see, share or withdraw yours) and `/match/demands/{id}` (who can meet it, with reasons).
/// Forms post with a SameSite=Strict cookie, so another site cannot post in the organisation's name.
struct MarketPage: Sendable {
    let access: MarketAccess
    let api: MarketAPI
    let cache: AnalyticsCache
    let renderer: PageRenderer

    func register(on router: Router<BasicRequestContext>) {
        let store = access.store
        router.get("/match") { request, _ in try await page(request, organisation: try await access.organisation(request)) }
        router.post("/match/signin") { request, _ in
            let token = (try await MarketAccess.form(request)["token"] ?? "").trimmingCharacters(in: .whitespaces)
            guard token.count <= 128, try await store.organisation(token: token) != nil else {
                return try await page(request, organisation: nil, error: "这个令牌不对 The token is not valid", status: .unauthorized)
            }
            return Self.redirect("/match", cookie: "\(MarketAccess.cookie)=\(token); Path=/; HttpOnly; SameSite=Strict")
        }
        router.post("/match/signout") { _, _ in
            Self.redirect("/match", cookie: "\(MarketAccess.cookie)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
        }
        router.post("/match/demands") { request, _ in
            try await signedIn(request) { organisation in
                let fields = try await MarketAccess.form(request)
                do {
                    let record = try await api.post(fields, by: organisation, shared: MarketAccess.flag(fields["shared"]) ?? false)
                    return Self.redirect("/match/demands/\(record.id)")
                } catch let error as PageError {
                    return try await page(request, organisation: organisation, error: error.message, form: fields, status: .badRequest)
                }
            }
        }
        router.post("/match/share/:id") { request, context in
            try await signedIn(request) { organisation in
                let form = try await MarketAccess.form(request)
                let shared = MarketAccess.flag(form["shared"]) ?? false
                let id = try MarketAPI.id(context)
                // Back to the page the button was on: the list, or the demand's own page.
                let back = form["back"] == "demand" ? "/match/demands/\(id)" : "/match"
                return try await renderer.page {
                    _ = try await MarketAccess.translating { try await store.setShared(id, shared: shared, by: organisation.id) }
                    return Self.redirect(back)
                }
            }
        }
        router.post("/match/delete/:id") { request, context in
            try await signedIn(request) { organisation in
                let id = try MarketAPI.id(context)
                return try await renderer.page {
                    try await MarketAccess.translating { try await store.deleteMarketRecord(id, by: organisation.id) }
                    return Self.redirect("/match")
                }
            }
        }
        router.get("/match/demands/:id") { request, context in
            try await renderer.page {
                let viewer = try await access.organisation(request)
                let record = try await api.demand(request, context)
                let result = try await api.matches(record, viewer: viewer?.id, limit: 30)
                return try renderer.render("match-demand", nav: "match", context: MarketView.demand(record, result, viewer: viewer), data: result)
            }
        }
    }

    /// A form post in the signed-in organisation's name, or the page asking to sign in (401).
    func signedIn(_ request: Request, _ body: (Organisation) async throws -> Response) async throws -> Response {
        guard let organisation = try await access.organisation(request) else {
            return try await page(request, organisation: nil, error: "请先登录 Sign in first", status: .unauthorized)
        }
        return try await body(organisation)
    }

    func page(_ request: Request, organisation: Organisation?, error: String? = nil, form: [String: String] = [:],
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let store = access.store
        let demands = try await store.marketRecords(.demand, visibleTo: organisation?.id)
        let offers = try await store.marketRecords(.offer, visibleTo: organisation?.id)
        let talents = try await store.marketRecords(.talent, visibleTo: organisation?.id)
        let context = MarketView.page(organisation: organisation, demands: demands, offers: offers, talents: talents,
                                      index: try await cache.index(), error: error, form: form)
        var response = try renderer.render("match", nav: "match", context: context, data: demands)
        response.status = status
        return response
    }

    static func redirect(_ location: String, cookie: String? = nil) -> Response {
        var headers: HTTPFields = [.location: location]
        if let cookie { headers[.setCookie] = cookie }
        return Response(status: .seeOther, headers: headers)
    }
}
