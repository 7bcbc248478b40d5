import Foundation
import Testing
import BrainIngest
import BrainModel

/// Demands, offers and talents files: every row checked against the real chain and region codes, every problem
/// named by row, column and value.
@Suite struct MarketFileCheckTests {
    static let data = AddressResolverTests.root.appendingPathComponent("data")
    static let taxonomy = Result { try BundleLoader.loadTaxonomy(data.appendingPathComponent("chain/biomedicine.json"), file: "chain/biomedicine.json") }

    func check(_ kind: MarketKind, _ text: String) throws -> (EnterpriseFileCheck.Summary, [NumberedMarketBody]) {
        var rows: [NumberedMarketBody] = []
        let check = MarketFileCheck(url: try TemporaryFile.write(text), kind: kind, taxonomy: try Self.taxonomy.get(),
                                    resolver: try EnterpriseFileCheckTests.resolver.get())
        let summary = try check.run { rows.append($0) }
        return (summary, rows)
    }

    @Test func demandsAreValidatedAgainstTheChainAndTheRegionCodes() throws {
        let (summary, rows) = try check(.demand, """
            需求类型,标题,服务,地区,预算(万元),截止日期,最低学历
            服务,IND 前药理毒理,cro,苏州市,300,2027-06-30,
            人才,双抗负责人,抗体药物,苏州工业园区,,,博士
            服务,不是服务,抗体药物,苏州市,,,
            服务,未知环节,火箭,苏州市,,,
            服务,未知地区,cro,火星市,,,
            服务,坏预算,cro,320500,很多,,
            """)
        #expect(summary.rows == 6 && summary.accepted == 2 && summary.rejected == 4)
        #expect(rows.map(\.line) == [2, 3])
        let first = try #require(rows.first?.body.demand)
        #expect(first.need == .service && first.nodeId == "cro" && first.regionCode == "320500" && first.budgetWan == 300 && first.deadline == "2027-06-30")
        let talent = try #require(rows.last?.body.demand)
        #expect(talent.need == .talent && talent.nodeId == "antibodies" && talent.regionCode == "320576" && talent.minDegree == .doctorate)
        let problems = summary.problems.map { "\($0.row) \($0.column) \($0.value)" }
        #expect(problems == ["4 服务 抗体药物", "5 服务 火箭", "6 地区 火星市", "7 预算(万元) 很多"])
        #expect(summary.problems[0].reason.contains("不是服务类环节") && summary.problems[0].rendered(in: .en).reason.contains("not a service"))
    }

    @Test func aBudgetInYuanIsKeptIn万元() throws {
        let (summary, rows) = try check(.demand, """
            需求类型,标题,服务,地区,预算(元)
            服务,毒理,cro,苏州市,3000000
            服务,临床,cro,苏州市,1.5亿元
            服务,外币,cro,苏州市,50万美元
            """)
        #expect(rows.compactMap(\.body.demand?.budgetWan) == [300, 15_000])
        #expect(summary.problems.map { "\($0.row) \($0.code ?? "")" } == ["4 import.amount-not-yuan"])
    }

    @Test func offersNeedAServiceNodeAndAValidCode() throws {
        let (summary, rows) = try check(.offer, """
            服务商,统一社会信用代码,服务,地区,能力
            示例中试平台,,CMO/CDMO 合同生产,苏州工业园区,2×2000L
            坏代码,914403001922038217,cdmo,苏州市,
            """)
        #expect(summary.accepted == 1 && summary.rejected == 1)
        #expect(rows.first?.body.offer == ServiceOffer(provider: "示例中试平台", nodeId: "cdmo", regionCode: "320576", capacity: "2×2000L"))
        #expect(summary.problems.first?.column == "统一社会信用代码")
    }

    @Test func talentsKeepTheFactsALeadingTalentEvaluationWeighs() throws {
        let (summary, rows) = try check(.talent, """
            姓名,单位,产业链环节,学历,人才称号,h指数,专利数,产业经验
            示例甲,示例大学,抗体药物、疫苗,博士,国家杰青；江苏省双创人才,35,12,5
            示例乙,,抗体药物,博士,诺贝尔奖,,,
            示例丙,,抗体药物,学士,,-3,,
            """)
        #expect(summary.accepted == 1 && summary.rejected == 2)
        let talent = try #require(rows.first?.body.talent)
        #expect(talent.nodeIds == ["antibodies", "vaccines"] && talent.honours == [.nationalLeading, .provincial])
        #expect(talent.hIndex == 35 && talent.patents == 12 && talent.industryYears == 5 && talent.degree == .doctorate)
        #expect(summary.problems.map(\.column) == ["人才称号", "h指数"])
    }

    @Test func aMissingRequiredColumnRefusesTheFile() throws {
        #expect(throws: EnterpriseFileCheck.FileError.self) { try check(.demand, "标题,地区\nx,苏州市\n") }
    }

    @Test func formFieldsGoThroughTheSameRules() throws {
        let parser = MarketRowParser(taxonomy: try Self.taxonomy.get(), resolver: try EnterpriseFileCheckTests.resolver.get())
        guard case .failure(let problem) = parser.parse(.demand, fields: ["title": "x", "node": "cro", "region": "苏州市", "years": "lots"]) else {
            Issue.record("accepted a bad number of years"); return
        }
        #expect(problem.column == "years")
        guard case .success(.demand(let demand)) = parser.parse(.demand, fields: ["title": "x", "node": "cdmo", "region": "310115"]) else {
            Issue.record("refused a good demand"); return
        }
        #expect(demand.regionCode == "310115" && demand.need == .service)
    }
}
