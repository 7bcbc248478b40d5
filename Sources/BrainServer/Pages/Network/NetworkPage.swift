import Foundation
import Hummingbird
import BrainAnalytics
import BrainModel
import BrainUseCases

/// The chain's relatedness network with a region's presences (`/regions/{code}/network`,
/// `/api/regions/{code}/network?threshold=`) and the region's SWOT against peers the user picks
/// (`/regions/{code}/swot`, `/api/regions/{code}/swot?peers=无锡,常州,330100`). Both at the region's own level,
/// from the listed firms the product counts.
struct NetworkPage: Sendable {
    let cache: AnalyticsCache
    let renderer: PageRenderer
    /// More peers than this is no longer a comparison a page can show.
    static let maxPeers = 12

    /// The JSON routes, in the `/api/regions` collection (literal segments, so tried before `:code/:method`).
    func registerAPI(on regions: RouteCollection<BasicRequestContext>) {
        regions.get(":code/network") { request, context in
            try JSONResponse.ok(try await network(try context.parameters.path("code"), request.query(NetworkQuery.self)), for: request)
        }
        regions.get(":code/swot") { request, context in
            try JSONResponse.ok(try await swot(try context.parameters.path("code"), request.uri.queryParameters), for: request)
        }
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/regions/:code/network") { request, context in
            try await renderer.page {
                let report = try await network(try context.parameters.path("code"), request.query(NetworkQuery.self))
                let view = NetworkView.network(report, picker: try await NetworkView.picker(report.region, cache: cache))
                return try renderer.render("network", nav: "region", view: view, data: report)
            }
        }
        router.get("/regions/:code/swot") { request, context in
            try await renderer.page {
                let report = try await swot(try context.parameters.path("code"), request.uri.queryParameters)
                let view = NetworkView.swot(report, picker: try await NetworkView.picker(report.region, cache: cache))
                return try renderer.render("swot", nav: "region", view: view, data: report)
            }
        }
    }

    /// The region's analysis at its own level: an unknown region is a 404, the whole country a 400.
    func analysis(_ code: String) async throws -> LevelAnalysis {
        let region = try RegionCode.region(code, in: try await cache.index())
        guard region.level != .country else { throw AppError.badRequest(Reason("api.country-level")) }
        return try await cache.analysis(level: region.level)
    }

    func network(_ code: String, _ query: NetworkQuery) async throws -> RelatednessNetwork {
        let analysis = try await analysis(code)
        do { return try RelatednessNetworks.report(analysis, region: code, threshold: query.threshold ?? RelatednessNetworks.defaultThreshold) }
        catch let error as AnalyticsError { throw AppError(Refusal(error)) }
    }

    func swot(_ code: String, _ query: Parameters) async throws -> PeerSWOT {
        let analysis = try await analysis(code)
        let peers = try Self.peerCodes(query, analysis: analysis, region: code)
        do { return try PeerSWOTs.report(analysis, region: code, peers: peers) } catch let error as AnalyticsError {
            throw AppError.badRequest(error.reason)
        }
    }

    /// `peers`: names (苏州, 无锡市) or six-digit codes, comma-separated or repeated; absent for the default peers.
    /// Each must be one region at the region's level; the region itself is dropped.
    static func peerCodes(_ query: Parameters, analysis: LevelAnalysis, region code: String) throws -> [String]? {
        let typed = query.getAll("peers").flatMap { $0.split(whereSeparator: { ",，、".contains($0) }) }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !typed.isEmpty else { return nil }
        guard typed.count <= maxPeers else { throw AppError.badRequest(Reason("network.too-many-peers", ["max": "\(maxPeers)"])) }
        var codes: [String] = []
        for name in typed {
            let short = String(name.prefix(40))
            var resolved = AreaNames.resolve(short, in: analysis.index)
            // 吉林 is a province and a city: among peers of the region's level only one of them can be meant.
            if case .failure(.ambiguous(_, let candidates)) = resolved {
                let sameLevel = candidates.filter { $0.level == analysis.level }
                if sameLevel.count == 1 { resolved = .success(sameLevel[0]) }
            }
            switch resolved {
            case .failure(let problem):
                throw AppError.badRequest(Reason("network.peer-unknown", ["name": short, "detail": ReasonText.render(problem.reason(analysis.index), in: .zh),
                                                                           "detail.en": ReasonText.render(problem.reason(analysis.index), in: .en)]))
            case .success(let region):
                guard region.level == analysis.level, analysis.row(of: region.code) != nil else {
                    let level = NetworkView.levelNames[analysis.level] ?? (analysis.level.rawValue, analysis.level.rawValue)
                    throw AppError.badRequest(Reason("network.peer-level", ["name": short, "level": level.zh, "level.en": level.en]))
                }
                if region.code != code, !codes.contains(region.code) { codes.append(region.code) }
            }
        }
        guard !codes.isEmpty else { throw AppError.badRequest(Reason("network.no-peers")) }
        return codes
    }
}

/// `?threshold=`: the least φ of an edge beyond the spanning tree, above 0 and at most 1.
struct NetworkQuery: RouteQuery {
    var threshold: Double?

    static func badValue(_ parameter: String) -> Reason { Reason("network.threshold") }

    func validate() throws {
        if let threshold, !(threshold > 0 && threshold <= 1) { throw AppError.badRequest(Reason("network.threshold")) }
    }
}
