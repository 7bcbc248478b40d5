import Foundation
import Hummingbird
import BrainAnalytics
import BrainModel
import BrainUseCases

/// The 招商 list's choices as query parameters, shared by `/api/regions/{code}/targets` and the region's XLSX:
/// `strategy` (a preset id or `custom`), the weights by key (`density`, `gap`, `strong`, `extend`, `pci`, `strength`,
/// `links`, each 0–1, overriding the preset), `sameProvince` (include, flag, exclude), `page` (from 1), `size` (1–500;
/// `limit` is the older name), `riskWarned` (exclude, the default, or include ST/*ST firms). The reasons' language (`lang`) is the JSON response's, as everywhere in the API.
struct TargetsQuery {
    var sameProvince: InvestmentTargets.SameProvince
    var riskWarned: InvestmentTargets.RiskWarned
    var strategy: TargetStrategy
    var paging: Paging

    init(_ query: Parameters, defaultSize: Int = 50) throws {
        guard let mode = InvestmentTargets.SameProvince(rawValue: query.get("sameProvince") ?? "flag") else {
            throw AppError.badRequest(Reason("api.same-province"))
        }
        sameProvince = mode
        guard let risk = InvestmentTargets.RiskWarned(rawValue: query.get("riskWarned") ?? "exclude") else {
            throw AppError.badRequest(Reason("api.risk-warned"))
        }
        riskWarned = risk
        paging = try Paging(query, defaultSize: defaultSize, legacySize: "limit", maxSize: 500)
        var weights: [String: String] = [:]
        for key in TargetStrategy.Weights.keys { if let value = query.get(key) { weights[key] = value } }
        do { strategy = try TargetStrategy.parse(strategy: query.get("strategy"), weights: weights) } catch {
            throw AppError.badRequest(error.reason)
        }
    }

    /// The 招商 list these choices ask for, from the region's level in `generation`.
    func report(_ code: String, level: RegionLevel, in generation: AnalyticsGeneration) async throws -> InvestmentTargets.Report {
        do {
            return try await generation.investmentTargets(level: level).report(region: code, sameProvince: sameProvince, riskWarned: riskWarned,
                                                                             strategy: strategy, page: paging.page, size: paging.size)
        } catch let error as AnalyticsError { throw AppError(Refusal(error)) }
    }
}
