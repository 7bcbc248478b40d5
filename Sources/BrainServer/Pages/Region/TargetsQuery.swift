import Foundation
import Hummingbird
import BrainAnalytics
import BrainModel

/// The 招商 list's choices as query parameters, shared by `/api/regions/{code}/targets` and the region's XLSX:
/// `strategy` (a preset id or `custom`), the weights by key (`density`, `gap`, `strong`, `extend`, `pci`, `strength`,
/// `links`, each 0–1, overriding the preset), `sameProvince` (include, flag, exclude), `page` (from 1), `size` (1–500;
/// `limit` is the older name) and `lang` (the reasons' `text`).
struct TargetsQuery {
    var sameProvince: InvestmentTargets.SameProvince
    var strategy: TargetStrategy
    var page: Int
    var size: Int
    var language: DisplayLanguage

    init(_ query: Parameters, defaultSize: Int = 50) throws {
        guard let mode = InvestmentTargets.SameProvince(rawValue: query.get("sameProvince") ?? "flag") else {
            throw PageError.badRequest(Reason("api.same-province"))
        }
        sameProvince = mode
        guard let size = Int(query.get("size") ?? query.get("limit") ?? "\(defaultSize)"), (1...500).contains(size) else {
            throw PageError.badRequest(Reason("api.size", ["max": "500"]))
        }
        self.size = size
        guard let page = Int(query.get("page") ?? "1"), (1...100_000).contains(page) else {
            throw PageError.badRequest(Reason("api.page"))
        }
        self.page = page
        var weights: [String: String] = [:]
        for key in TargetStrategy.Weights.keys { if let value = query.get(key) { weights[key] = value } }
        do { strategy = try TargetStrategy.parse(strategy: query.get("strategy"), weights: weights) } catch {
            throw PageError.badRequest(error.reason)
        }
        language = DisplayLanguage(query: query.get("lang"))
    }

    /// The API's encoder, rendering reasons in the chosen language.
    var encoder: JSONEncoder {
        ReasonEncoding.language(language).encoder(like: JSONResponse.encoder)
    }
}
