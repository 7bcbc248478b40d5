import Foundation
import Hummingbird
import BrainAnalytics
import BrainModel
import BrainStore
import BrainUseCases

/// `/enterprises/{id}`: the portrait — quality radar with components, facts with source and date, products, chain
/// nodes with evidence, related firms, and a timeline of events.
struct EnterprisePage: Sendable {
    let store: any ImportingStore
    let cache: AnalyticsCache
    let renderer: PageRenderer
    /// Who asks: a firm of another organisation's private import is a 404, as an unknown id is.
    let access: MarketAccess

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/enterprises/:id/portrait") { request, context in
            let viewer = try await access.caller(request).firmViewer
            return try JSONResponse.ok(try await EnterprisePortrait.build(store: store, cache: cache, id: try context.parameters.path("id"), viewer: viewer),
                                       for: request)
        }
        // Partner discovery: suppliers and customers through product relations and firms of the same node, nearest first.
        router.get("/api/enterprises/:id/partners") { request, context in
            let id = try context.parameters.path("id")
            do {
                return try JSONResponse.ok(try RelatedFirms.report(try await cache.index(), links: try await cache.productLinks(), enterprise: id, limit: 30), for: request)
            } catch let error as AnalyticsError {
                throw AppError(Refusal(error))
            }
        }
        router.get("/enterprises/:id") { request, context in
            let viewer = try await access.caller(request).firmViewer
            let id = try context.parameters.path("id")
            return try await renderer.page {
                try await renderer.firstView(request, nav: "search") {
                    let portrait = try await EnterprisePortrait.build(store: store, cache: cache, id: id, viewer: viewer)
                    return try renderer.render("enterprise", nav: "search", view: EnterpriseView(portrait), data: portrait)
                }
            }
        }
    }

    /// A value for a URL query, percent-encoded (the template then only HTML-escapes it).
    static func queryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    /// Words for a location's basis and reason, per language (the JSON keeps the codes).
    static let basisWords: [EnterpriseLocation.Basis: (zh: String, en: String)] = [
        .registered: ("注册地址", "registered address"), .office: ("办公地址", "office address"),
        .listingCity: ("上市公司资料所在城市", "city of the listing profile"),
    ]
    static let reasonWords: [EnterpriseLocation.Reason: (zh: String, en: String)] = [
        .noAddress: ("地址数据中无该公司（多为 2022 年后上市）", "no address on file (mostly listed after 2022)"),
        .noDistrictInAddress: ("地址未写明区县或开发区", "the address names no district or zone"),
        .cityMismatch: ("地址所在城市与公司所在城市不一致，保留城市", "the address lies in another city; the known city is kept"),
        .unresolved: ("地址无法识别", "the address could not be read"),
        .cityWithoutDistricts: ("该市不设区县", "the city has no districts"),
    ]
}
