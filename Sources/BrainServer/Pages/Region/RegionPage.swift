import Foundation
import Hummingbird
import BrainAnalytics
import BrainModel
import BrainStore
import BrainUseCases

/// `/regions/{code}`: the region's standing, its chain map by gap class, what to attract and why, benchmarks and
/// cluster criteria; exported as XLSX (`export.xlsx`) and as a printable PDF (`report.pdf`).
struct RegionPage: Sendable {
    let store: any Store
    let cache: AnalyticsCache
    let renderer: PageRenderer
    let pdf: PDFPrinter
    let access: MarketAccess

    /// Its `/api/regions/{code}/…` routes, on the one region collection (`RegionRoutes`).
    func registerAPI(on regions: RouteCollection<BasicRequestContext>) {
        regions.get(":code/report") { request, context in
            try JSONResponse.ok(try await report(try context.parameters.path("code"), for: request), for: request)
        }
        regions.get(":code/targets") { request, context in
            let query = try TargetsQuery(request.uri.queryParameters)
            let code = try context.parameters.path("code")
            let (generation, _) = try await generation(for: request)
            let region = try RegionCode.region(code, in: generation.index)
            guard region.level != .country else { throw RegionCode.unknown(code) }
            return try JSONResponse.ok(try await query.report(code, level: region.level, in: generation), for: request)
        }
        regions.get(":code/talent") { request, context in
            let code = try context.parameters.path("code")
            let market = try await visibleMarket(request)
            do { return try JSONResponse.ok(try TalentCube.report(try await cache.index(), region: code, market: market)) } catch let error as AnalyticsError {
                throw AppError(Refusal(error))
            }
        }
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/match/offers") { request, _ in
            let query = request.uri.queryParameters
            guard let limit = Int(query.get("limit") ?? "20"), (1...200).contains(limit) else { throw AppError.badRequest(Reason("api.limit", ["max": "200"])) }
            do {
                return try JSONResponse.ok(try await cache.serviceOffers().match(service: query.get("service") ?? "", region: query.get("region") ?? "", limit: limit), for: request)
            } catch let error as AnalyticsError {
                throw AppError.badRequest(error.reason)
            }
        }
        router.get("/regions/:code") { request, context in
            let code = try context.parameters.path("code")
            return try await renderer.page { try await renderer.firstView(request, nav: "region") { try await page(code, for: request) } }
        }
        router.get("/regions/:code/export.xlsx") { request, context in
            // The targets sheet follows the strategy, same-province choice and page size the page chose.
            let query = try TargetsQuery(request.uri.queryParameters, defaultSize: 100)
            let code = try context.parameters.path("code")
            var report = try await report(code, for: request)
            let (generation, _) = try await generation(for: request)
            report.targets = try await query.report(code, level: report.region.level, in: generation)
            return try RegionExport.xlsx(report, language: DisplayLanguage(query: request.uri.queryParameters.get("lang")))
        }
        router.get("/regions/:code/report.pdf") { request, context in
            let code = try context.parameters.path("code")
            let report = try await report(code, for: request)
            let layers = report.coverage.layers == [Layer.listed] ? "" : "&layers=" + report.coverage.layers.joined(separator: ",")
            // The page takes its language from `lang` (app.js), so the printed report is in the language asked for.
            let language = DisplayLanguage(query: request.uri.queryParameters.get("lang"))
            return try await pdf.response(path: "/regions/\(code)?print=1&lang=\(language.rawValue)\(layers)",
                                          filename: "\(report.region.name)-" + (language == .zh ? "生物医药产业报告.pdf" : "biomedicine-report.pdf"))
        }
    }

    /// The region's report from `generation`, built once there (an unknown code is not kept: its error is rebuilt).
    func cachedReport(_ code: String, in generation: AnalyticsGeneration) async throws -> RegionReport {
        let build = { @Sendable in try await RegionReport.build(store: store, cache: generation, code: code) }
        guard generation.index.regionsByCode[code] != nil else { return try await build() }
        return try await generation.regionReports.value(code, build)
    }

    /// Builds in `new` the reports `old` had built (the `limit` most recently viewed), so the first views after a swap
    /// find them ready.
    func prebuild(_ new: AnalyticsGeneration, from old: AnalyticsGeneration?, limit: Int = 20) async {
        for code in (old?.regionReports.keys ?? []).prefix(limit) { _ = try? await cachedReport(code, in: new) }
    }

    func report(_ code: String) async throws -> RegionReport {
        try await cachedReport(code, in: try await cache.generation())
    }

    /// The generation counting the layers the request chose (`?layers=listed,nmpa-2019`, or the form's repeated
    /// `layers`), with the caller who chose them: each layer set has its own reports and pages.
    func generation(for request: Request) async throws -> (AnalyticsGeneration, Caller) {
        try await cache.generation(for: request, access: access)
    }

    /// Talent demands and talents the viewer may see: they change without a rebuild, so they are not in the cached report.
    func visibleMarket(_ request: Request) async throws -> [MarketRecord] {
        let viewer = try await access.organisation(request)?.id
        return try await access.store.marketRecords(.demand, visibleTo: viewer) + access.store.marketRecords(.talent, visibleTo: viewer)
    }

    /// The cached report with the talent demand the requester may see.
    func report(_ code: String, for request: Request) async throws -> RegionReport {
        let (generation, _) = try await generation(for: request)
        var report = try await cachedReport(code, in: generation)
        if let demand = TalentCube.demand(generation.index, region: code, market: try await visibleMarket(request)) {
            report.talent.demand = demand
        }
        return report
    }

    /// The page, rendered once per generation for each talent demand a viewer sees here (usually the one of nobody's).
    func page(_ code: String, for request: Request) async throws -> Response {
        let (generation, caller) = try await generation(for: request)
        var report = try await cachedReport(code, in: generation)
        let demand = TalentCube.demand(generation.index, region: code, market: try await visibleMarket(request))
        // The layer control lists the layers this caller may count: part of the key, as the talent demand is.
        let options = LayerChoice.options(generation.bundle, caller: caller, chosen: generation.layers)
        let key = code + "#" + (try demand.map { String(decoding: try JSONResponse.encoder.encode($0), as: UTF8.self) } ?? "")
            + "#" + options.map { "\($0.id):\($0.firms)" }.joined(separator: ",")
        if let html = generation.regionPages.cached(key) { return PageRenderer.htmlResponse(html) }
        if let demand { report.talent.demand = demand }
        guard let html = try renderer.html("region", nav: "region", view: RegionView(report, layers: options), data: report) else {
            return JSONResponse.error(.internalServerError, Reason("api.template-missing", ["name": "region"]))
        }
        generation.regionPages.store(key, html)
        return PageRenderer.htmlResponse(html)
    }
}

extension AnalyticsCache {
    /// The generation counting the layers the request chose, with the caller who chose them (region and overview pages).
    func generation(for request: Request, access: MarketAccess) async throws -> (AnalyticsGeneration, Caller) {
        let caller = try await access.caller(request)
        let base = try await generation()
        let text = request.uri.queryParameters.getAll("layers").joined(separator: ",")
        return (try await base.layered(try LayerChoice.parse(text, bundle: base.bundle, caller: caller)), caller)
    }
}
