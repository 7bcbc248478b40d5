import Foundation
import BrainModel
import Hummingbird
import BrainStore
import BrainUseCases

/// `/search?q=`: results grouped by kind, updated as the user types (the same `/api/search`).
struct SearchPage: Sendable {
    let store: any Store
    let cache: AnalyticsCache
    let renderer: PageRenderer
    /// Who asks: another organisation's private import's firms are neither found nor counted.
    let access: MarketAccess
    static let groups: [(kind: String, zh: String, en: String)] = [("enterprise", "企业", "Firms"), ("region", "地区", "Regions"),
                                                                    ("node", "产业链节点", "Chain nodes"), ("product", "产品", "Products")]

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/search") { request, _ in
            let query = request.uri.queryParameters
            // `limit` is the older name of `size`; its default stays 10 for the suggestion box.
            let paging = try Paging(query, defaultSize: 10, legacySize: "limit")
            let text = query.get("q") ?? "", generation = try await cache.generation()
            let viewer = try await access.caller(request).firmViewer
            // Answers are kept per generation and per viewer: the same words typed by many people are searched once per
            // import, and one organisation's answer (with its private firms) is never served to another.
            let body = try await generation.searches.body("api|\(Self.cacheKey(viewer))|\(paging.page)|\(paging.size)|\(text)") {
                try JSONResponse.encoder.encode(try await SiteSearch.run(store: store, cache: generation, query: text, paging: paging, viewer: viewer))
            }
            return JSONResponse.response(.ok, data: body ?? Data())
        }
        router.get("/search") { request, _ in
            try await renderer.paged(request.uri.queryParameters) { paging in
                try await renderer.firstView(request, nav: "search") { try await page(request, paging: paging) }
            }
        }
    }

    func page(_ request: Request, paging: Paging) async throws -> Response {
        let text = request.uri.queryParameters.get("q") ?? "", generation = try await cache.generation()
        let viewer = try await access.caller(request).firmViewer
        let page = try await generation.searches.body("page|\(Self.cacheKey(viewer))|\(paging.page)|\(paging.size)|" + text) {
            try html(try await SiteSearch.run(store: store, cache: generation, query: text, paging: paging, viewer: viewer), paging: paging)
        }
        guard let page else { return JSONResponse.error(.internalServerError, Reason("api.template-missing", ["name": "search"])) }
        return PageRenderer.htmlResponse(page)
    }

    /// The part of a cached answer's key that says whose it is ("|" cannot occur in an organisation's id).
    static func cacheKey(_ viewer: FirmViewer) -> String {
        switch viewer {
        case .operator: "operator"
        case .organisation(let id): id.map { "org:" + $0.replacingOccurrences(of: "|", with: "_") } ?? "public"
        }
    }

    func html(_ result: SiteSearch, paging: Paging) throws -> Data? {
        try renderer.html("search", nav: "search", view: Self.view(result, paging: paging), data: result)
    }

    static func view(_ result: SiteSearch, paging: Paging) -> SearchView {
        // Regions, nodes and products are listed on the first page only: later pages page through firms, without the
        // other sections standing empty.
        let groups = Self.groups.filter { paging.page == 1 || $0.kind == "enterprise" }.map { group in
            SearchView.Group(kind: group.kind, zh: group.zh, en: group.en, hits: result.hits.filter { $0.kind == group.kind }.map { hit in
                SearchView.Hit(label: hit.label, detail: hit.detail ?? "", url: hit.url,
                               names: hit.labelEn.map { BilingualText(zh: hit.label, en: $0) },
                               details: hit.detailEn.map { BilingualText(zh: hit.detail ?? "", en: $0) }, matched: hit.matched.map { matched in
                    let label = matched.kind.label
                    return SearchView.Matched(kind: matched.kind.rawValue, name: matched.name, zh: label.zh, en: label.en, source: matched.source)
                })
            })
        }
        // The pager only when the firms need more than one page (or a page past the end was asked for).
        let pager = !result.query.isEmpty && (result.paging.pages > 1 || paging.page > 1)
            ? paging.pager(total: result.enterprisesTotal, path: "/search", keep: [("q", result.query)]) : nil
        return SearchView(q: result.query, groups: groups, enterprisesTotal: result.enterprisesTotal, pager: pager, nameKinds: nameKinds)
    }

    /// The kinds of name in both languages (`EnterpriseName.Kind.label`) as a JSON object, for the live suggestions'
    /// script: the same words as the page's own hits, from one table.
    static let nameKinds: String = {
        let labels = Dictionary(uniqueKeysWithValues: EnterpriseName.Kind.allCases.map { ($0.rawValue, [$0.label.zh, $0.label.en]) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Our own labels: no "<" to end the script early, checked by the page's tests.
        return (try? encoder.encode(labels)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }()
}

/// What `search.mustache` reads.
struct SearchView: PageView {
    struct Group: Encodable, Sendable { var kind, zh, en: String; var hits: [Hit] }
    /// A hit has no `kind` of its own: the template's `detail-{{kind}}` reads its group's.
    struct Hit: Encodable, Sendable {
        var label, detail, url: String
        /// label and detail per language, where they have an English form (nodes, product counts)
        var names, details: BilingualText?
        var matched: Matched?
    }
    /// The name a firm was found by, when not its current name.
    struct Matched: Encodable, Sendable { var kind, name, zh, en, source: String }
    /// Shown as typed, "" included (the status line shows for any query).
    var q: String
    var groups: [Group]
    var enterprisesTotal: Int
    var pager: Paging.Pager?
    /// JSON: each kind of name's label, Chinese and English.
    var nameKinds: String
}
