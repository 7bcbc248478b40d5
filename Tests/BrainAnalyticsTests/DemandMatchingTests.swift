import Foundation
import Testing
import BrainAnalytics
import BrainModel

/// Demands matched to offers and talents on hand-built cases (the CRO firms of `ServicesAndTalentTests`).
@Suite struct DemandMatchingTests {
    static func index() throws -> SnapshotIndex {
        var data = try ServicesAndTalentTests.index().data
        data.taxonomy.nodes.append(ChainNode(id: "innovative-drugs", tier: .midstream, parentId: "chemical-drugs", nameZh: "创新药", nameEn: "Innovative"))
        return SnapshotIndex(data)
    }

    static func record(_ id: Int, _ body: MarketBody, org: String = "o") -> MarketRecord {
        MarketRecord(id: id, organisationId: org, organisationName: org, shared: false, createdAt: "2026-11-23", origin: "test", body: body)
    }

    func matching(_ index: SnapshotIndex) -> DemandMatching {
        DemandMatching(index, quality: EnterpriseQuality(index, city: LevelAnalysis(index, level: .city)))
    }

    @Test func aServiceDemandRanksFirmsAndImportedOffersTogether() throws {
        let index = try Self.index()
        let demand = Demand(need: .service, title: "药效评价", nodeId: "cro", regionCode: "320500")
        let market = [
            Self.record(7, .offer(ServiceOffer(provider: "苏州示例平台", nodeId: "cro", regionCode: "320500", capacity: "GLP"))),
            Self.record(8, .offer(ServiceOffer(provider: "原料药厂", nodeId: "api", regionCode: "320500"))),   // not the service
        ]
        let result = try matching(index).match(demand, market: market)
        #expect(result.candidates == 3)
        #expect(result.matches.first?.firm?.id == "NEAR")
        let imported = try #require(result.matches.first { $0.source == .importedOffer })
        #expect(imported.recordId == 7 && imported.name == "苏州示例平台")
        // 0.5 · service 1 + 0.3 · same city 1 + 0.2 · strength unknown 0
        #expect(abs(imported.score - 0.8) < 1e-9)
        // Reasons are codes with values, worded per language by the catalogue.
        let zh = imported.reasons.map { ReasonText.render($0, in: .zh) }, en = imported.reasons.map { ReasonText.render($0, in: .en) }
        #expect(zh.contains("同城") && zh.contains("实力未知") && zh.contains("能力 GLP"))
        #expect(en.contains("same city") && en.contains("strength unknown") && en.contains("capacity: GLP"))
    }

    @Test func aTalentDemandWeighsFieldLeadershipNearnessAndRequirements() throws {
        let index = try Self.index()
        let demand = Demand(need: .talent, title: "仿制药研发负责人", nodeId: "generic-drugs", regionCode: "320500", minDegree: .doctorate, minYears: 5)
        let leader = Talent(name: "甲", regionCode: "320500", nodeIds: ["generic-drugs"], degree: .doctorate, honours: [.academician],
                            papers: 100, hIndex: 50, patents: 20, projectsLed: 10, industryYears: 10, venturesFounded: 2)
        let sibling = Talent(name: "乙", regionCode: "320500", nodeIds: ["innovative-drugs"], degree: .doctorate, industryYears: 6)
        let short = Talent(name: "丙", regionCode: "320500", nodeIds: ["generic-drugs"], degree: .master)
        let elsewhere = Talent(name: "丁", regionCode: "320500", nodeIds: ["api"], degree: .doctorate)
        let market = [leader, sibling, short, elsewhere].enumerated().map { Self.record($0.offset + 1, .talent($0.element)) }
        let result = try matching(index).match(demand, market: market)
        #expect(result.candidates == 3)
        #expect(result.matches.map(\.name) == ["甲", "乙", "丙"])
        let scores = result.matches.map(\.score)
        // 甲: leading score 35 + 20 + 15 + 10 + 8 + 8 = 96 → 0.5 + 0.3 · 0.96 + 0.2 = 0.988
        #expect(abs(scores[0] - 0.988) < 1e-9)
        // 乙: sibling 0.5, leading 12 · 6/15 = 4.8 → 0.25 + 0.0144 + 0.2 = 0.4644
        #expect(abs(scores[1] - 0.4644) < 1e-9)
        // 丙: degree below (× 0.5), years unknown (× 0.8) → (0.5 + 0 + 0.2) · 0.4 = 0.28
        #expect(abs(scores[2] - 0.28) < 1e-9)
        let third = result.matches[2].reasons
        #expect(third.map { ReasonText.render($0, in: .zh) }.contains("学历 硕士 低于要求 博士") && third.contains(Reason("talent.years-unknown")))
        #expect(third.map { ReasonText.render($0, in: .en) }.contains("degree master's, below the doctorate asked"))
    }

    @Test func theLeadingTalentRubricIsCappedAndListsWhatIsUnknown() {
        let full = LeadingTalentScore(Talent(name: "x", nodeIds: [], honours: [.nationalYoung, .provincial], papers: 500, hIndex: 25,
                                             patents: 5, projectsLed: 20, industryYears: 30, venturesFounded: 0))
        // 20 (young, the highest held) + 15·25/50 + 5 (papers capped) + 15·5/20 + 10 (capped) + 12 (capped) + 0
        #expect(abs(full.total - (20 + 7.5 + 5 + 3.75 + 10 + 12)) < 1e-9)
        #expect(full.unknown.isEmpty)
        let empty = LeadingTalentScore(Talent(name: "y", nodeIds: []))
        #expect(empty.total == 0 && empty.unknown.count == 6)
    }

    @Test func talentDemandInARegionCountsOnlyItsOwnRecords() throws {
        let index = try Self.index()
        let market = [
            Self.record(1, .demand(Demand(need: .talent, title: "a", nodeId: "generic-drugs", regionCode: "320500", headcount: 3))),
            Self.record(2, .demand(Demand(need: .talent, title: "b", nodeId: "generic-drugs", regionCode: "330100"))),
            Self.record(3, .demand(Demand(need: .service, title: "c", nodeId: "cro", regionCode: "320500"))),
            Self.record(4, .talent(Talent(name: "甲", regionCode: "320500", nodeIds: ["generic-drugs"]))),
        ]
        let demand = try TalentCube.report(index, region: "320500", market: market).demand
        #expect(demand.demands == 1 && demand.headcount == 3 && demand.talents == 1)
        #expect(demand.nodes.map(\.node.id) == ["generic-drugs"])
        let province = try TalentCube.report(index, region: "320000", market: market).demand
        #expect(province.demands == 1)
        #expect(try TalentCube.report(index, region: "320500").demand.note.contains("no invented people"))
    }
}
