import Foundation
import Testing
import BrainAnalytics
import BrainModel
import BrainStore
import BrainUseCases

/// `brain bench recommend --leads-org`: a fixture organisation's leads read from a store, turned into labels (only
/// 签约/落地 and 放弃 leads naming a ranked firm and a region), scored, and the report naming its counts.
@Suite struct LeadBacktestTests {
    static let source = Provenance(source: "test", asOf: "2024")
    static let actor = LeadActor(actor: "org-token:bureau", at: "2026-11-30T03:00:00Z")

    /// Seven firms in four cities on two unrelated nodes (API makers and chemical-drug makers never share a city).
    static func bundle() throws -> DataBundle {
        let json = """
        {"id": "t", "name_zh": "测试", "name_en": "test", "version": "1",
         "tiers": [{"id": "upstream", "name_zh": "上游", "name_en": "Up"}, {"id": "midstream", "name_zh": "中游", "name_en": "Mid"}], "nodes": []}
        """
        var taxonomy = try JSONDecoder().decode(ChainTaxonomy.self, from: Data(json.utf8))
        taxonomy.nodes = [ChainNode(id: "api", tier: .upstream, parentId: nil, nameZh: "原料药", nameEn: "API"),
                          ChainNode(id: "chemical-drugs", tier: .midstream, parentId: nil, nameZh: "化学药", nameEn: "Chemical drugs")]
        var data = DataBundle(taxonomy: taxonomy)
        let cities = [("320000", "江苏省", nil as String?), ("330000", "浙江省", nil), ("320500", "苏州市", "320000"),
                      ("320100", "南京市", "320000"), ("330100", "杭州市", "330000"), ("330200", "宁波市", "330000")]
        data.regions = [Region(code: "000000", name: "中国", level: .country, parentCode: nil, provenance: source)] + cities.map {
            Region(code: $0.0, name: $0.1, level: $0.2 == nil ? .province : .city, parentCode: $0.2 ?? "000000", provenance: source)
        }
        let firms: [(String, String, String, Double)] = [
            ("S1", "320500", "api", 10), ("S2", "320500", "chemical-drugs", 20), ("H1", "330100", "api", 30),
            ("H2", "330100", "chemical-drugs", 5), ("N1", "320100", "chemical-drugs", 8), ("B1", "330200", "api", 100), ("B2", "330200", "api", 1),
        ]
        data.enterprises = firms.map {
            Enterprise(id: $0.0, name: "企业\($0.0)", provinceCode: Region.provinceCode(of: $0.1), cityCode: $0.1, totalAssetsYi: $0.3,
                       isBiomedicine: true, provenance: source)
        }
        data.assignments = firms.map { ChainAssignment(enterpriseId: $0.0, nodeId: $0.2, method: "test", confidence: 1, evidence: "e", provenance: source) }
        return data
    }

    static func lead(_ firm: String?, region: String?, stage: LeadStage) -> Lead {
        Lead(organisationId: "bureau", fields: LeadFields(enterpriseId: firm, firmName: firm.map { "企业\($0)" } ?? "某外资药企", regionCode: region),
             stage: stage, createdAt: "", updatedAt: "")
    }

