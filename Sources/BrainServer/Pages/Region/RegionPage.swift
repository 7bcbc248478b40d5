import Foundation
import Hummingbird
import BrainAnalytics
import BrainModel
import BrainStore

/// `/regions/{code}`: the region's standing, its chain map by gap class, what to attract and why, benchmarks and
/// cluster criteria; exported as XLSX (`export.xlsx`) and as a printable PDF (`report.pdf`).
struct RegionPage: Sendable {
    let store: any Store
    let cache: AnalyticsCache
    let renderer: PageRenderer
    let reports: ResponseCache
    let pdf: PDFPrinter
    let access: MarketAccess

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/regions/:code/report") { request, context in
            try JSONResponse.ok(try await report(context.parameters.get("code") ?? "", for: request))
        }
        router.get("/api/regions/:code/targets") { request, context in
            let query = request.uri.queryParameters
            guard let mode = InvestmentTargets.SameProvince(rawValue: query.get("sameProvince") ?? "flag") else {
                throw PageError.badRequest("sameProvince is include, flag or exclude")
            }
            guard let limit = Int(query.get("limit") ?? "50"), (1...500).contains(limit) else {
                throw PageError.badRequest("limit must be an integer from 1 to 500")
            }
            let code = context.parameters.get("code") ?? ""
            guard let region = try await cache.index().regionsByCode[code], region.level != .country else {
                throw PageError.notFound("no province, city or district with code \(code)")
            }
            do {
                return try JSONResponse.ok(try await cache.investmentTargets(level: region.level).report(region: code, sameProvince: mode, limit: limit))
            } catch let error as AnalyticsError {
                throw PageError.from(error)
            }
        }
        router.get("/api/regions/:code/talent") { request, context in
            let code = context.parameters.get("code") ?? ""
            let market = try await visibleMarket(request)
            do { return try JSONResponse.ok(try TalentCube.report(try await cache.index(), region: code, market: market)) } catch let error as AnalyticsError {
                throw PageError.from(error)
            }
        }
        router.get("/api/match/offers") { request, _ in
            let query = request.uri.queryParameters
            guard let limit = Int(query.get("limit") ?? "20"), (1...200).contains(limit) else { throw PageError.badRequest("limit must be an integer from 1 to 200") }
            do {
                return try JSONResponse.ok(try await cache.serviceOffers().match(service: query.get("service") ?? "", region: query.get("region") ?? "", limit: limit))
            } catch let error as AnalyticsError {
                throw PageError.badRequest(error.description)
            }
        }
        router.get("/regions/:code") { request, context in
            let code = context.parameters.get("code") ?? ""
            return try await renderer.page { try await page(code, for: request) }
        }
        router.get("/regions/:code/export.xlsx") { request, context in
            try RegionExport.xlsx(try await report(context.parameters.get("code") ?? "", for: request))
        }
        router.get("/regions/:code/report.pdf") { _, context in
            let code = context.parameters.get("code") ?? ""
            let report = try await report(code)
            return try await pdf.response(path: "/regions/\(code)?print=1", filename: "\(report.region.name)-生物医药产业报告.pdf")
        }
    }

    func json(_ code: String) async throws -> Data {
        try await reports.body(code) { try JSONResponse.encoder.encode(try await RegionReport.build(store: store, cache: cache, code: code)) } ?? Data()
    }

    func report(_ code: String) async throws -> RegionReport {
        try JSONDecoder().decode(RegionReport.self, from: try await json(code))
    }

    /// Talent demands and talents the viewer may see: they change without a rebuild, so they are not in the cached report.
    func visibleMarket(_ request: Request) async throws -> [MarketRecord] {
        let viewer = try await access.organisation(request)?.id
        return try await access.store.marketRecords(.demand, visibleTo: viewer) + access.store.marketRecords(.talent, visibleTo: viewer)
    }

    /// The cached report with the talent demand the requester may see.
    func report(_ code: String, for request: Request) async throws -> RegionReport {
        var report = try await report(code)
        if let demand = TalentCube.demand(try await cache.index(), region: code, market: try await visibleMarket(request)) {
            report.talent.demand = demand
        }
        return report
    }

    func page(_ code: String, for request: Request) async throws -> Response {
        let report = try await report(code, for: request)
        return try renderer.render("region", nav: "region", context: RegionView.context(report), data: report)
    }
}
