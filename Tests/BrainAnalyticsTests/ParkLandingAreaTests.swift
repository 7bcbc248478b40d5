import Foundation
import Testing
import BrainAnalytics
import BrainModel

/// The preferred area by name, its two modes, and the land and GMP reasons, on the hand-built chain of
/// ParkLandingTests with a few namesakes added (吉林 the province and the city; 鼓楼区 in 南京 and 福州).
@Suite struct ParkLandingAreaTests {
    static func index() throws -> SnapshotIndex {
        var data = try ParkLandingTests.index().data
        let source = ExploreFixture.source
        data.regions += [
            Region(code: "220000", name: "吉林省", level: .province, parentCode: "000000", provenance: source),
            Region(code: "220200", name: "吉林市", level: .city, parentCode: "220000", provenance: source),
            Region(code: "310000", name: "上海市", level: .province, parentCode: "000000", provenance: source),
            Region(code: "310100", name: "上海市", level: .city, parentCode: "310000", provenance: source),
            Region(code: "310115", name: "浦东新区", level: .district, parentCode: "310100", provenance: source),
            Region(code: "320100", name: "南京市", level: .city, parentCode: "320000", provenance: source),
            Region(code: "320106", name: "鼓楼区", level: .district, parentCode: "320100", provenance: source),
            Region(code: "350100", name: "福州市", level: .city, parentCode: "350000", provenance: source),
            Region(code: "350102", name: "鼓楼区", level: .district, parentCode: "350100", provenance: source),
        ]
        data.parks[1].facts = "截至2018年建成15平方公里"
        return SnapshotIndex(data)
    }

    @Test func namesResolveAsPeopleSayThem() throws {
        let index = try Self.index()
        let cases = ["苏州": "320500", "苏州市": "320500", "江苏": "320000", "江苏省": "320000", " 320000 ": "320000",
                     "浦东": "310115", "浦东新区": "310115", "上海": "310000", "上海市": "310000", "吉林省": "220000", "杭州": "330100"]
        for (typed, code) in cases {
            #expect((try? AreaNames.resolve(typed, in: index).get())?.code == code, "\(typed)")
        }
        guard case .failure(.ambiguous(_, let jilin)) = AreaNames.resolve("吉林", in: index) else { Issue.record("吉林"); return }
        #expect(jilin.map(\.code) == ["220000", "220200"])
        guard case .failure(let gulou) = AreaNames.resolve("鼓楼区", in: index) else { Issue.record("鼓楼区"); return }
        let text = ReasonText.render(gulou.reason(index), in: .zh)
        #expect(text.contains("南京市，320106") && text.contains("福州市，350102"), "\(text)")
        guard case .failure(.unknown) = AreaNames.resolve("火星", in: index) else { Issue.record("火星"); return }
    }

    @Test func boostAddsAStatedBonusAndFilterKeepsOnlyTheArea() throws {
        let index = try Self.index()
        let landing = ParkLanding(index, links: NodeLinks(index))
        let plain = try landing.rank(.init(nodes: ["api"], stage: "manufacturing"))
        let boost = try landing.rank(.init(nodes: ["api"], stage: "manufacturing", preferredArea: "浙江"))
        #expect(boost.area?.code == "330000" && boost.areaMode == "boost")
        for park in boost.parks {
            let before = try #require(plain.parks.first { $0.park.id == park.park.id })
            let inside = park.park.id == "hz-rnd"
            // area 1 (0.10) instead of 0.5 (0.05) plus the bonus inside; area 0 instead of 0.5 outside.
            #expect(abs(park.score - before.score - (inside ? 0.05 + ParkLanding.areaBonus : -0.05)) < 1e-9)
            let code = inside ? "landing.in-preferred-area" : "landing.outside-preferred-area"
            #expect(park.reasonCodes.contains { $0.code == code && $0.values["area"] == "浙江省" })
        }
        #expect(boost.parks.first { $0.park.id == "hz-rnd" }?.reasons.contains("位于首选区域浙江省：得分加 0.30") == true)
        // One area term in the stated formula (the reviewer saw 0.10·区域 and + 0.30·首选区域加分 side by side).
        #expect(boost.formulaZh.components(separatedBy: "区域").count == 3 && boost.formulaZh.contains("0.40·区域"), "\(boost.formulaZh)")
        #expect(!plain.formulaZh.contains("0.40") && plain.formulaZh.contains("0.10·区域"))
        let filter = try landing.rank(.init(nodes: ["api"], stage: "manufacturing", preferredArea: "浙江省", areaMode: "filter"))
        #expect(filter.parks.map(\.park.id) == ["hz-rnd"])
        #expect(throws: AnalyticsError.self) { try landing.rank(.init(nodes: ["api"], stage: "rnd", areaMode: "only")) }
        #expect(throws: AnalyticsError.self) { try landing.rank(.init(nodes: ["api"], stage: "rnd", preferredArea: "吉林")) }
    }

