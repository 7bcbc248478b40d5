import Foundation
import Testing
import BrainAnalytics
import BrainIngest
import BrainModel

/// One denominator and small-number flags (issue 15) on the real bundle, and layer restriction on a tiny one.
@Suite struct CoverageTests {
    static let bundle: Result<DataBundle, any Error> = Result {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data")
        return try BundleLoader(folder: data).load().bundle
    }

    @Test(arguments: [RegionLevel.province, .city]) func theLQDenominatorIsTheFirmsLocatedToTheLevel(_ level: RegionLevel) throws {
        let index = SnapshotIndex(try Self.bundle.get())
        let analysis = LevelAnalysis(index, level: level)
        let coverage = Coverage(index, layers: .listed, level: level)
        #expect(analysis.table.nationalTotal == Double(coverage.located))
        #expect(analysis.table.nationalTotal == analysis.table.regionTotals.reduce(0, +))
        // At province level the base is the overview's "全部A股上市企业": every firm with a province.
        if level == .province { #expect(coverage.located == index.data.enterprises.filter { $0.provinceCode != nil }.count) }
        #expect(coverage.firms == index.data.enterprises.count && coverage.located <= coverage.firms)
    }

    @Test func lqsOnFewerThanThreeFirmsAreFlagged() throws {
        let analysis = LevelAnalysis(SnapshotIndex(try Self.bundle.get()), level: .city)
        let profile = try SpecialisationProfile.report(analysis, region: "320700")
        for row in profile.nodes {
            if row.lq != nil, row.value > 0, row.value < 3 {
                #expect(row.flag == SmallNumberFlag(code: "few-firms", firms: Int(row.value)), "\(row.node.id)")
            } else {
                #expect(row.flag == nil, "\(row.node.id)")
            }
        }
        #expect(profile.nodes.contains { $0.node.id == "innovative-drugs" && $0.flag != nil })
        #expect(SmallNumberFlag.check(firms: 0) == nil && SmallNumberFlag.check(firms: 3) == nil && SmallNumberFlag.check(firms: 2)?.firms == 2)
    }

    @Test func aLayerSetKeepsItsFirmsAndOnlyTheAssignmentsOfItsImports() throws {
        var bundle = DataBundle(taxonomy: try Self.bundle.get().taxonomy)
        let provenance = Provenance(source: "tushare-2024-05", asOf: "2024-05-01")
        var listed = Enterprise(id: "L", name: "上市", cityCode: "320500", isBiomedicine: true, provenance: provenance)
        listed.provinceCode = "320000"
        var imported = Enterprise(id: "I", name: "导入", cityCode: "320500", isBiomedicine: true, provenance: Provenance(source: "import:2", asOf: "2024-01-01"))
        imported.layer = "nmpa-2019"
        bundle.enterprises = [listed, imported]
        bundle.importLayers = [ImportLayer(importId: 2, layer: "nmpa-2019", organisationId: nil)]
        bundle.assignments = [
            ChainAssignment(enterpriseId: "L", nodeId: "api", method: "sw", confidence: 1, evidence: "", provenance: provenance),
            ChainAssignment(enterpriseId: "L", nodeId: "vaccines", method: "import-name", confidence: 0.7, evidence: "",
                            provenance: Provenance(source: "import:2", asOf: "2019-05-31")),
            ChainAssignment(enterpriseId: "I", nodeId: "tcm", method: "import-name", confidence: 0.7, evidence: "",
                            provenance: Provenance(source: "import:2", asOf: "2019-05-31")),
        ]
        let listedOnly = bundle.restricted(to: .listed)
        #expect(listedOnly.enterprises.map(\.id) == ["L"] && listedOnly.assignments.map(\.nodeId) == ["api"])
        let both = bundle.restricted(to: LayerSet(["nmpa-2019", "listed"]))
        #expect(both.enterprises.map(\.id) == ["L", "I"] && both.assignments.map(\.nodeId) == ["api", "vaccines", "tcm"])
        #expect(LayerSet(["import:10", "nmpa-2019", "listed", "import:2"]).description == "listed,nmpa-2019,import:2,import:10")
        #expect(!Layer.isWellFormed("listed;drop") && Layer.isWellFormed("import:12"))
    }
}
