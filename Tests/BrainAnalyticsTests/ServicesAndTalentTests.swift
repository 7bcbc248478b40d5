import Foundation
import Testing
import BrainAnalytics
import BrainModel

/// Service offers and talent supply on a hand-built case: two CRO firms, one in the city that needs the service.
@Suite struct ServicesAndTalentTests {
    static func index() throws -> SnapshotIndex {
        var data = DataBundle(taxonomy: try ExploreFixture.taxonomy())
        data.taxonomy.nodes.append(ChainNode(id: "cro", tier: .midstream, parentId: nil, nameZh: "CRO 研发外包", nameEn: "CRO"))
        let source = ExploreFixture.source
        data.regions = [
            Region(code: "000000", name: "中国", level: .country, parentCode: nil, provenance: source),
            Region(code: "320000", name: "江苏省", level: .province, parentCode: "000000", provenance: source),
            Region(code: "320500", name: "苏州市", level: .city, parentCode: "320000", longitude: 120.58, latitude: 31.30, provenance: source),
            Region(code: "330000", name: "浙江省", level: .province, parentCode: "000000", provenance: source),
            Region(code: "330100", name: "杭州市", level: .city, parentCode: "330000", longitude: 120.16, latitude: 30.28, provenance: source),
        ]
        var far = ExploreFixture.firm("FAR", city: "330100", assets: 500)
        far.employees = 900
        var near = ExploreFixture.firm("NEAR", city: "320500", assets: 1)
        near.employees = 100
        data.enterprises = [far, near, ExploreFixture.firm("API", city: "320500", assets: 5)]
        data.assignments = [("FAR", "cro"), ("NEAR", "cro"), ("API", "api")].map {
            ChainAssignment(enterpriseId: $0.0, nodeId: $0.1, method: "test", confidence: 1, evidence: "e", provenance: source)
        }
        data.universities = [University(id: "u1", name: "苏州医学院", cityCode: "320500", department: "教育部", level: "本科", remarks: nil, provenance: source),
                             University(id: "u2", name: "苏州理工", cityCode: "320500", department: "江苏省", level: "本科", remarks: nil, provenance: source)]
        return SnapshotIndex(data)
    }

    @Test func theNearOfferComesFirstAndNonServicesAreRefused() throws {
        let index = try Self.index()
        let offers = ServiceOffers(index, quality: EnterpriseQuality(index, city: LevelAnalysis(index, level: .city)))
        let match = try offers.match(service: "cro", region: "320500")
        #expect(match.offers == 2)
        #expect(match.matches.map(\.firm.id) == ["NEAR", "FAR"])
        #expect(match.matches.first?.reasons.contains(Reason("near.same-city")) == true)
        let far = try #require(match.matches.last?.distanceKm)
        #expect(far > 100 && far < 200)
        #expect(throws: AnalyticsError.self) { try offers.match(service: "api", region: "320500") }
        #expect(throws: AnalyticsError.unknownRegion("999999")) { try offers.match(service: "cro", region: "999999") }
    }

    @Test func talentSupplyCountsUniversitiesAndEmployeesByNode() throws {
        let cube = try TalentCube.report(try Self.index(), region: "320500")
        #expect(cube.universities == 2 && cube.medicalUniversities == 1)
        #expect(cube.medicalUniversityNames == ["苏州医学院"])
        #expect(cube.universitiesRank == 1 && cube.regionsRanked == 2)
        let cro = try #require(cube.nodes.first { $0.node.id == "cro" })
        #expect(cro.employees == 100 && cro.firms == 1 && cro.rank == 2 && cro.of == 2)   // 杭州's CRO is bigger
        #expect(throws: AnalyticsError.unknownRegion("000000")) { try TalentCube.report(try Self.index(), region: "000000") }
    }
}