    @Test func landAndGMPNeedsStateWhatTheDataHolds() throws {
        let index = try Self.index()
        let landing = ParkLanding(index, links: NodeLinks(index))
        let report = try landing.rank(.init(nodes: ["api"], stage: "manufacturing", needsGMP: true, landMu: 50))
        let hangzhou = try #require(report.parks.first { $0.park.id == "hz-rnd" })
        let land = try #require(hangzhou.reasonCodes.first { $0.code == "landing.land-stated" })
        #expect(land.values["mu"] == "22500" && land.values["need"] == "50 亩" && land.values["fact"] == "15平方公里")
        let suzhou = try #require(report.parks.first { $0.park.id == "sz-api" })
        #expect(suzhou.reasonCodes.contains { $0.code == "landing.land-unstated" })
        for park in report.parks {
            let gmp = park.reasonCodes.filter { $0.code.hasPrefix("landing.gmp-") }
            #expect(gmp.count == 1)
            if let makers = gmp.first, makers.code == "landing.gmp-makers" { #expect(Int(makers.values["count"] ?? "") ?? 0 > 0) }
        }
        let lab = try landing.rank(.init(nodes: ["api"], stage: "rnd"))
        #expect(lab.parks.allSatisfy { !$0.reasonCodes.contains { $0.code.hasPrefix("landing.gmp-") || $0.code.hasPrefix("landing.land-") } })
        #expect(throws: AnalyticsError.self) { try landing.rank(.init(nodes: ["api"], stage: "rnd", landMu: -3)) }
    }
}

/// The real bundle: an innovative-drug manufacturing project from 张江 preferring 江苏. From public knowledge, 泰州's
/// 中国医药城 is the national pharmaceutical high-tech zone and makes chemical and biological drugs; it belongs near the
/// top of 江苏's parks for such a project, and with a boost 江苏's parks come first.
@Suite struct ParkLandingRealDataTests {
    @Test func jiangsuPreferredPutsJiangsuFirstAndTaizhouInTheTopThree() throws {
        let index = try IndustryOnlyListsTests.index.get()
        try #require(index.data.parks.contains { $0.id == "taizhou-medcity" })
        for (typed, code) in ["江苏": "320000", "苏州": "320500", "苏州市": "320500", "上海": "310000", "浦东": "310115",
                              "泰州": "321200", "北京": "110000"] {
            #expect((try? AreaNames.resolve(typed, in: index).get())?.code == code, "\(typed)")
        }
        let landing = ParkLanding(index, links: NodeLinks(index))
        let project = ParkLanding.Project(nodes: ["innovative-drugs"], stage: "manufacturing", needsGMP: true,
                                          preferredArea: "江苏", origin: "310115")
        let report = try landing.rank(project)
        let inJiangsu = { (park: ParkLanding.Candidate) in index.lineage(park.park.regionCode).contains { $0.code == "320000" } }
        let first = try #require(report.parks.first)
        #expect(inJiangsu(first), "\(report.parks.map(\.park.id))")
        #expect(report.parks.prefix(3).contains { $0.park.id == "taizhou-medcity" }, "\(report.parks.map(\.park.id))")
        #expect(report.parks.allSatisfy { $0.reasonCodes.contains { $0.code.hasPrefix("landing.gmp-") } })
        var byCode = project
        byCode.preferredArea = "320000"
        #expect(try landing.rank(byCode).parks.map(\.park.id) == report.parks.map(\.park.id))
        var filtered = project
        filtered.areaMode = "filter"
        let only = try landing.rank(filtered)
        #expect(!only.parks.isEmpty && only.parks.allSatisfy(inJiangsu))
    }
}
