import Foundation
import Testing
import BrainAnalytics
import BrainModel

/// The 招商 ranking on hand-built regions, where what should come first is plain.
@Suite struct InvestmentTargetsTests {
    /// Four cities: 苏州 and 杭州 make APIs and chemical drugs, 南京 chemical drugs, 宁波 APIs. APIs and chemical drugs
    /// are therefore close (they co-occur), and a city with chemical drugs but no API is close to API makers.
    static func index() throws -> SnapshotIndex {
        var data = DataBundle(taxonomy: try ExploreFixture.taxonomy())
        let source = ExploreFixture.source
        let cities = [("320000", "江苏省", nil as String?), ("330000", "浙江省", nil), ("320500", "苏州市", "320000"),
                      ("320100", "南京市", "320000"), ("330100", "杭州市", "330000"), ("330200", "宁波市", "330000")]
        data.regions = [Region(code: "000000", name: "中国", level: .country, parentCode: nil, provenance: source)] + cities.map {
            Region(code: $0.0, name: $0.1, level: $0.2 == nil ? .province : .city, parentCode: $0.2 ?? "000000", provenance: source)
        }
        let firms: [(String, String, String, Double)] = [
            ("S1", "320500", "api", 10), ("S2", "320500", "chemical-drugs", 20),
            ("H1", "330100", "api", 30), ("H2", "330100", "chemical-drugs", 5),
            ("N1", "320100", "chemical-drugs", 8),
            ("B1", "330200", "api", 100), ("B2", "330200", "api", 1),
        ]
        data.enterprises = firms.map { ExploreFixture.firm($0.0, city: $0.1, assets: $0.3) }
        data.assignments = firms.map {
            ChainAssignment(enterpriseId: $0.0, nodeId: $0.2, method: "test", confidence: 1, evidence: "e", provenance: source)
        }
        return SnapshotIndex(data)
    }

    @Test func relatedFirmsOutsideComeFirstAndSameProvinceIsFlaggedOrExcluded() throws {
        let index = try Self.index()
        let analysis = LevelAnalysis(index, level: .city)
        let targets = InvestmentTargets.build(analysis)
        // Every firm outside 南京 is a candidate, ranked by score; its own firm never is.
        let nanjing = try targets.report(region: "320100", sameProvince: .flag, size: 10)
        #expect(!nanjing.targets.contains { $0.firm.id == "N1" })
        #expect(nanjing.candidates == 6)
        #expect(nanjing.targets.map(\.rank) == Array(1...6))
        // API and chemical drugs never share a city here (proximity 0), so for 南京 (chemical drugs) only the
        // chemical-drug makers of 苏州 and 杭州 are related: they lead, whatever the API makers' size.
        #expect(Set(nanjing.targets.prefix(2).map(\.firm.id)) == ["S2", "H2"])
        #expect(nanjing.targets.prefix(2).allSatisfy { $0.node?.id == "chemical-drugs" && $0.density == 1 })
        #expect(nanjing.targets.dropFirst(2).allSatisfy { $0.density == 0 })
        #expect(zip(nanjing.targets, nanjing.targets.dropFirst()).allSatisfy { $0.score >= $1.score })
        let suzhouFirms = nanjing.targets.filter { $0.firm.cityCode == "320500" }
        #expect(suzhouFirms.allSatisfy(\.sameProvince) && suzhouFirms.count == 2)
        #expect(suzhouFirms.allSatisfy { $0.reasons.contains { $0.code == "target.same-province" } })
        let excluded = try targets.report(region: "320100", sameProvince: .exclude, size: 10)
        #expect(excluded.candidates == 4)
        #expect(!excluded.targets.contains { $0.firm.provinceName == "江苏省" })
        // Every target says which node fits and how closely.
        #expect(excluded.targets.allSatisfy { $0.node != nil && $0.reasons.first.map { ReasonText.render($0, in: .zh) }?.contains("相关密度") == true })
        #expect(throws: AnalyticsError.self) { try targets.report(region: "999999") }
    }

    @Test func backtestScoresArePlausibleAndRepeatable() throws {
        let analysis = LevelAnalysis(try Self.index(), level: .city)
        let targets = InvestmentTargets.build(analysis)
        let first = TargetBacktest.run(targets, folds: 2, minimumFirms: 2, seed: 7)
        let again = TargetBacktest.run(targets, folds: 2, minimumFirms: 2, seed: 7)
        #expect(first.regions == 3)
        #expect(first.hiddenFirms == 6)
        #expect(first.model.auc == again.model.auc && first.sizeOnly.auc == again.sizeOnly.auc)
        for scores in [first.model, first.densityOnly, first.sizeOnly] {
            #expect((0...1).contains(scores.auc) && (0...1).contains(scores.precisionAt10))
        }
    }

    @Test func aucAndPrecisionOnAKnownOrdering() {
        // Positives a (0.9) and c (0.5) against negatives b (0.7) and d (0.1): a beats both, c beats one → AUC 3/4.
        let scores = TargetBacktest.scores([("a", 0.9), ("b", 0.7), ("c", 0.5), ("d", 0.1)], positives: ["a", "c"])
        #expect(scores.auc == 0.75)
        #expect(scores.precisionAt10 == 0.2)
        let ties = TargetBacktest.scores([("a", 0.5), ("b", 0.5)], positives: ["a"])
        #expect(ties.auc == 0.5)
    }
}
