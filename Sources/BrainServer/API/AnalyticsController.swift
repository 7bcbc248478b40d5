import Hummingbird
import BrainAnalytics
import BrainModel
import BrainStore
import BrainUseCases

/// `/api/regions/{code}/{method}` and `/api/enterprises/{id}/quality`: the analytics of `brain analyze`, as JSON.
/// Query parameters: `level` (province, city, district; default the region's own), `measure` (firms, employees, assets),
/// `threshold` (presence on RCA, default 1); gaps take `strongLq`, peers `count`, chokepoints `node`, index `from`/`to`.
struct AnalyticsController {
    static let regionMethods = ["profile", "opportunities", "gaps", "chokepoints", "peers", "index", "cluster"] // also APIRoutes' enum
    let cache: AnalyticsCache

    func register(on router: Router<some RequestContext>) {
        let api = router.group("api")
        api.get("enterprises/:id/quality") { request, context in try await quality(try context.parameters.path("id"), request) }
        api.get("chokepoints") { request, _ in try await chokepoints(region: nil, request) }
        api.get("parks/:id/profile") { _, context in try await park(try context.parameters.path("id")) }
    }

    func regionMethod(_ code: String, _ method: String, _ request: Request) async throws -> Response {
        let region = try RegionCode.region(code, in: try await cache.index())
        let query = try request.query(AnalysisQuery.self)
        let level = query.level ?? region.level, measure = query.measure ?? .firms, threshold = query.threshold ?? 1
        if method == "chokepoints" { return try await chokepoints(region: code, request) }
        if method == "index" { return try await innovationIndex(region: region, request) }
        guard Self.regionMethods.contains(method) else {
            return JSONResponse.error(.notFound, Reason("api.unknown-analysis", ["method": String(method.prefix(40))]))
        }
        guard level != .country else { return JSONResponse.error(.badRequest, Reason("api.country-level")) }
        let analysis = try await cache.analysis(level: level, measure: measure, threshold: threshold)
        do {
            switch method {
            case "profile": return try JSONResponse.ok(try SpecialisationProfile.report(analysis, region: code), for: request)
            case "opportunities": return try JSONResponse.ok(try Opportunities.report(analysis, region: code), for: request)
            case "gaps":
                let strong = query.strongLq ?? 1.25
                guard strong > 0, strong <= 100 else { return JSONResponse.error(.badRequest, Reason("api.strong-lq")) }
                return try JSONResponse.ok(try ChainGaps.report(analysis, links: try await cache.nodeLinks(), region: code, strongLQ: strong), for: request)
            case "peers":
                let count = query.count ?? 5
                guard (1...50).contains(count) else { return JSONResponse.error(.badRequest, Reason("api.count")) }
                return try JSONResponse.ok(try Peers.report(analysis, region: code, count: count), for: request)
            default: return try JSONResponse.ok(try ClusterCriteria.report(analysis, region: code), for: request)
            }
        } catch let error as AnalyticsError {
            return JSONResponse.error(.badRequest, error.reason)
        }
    }

    func innovationIndex(region: Region, _ request: Request) async throws -> Response {
        let query = try request.query(AnalysisQuery.self), from = query.from ?? 2019, to = query.to ?? 2023
        guard (1900...2100).contains(from), (1900...2100).contains(to), from <= to, to - from <= 30 else {
            return JSONResponse.error(.badRequest, Reason("api.years"))
        }
        guard region.level != .country else { return JSONResponse.error(.badRequest, Reason("api.index-country")) }
        var result = try await cache.innovationIndex(level: region.level, years: from...to)
        // The region's own rows first: the page shows its trajectory, then the ranking context.
        result.rows.sort { ($0.unit == region.code ? 0 : 1, $0.year ?? "", $0.rank ?? Int.max) < ($1.unit == region.code ? 0 : 1, $1.year ?? "", $1.rank ?? Int.max) }
        return try JSONResponse.ok(result, for: request)
    }

    func chokepoints(region: String?, _ request: Request) async throws -> Response {
        let query = try request.query(AnalysisQuery.self)
        do {
            return try JSONResponse.ok(try Chokepoints.report(try await cache.index(), measure: query.measure ?? .assets, node: query.node, region: region,
                                                              vetted: try await cache.productLinks()), for: request)
        } catch let error as AnalyticsError {
            return JSONResponse.error(.badRequest, error.reason)
        }
    }

    /// `GET /api/parks/{id}/profile`: a park's firms and location quotients per chain node.
    func park(_ id: String) async throws -> Response {
        do {
            return try JSONResponse.ok(try ParkProfile.report(try await cache.index(), park: id))
        } catch let error as AnalyticsError {
            return JSONResponse.error(.notFound, error.reason)
        }
    }

    func quality(_ id: String, _ request: Request) async throws -> Response {
        do {
            return try JSONResponse.ok(try await cache.enterpriseQuality().score(id), for: request)
        } catch AnalyticsError.unknownEnterprise {
            return JSONResponse.error(.notFound, Reason("api.no-biomedicine-enterprise", ["id": String(id.prefix(64))]))
        }
    }

    static var badMeasure: Response { JSONResponse.error(.badRequest, badMeasureReason) }
    static let badMeasureReason = Reason("api.measure", ["choices": "firms（企业数）、employees（从业人员）或 assets（总资产）", "choices.en": "firms, employees or assets"])
}

/// The query of `/api/regions/{code}/{method}` and `/api/chokepoints` (`APIRoutes.regions`): what every analysis reads
/// (level, measure, threshold) checked for all; the one-method values (strongLq, count, from, to) range-checked by the
/// method that reads them, so a value one method does not use never refuses another.
struct AnalysisQuery: RouteQuery {
    var level: RegionLevel?
    var measure: Measure?
    var threshold: Double?
    var strongLq: Double?
    var count: Int?
    var node: String?
    var from: Int?
    var to: Int?

    static func badValue(_ parameter: String) -> Reason {
        switch parameter {
        case "level": Reason("api.level")
        case "measure": AnalyticsController.badMeasureReason
        case "threshold": Reason("api.threshold")
        case "strongLq": Reason("api.strong-lq")
        case "count": Reason("api.count")
        case "from", "to": Reason("api.years")
        default: Reason("api.bad-request", ["detail": String(parameter.prefix(40))])
        }
    }

    func validate() throws {
        if level == .country { throw AppError.badRequest(Reason("api.level")) }
        if let threshold, !(threshold.isFinite && threshold > 0 && threshold <= 100) { throw AppError.badRequest(Reason("api.threshold")) }
    }
}