    /// 南京 signed S2 and S1 (twice) and landed H2, dropped B1; a free-named firm, a lead without a region and an
    /// open lead are no labels.
    static func store() async throws -> any ImportingStore {
        let location = StoreLocation.sqlite(path: FileManager.default.temporaryDirectory.appendingPathComponent("brain-lead-backtest-\(UUID().uuidString).sqlite").path)
        try await location.build(try bundle())
        let store = try await location.open()
        _ = try await store.createOrganisation(id: "bureau", name: "南京市投资促进局")
        _ = try await store.createOrganisation(id: "other", name: "别的局")
        for (firm, region, stage) in [("S2", "320100", LeadStage.signed), ("S1", "320100", .signed), ("S1", "320100", .landed), ("H2", "320100", .landed),
                                      ("N1", "320500", .visit), ("H1", nil, .signed)] as [(String, String?, LeadStage)] {
            _ = try await store.createLead(lead(firm, region: region, stage: stage), by: actor)
        }
        _ = try await store.createLead(lead(nil, region: "320100", stage: .signed), by: actor)
        let dropped = try await store.createLead(lead("B1", region: "320100", stage: .contact), by: actor)
        _ = try await store.moveLead(dropped.id, organisation: "bureau", to: .dropped, reason: "选址他处", by: actor)
        // Another organisation's signed lead is never its label.
        _ = try await store.createLead(Lead(organisationId: "other", fields: LeadFields(enterpriseId: "B2", firmName: "企业B2", regionCode: "320100"),
                                            stage: .signed, createdAt: "", updatedAt: ""), by: actor)
        return store
    }

    @Test func signedAndLandedLeadsAreLabelsAndTheReportNamesTheCounts() async throws {
        let store = try await Self.store()
        let organisation = try await LeadBacktest.organisation("南京市投资促进局", in: store)
        #expect(organisation.id == "bureau")
        let workbench = try await AnalyticsWorkbench<NoExtras>.make(bundle: try await store.snapshot())
        let result = try await LeadBacktest.run(workbench, store: store, organisation: "bureau", level: .city, minimumPositives: 2,
                                                replicates: 50, seed: 3)
        let labels = result.labels
        #expect(Set(labels.labels) == [.init(enterpriseId: "S2", regionCode: "320100", positive: true),
                                       .init(enterpriseId: "S1", regionCode: "320100", positive: true),
                                       .init(enterpriseId: "H2", regionCode: "320100", positive: true),
                                       .init(enterpriseId: "B1", regionCode: "320100", positive: false)])
        #expect(labels.positives == 3 && labels.negatives == 1 && labels.openLeads == 1)
        #expect(labels.skipped == [.noFirm: 1, .noRegion: 1, .duplicate: 1])
        let evaluation = try #require(result.evaluation)
        // One region (南京); every firm but its own N1 is a candidate; three of them are its signed firms.
        #expect(evaluation.regions == 1 && evaluation.positives == 3 && evaluation.candidates == 6)
        // Signed above dropped on density alone: S2 and H2 (chemical drugs, 南京's node) beat B1 (API, density 0),
        // S1 (API) ties with it: (1 + 1 + ½) / 3.
        let paired = try #require(result.signedOverDropped)
        #expect(paired.candidates == 4)
        #expect(abs(paired.rankings[1].auc.value - 2.5 / 3) < 1e-12)
        let report = LeadBacktest.report(result, organisation: organisation, level: .city, seconds: 0.1, replicates: 50)
        #expect(report[0].contains("3 条签约/落地线索") && report[0].contains("1 条放弃线索"))
        #expect(report.contains { $0.contains("no-firm 1") && $0.contains("no-region 1") && $0.contains("duplicate 1") })
        #expect(report.contains { $0.hasPrefix("density only") })
    }

    @Test func tooFewLabelsSaySoInsteadOfFigures() async throws {
        let store = try await Self.store()
        let workbench = try await AnalyticsWorkbench<NoExtras>.make(bundle: try await store.snapshot())
        let result = try await LeadBacktest.run(workbench, store: store, organisation: "bureau", level: .city, minimumPositives: 5,
                                                replicates: 50, seed: 3)
        #expect(result.evaluation == nil && result.labels.positives == 3)
        let report = LeadBacktest.report(result, organisation: try #require(try await store.organisation(id: "bureau")), level: .city,
                                         seconds: 0, replicates: 50)
        #expect(report.last?.contains("标签太少") == true && report.last?.contains("3 条签约/落地线索") == true)
        #expect(!report.contains { $0.hasPrefix("learned model") })
        await #expect(throws: LeadBacktest.Failure.self) { try await LeadBacktest.organisation("无此局", in: store) }
    }
}
