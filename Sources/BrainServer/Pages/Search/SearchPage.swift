import Foundation
import Hummingbird
import BrainStore

/// `/search?q=`: results grouped by kind, updated as the user types (the same `/api/search`).
struct SearchPage: Sendable {
    let store: any Store
    let cache: AnalyticsCache
    let renderer: PageRenderer
    static let groups: [(kind: String, zh: String, en: String)] = [("enterprise", "企业", "Firms"), ("region", "地区", "Regions"),
                                                                    ("node", "产业链节点", "Chain nodes"), ("product", "产品", "Products")]

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/search") { request, _ in
            let query = request.uri.queryParameters
            guard let limit = Int(query.get("limit") ?? "10") else { throw PageError.badRequest("limit must be an integer from 1 to 50") }
            return try JSONResponse.ok(try await SiteSearch.run(store: store, cache: cache, query: query.get("q") ?? "", limit: limit))
        }
        router.get("/search") { request, _ in try await renderer.page { try await page(request) } }
    }

    func page(_ request: Request) async throws -> Response {
        let result = try await SiteSearch.run(store: store, cache: cache, query: request.uri.queryParameters.get("q") ?? "", limit: 20)
        let groups = Self.groups.map { group -> [String: Any] in
            ["kind": group.kind, "zh": group.zh, "en": group.en,
             "hits": result.hits.filter { $0.kind == group.kind }.map { ["label": $0.label, "detail": $0.detail ?? "", "url": $0.url] }]
        }
        return try renderer.render("search", nav: "search", context: ["q": result.query, "groups": groups,
                                                                      "enterprisesTotal": result.enterprisesTotal], data: result)
    }
}
