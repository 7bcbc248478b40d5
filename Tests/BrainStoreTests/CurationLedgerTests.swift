import Foundation
import Testing
import BrainModel

/// The one place curations change a firm: later ones win, revoked ones do not count, locations take the region's
/// parents, and placing or unplacing a firm says whether it is a biomedicine firm.
@Suite struct CurationLedgerTests {
    static let source = Provenance(source: "test", asOf: "2026")
    static let regions: [String: Region] = Dictionary(uniqueKeysWithValues: [
        Region(code: "320000", name: "江苏省", level: .province, parentCode: nil, provenance: source),
        Region(code: "320500", name: "苏州市", level: .city, parentCode: "320000", provenance: source),
        Region(code: "320576", name: "苏州工业园区", level: .district, parentCode: "320500", provenance: source),
    ].map { ($0.code, $0) })

    static func curation(_ id: String, _ action: Curation.Action, node: String? = nil, from: String? = nil, region: String? = nil,
                         revokes: String? = nil, at time: String = "2026-11-01T00:00:00.000Z") -> Curation {
        Curation(id: id, enterpriseId: "F", action: action, nodeId: node, fromNodeId: from, regionCode: region, revokes: revokes,
                 reason: "理由 " + id, author: "王分析", createdAt: time)
    }

    static func apply(_ curations: [Curation], machine: [String] = ["api"], biomedicine: Bool = true) -> (Enterprise, [String]) {
        var firm = Enterprise(id: "F", name: "测试", provinceCode: "110000", cityCode: "110100", districtCode: "110108",
                              isBiomedicine: biomedicine, provenance: source)
        var assignments = machine.map { ChainAssignment(enterpriseId: "F", nodeId: $0, method: "sw2021-official", confidence: 0.8,
                                                        evidence: "申万", provenance: source) }
        CurationLedger.apply(curations, enterprise: &firm, assignments: &assignments) { regions[$0] }
        return (firm, assignments.map(\.nodeId).sorted())
    }

    @Test func laterCurationsWinAndRevokedOnesDoNotCount() {
        #expect(Self.apply([Self.curation("a", .add, node: "x", at: "1"), Self.curation("b", .remove, node: "x", at: "2")]).1 == ["api"])
        #expect(Self.apply([Self.curation("b", .remove, node: "x", at: "2"), Self.curation("a", .add, node: "x", at: "1")]).1 == ["api"],
                "by time, not by the order given")
        #expect(Self.apply([Self.curation("a", .add, node: "x"), Self.curation("b", .remove, node: "x")]).1 == ["api"],
                "the same time: the order written")
        #expect(Self.apply([Self.curation("a", .move, node: "x", from: "api")]).1 == ["x"])
        #expect(Self.apply([Self.curation("a", .move, node: "x", from: "api"), Self.curation("r", .revoke, revokes: "a")]).1 == ["api"])
        let (_, nodes) = Self.apply([Self.curation("a", .add, node: "x")])
        #expect(nodes == ["api", "x"])
    }

    @Test func curatedAssignmentsAreCertainWithTheReason() {
        var firm = Enterprise(id: "F", name: "测试", provenance: Self.source)
        var assignments: [ChainAssignment] = []
        CurationLedger.apply([Self.curation("a", .add, node: "x")], enterprise: &firm, assignments: &assignments) { _ in nil }
        #expect(assignments.count == 1 && assignments[0].method == "curation" && assignments[0].confidence == 1)
        #expect(assignments[0].evidence == "理由 a" && assignments[0].provenance == Provenance(source: "curation:a", asOf: "2026-11-01"))
        #expect(firm.isBiomedicine, "an analyst placing a firm on the chain says it is a biomedicine firm")
    }

    @Test func locationsTakeTheRegionsParents() {
        let (district, _) = Self.apply([Self.curation("a", .locate, region: "320576")])
        #expect([district.provinceCode, district.cityCode, district.districtCode] == ["320000", "320500", "320576"])
        let (city, _) = Self.apply([Self.curation("a", .locate, region: "320500")])
        #expect([city.provinceCode, city.cityCode, city.districtCode] == ["320000", "320500", nil], "a city clears the machine's district")
        let (revoked, _) = Self.apply([Self.curation("a", .locate, region: "320576"), Self.curation("r", .revoke, revokes: "a")])
        #expect(revoked.districtCode == "110108")
    }

    @Test func removingTheLastNodeTakesTheFirmOffTheChain() {
        let (insurer, nodes) = Self.apply([Self.curation("a", .remove, node: "api")])
        #expect(nodes.isEmpty && !insurer.isBiomedicine)
        let (kept, _) = Self.apply([Self.curation("a", .remove, node: "api")], machine: ["api", "x"])
        #expect(kept.isBiomedicine, "a firm still on a node stays a biomedicine firm")
    }

    @Test func theBundleGetsTheSameAnswerAsOneFirm() throws {
        let empty = #"{"id": "t", "name_zh": "链", "name_en": "chain", "version": "1", "tiers": [], "nodes": []}"#
        var bundle = DataBundle(taxonomy: try JSONDecoder().decode(ChainTaxonomy.self, from: Data(empty.utf8)))
        bundle.regions = Array(Self.regions.values)
        bundle.enterprises = [Enterprise(id: "F", name: "测试", isBiomedicine: true, provenance: Self.source),
                              Enterprise(id: "G", name: "其他", isBiomedicine: true, provenance: Self.source)]
        bundle.assignments = ["F", "G"].map { ChainAssignment(enterpriseId: $0, nodeId: "api", method: "m", confidence: 0.5, evidence: "e",
                                                             provenance: Self.source) }
        CurationLedger.apply([Self.curation("a", .move, node: "x", from: "api"), Self.curation("b", .locate, region: "320576")], to: &bundle)
        #expect(bundle.assignments.map { "\($0.enterpriseId) \($0.nodeId) \($0.method)" } == ["F x curation", "G api m"])
        #expect(bundle.enterprises.map(\.districtCode) == ["320576", nil])
    }
}
