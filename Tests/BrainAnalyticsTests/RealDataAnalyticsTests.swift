import Foundation
import Testing
import BrainAnalytics
import BrainIngest
import BrainModel

/// Every method on the repository's real bundled data, loaded with the real importers.
@Suite struct RealDataAnalyticsTests {
    static let index: Result<SnapshotIndex, any Error> = Result {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data")
        return SnapshotIndex(try BundleLoader(folder: data).load().bundle)
    }
    static let city: Result<LevelAnalysis, any Error> = Result { LevelAnalysis(try index.get(), level: .city) }
    static let province: Result<LevelAnalysis, any Error> = Result { LevelAnalysis(try index.get(), level: .province) }

    @Test func valuesRollUpTheRegionHierarchy() throws {
        let city = try Self.city.get(), province = try Self.province.get(), index = try Self.index.get()
        let jiangsu = try #require(province.row(of: "320000"))
        let cities = index.regions(at: .city).filter { $0.parentCode == "320000" }.compactMap { city.row(of: $0.code) }
        for n in city.nodeIds.indices {
            let sum = cities.reduce(0) { $0 + city.table.matrix[$1, n] }
            #expect(province.table.matrix[jiangsu, n] >= sum)
        }
        // National node totals are the firms placed on each node.
        let api = try #require(province.nodeIds.firstIndex(of: "api"))
        #expect(province.table.nodeTotals[api] == Double(index.enterprisesByNode["api"]?.count ?? -1))
    }

    @Test func parksHoldTheFirmsOfTheirRegion() throws {
        let index = try Self.index.get(), city = try Self.city.get()
        let parks = RegionNodeMatrix(parksOf: index, measure: .firms)
        #expect(parks.matrix.rowLabels == index.data.parks.map(\.id))
        // 中国医药城 is recorded at city level (泰州市 321200): it holds exactly the city's firms.
        let park = try #require(parks.matrix.rowIndex(of: "taizhou-medcity")), taizhou = try #require(city.row(of: "321200"))
        for n in city.nodeIds.indices { #expect(parks.matrix[park, n] == city.table.matrix[taizhou, n]) }
        #expect(parks.regionTotals[park] == city.table.regionTotals[taizhou])
    }

    @Test func locationQuotientIsBalassa() throws {
        let city = try Self.city.get()
        let r = try #require(city.row(of: "320700")), n = try #require(city.nodeIds.firstIndex(of: "chemical-drugs"))
        let t = city.table
        let expected = (t.matrix[r, n] / t.regionTotals[r]) / (t.nodeTotals[n] / t.nationalTotal)
        #expect(city.lq.lq(region: r, node: n) == expected)
        #expect(expected > 1)  // 连云港: 恒瑞, 豪森 and others make chemical drugs its specialisation
    }

    @Test func opportunitiesAreAbsentNodesWithReasons() throws {
        let report = try Opportunities.report(try Self.city.get(), region: "320500")
        let present = Set(report.present.map(\.id))
        #expect(!report.opportunities.isEmpty)
        for item in report.opportunities {
            #expect(!present.contains(item.node.id))
            #expect(item.becauseOf.allSatisfy { present.contains($0.node.id) })
        }
        #expect(report.opportunities.map(\.rank) == Array(1...report.opportunities.count))
        #expect(throws: AnalyticsError.regionNotAtLevel("320000", .city)) { try Opportunities.report(try Self.city.get(), region: "320000") }
        #expect(throws: AnalyticsError.unknownRegion("999999")) { try Opportunities.report(try Self.city.get(), region: "999999") }
    }

    @Test func chainGapsClassifyEveryNode() throws {
        let city = try Self.city.get()
        let report = try ChainGaps.report(city, links: NodeLinks(try Self.index.get()), region: "320500")
        #expect(report.nodes.count == city.nodeIds.count)
        for node in report.nodes {
            switch node.status {
            case "strong": #expect((node.lq ?? 0) >= 1.25)
            case "weak": #expect(node.firms > 0 && (node.lq ?? 0) < 1.25)
            case "missing-related", "missing": #expect(node.firms == 0)
            default: Issue.record("unknown status \(node.status)")
            }
            #expect(!node.reasons.isEmpty)
        }
        #expect(report.fill.allSatisfy { a in report.nodes.first { $0.node.id == a.node.id }?.status == "missing-related" })
        #expect(report.extend.allSatisfy { a in report.nodes.first { $0.node.id == a.node.id }?.status != "strong" && !a.reasons.isEmpty })
    }

    @Test func chokepointsSayThereAreNoTradeFigures() throws {
        let report = try Chokepoints.report(try Self.index.get(), node: "culture-media")
        let node = try #require(report.nodes.first)
        #expect(node.importDependence == nil)
        #expect(node.importDependenceNote.code == "chokepoint.no-trade")
        #expect(ReasonText.render(node.importDependenceNote, in: .en).contains("no trade figures"))
        #expect(node.flags.contains(Reason("chokepoint.named")))
        #expect(node.suppliers == (try Self.index.get().enterprisesByNode["culture-media"]?.count ?? 0))
        let withTrade = try Chokepoints.report(try Self.index.get(), node: "culture-media",
                                               trade: ["culture-media": TradeFigures(imports: 90, production: 20, exports: 10)])
        #expect(withTrade.nodes.first?.importDependence == 0.9)
        #expect(withTrade.nodes.first?.flags.contains(Reason("chokepoint.import-dependent", ["share": "90%"])) == true)
    }

    @Test func peersAndClusterOnTheRealData() throws {
        let city = try Self.city.get()
        let peers = try Peers.report(city, region: "320500")
        #expect(peers.bySpecialisation.count == 5 && peers.bySize.count == 5)
        #expect(!peers.bySpecialisation.contains { $0.region.code == "320500" })
        // 苏州's firms on the chain, counted straight from the snapshot.
        let suzhouFirms = Double(try Self.index.get().biomedicineEnterprises.filter { $0.cityCode == "320500" }.count)
        #expect(suzhouFirms >= 10)
        #expect(peers.indicators.contains { $0.indicator == "biomedicineFirms" && $0.region == suzhouFirms })
        let cluster = try ClusterCriteria.report(city, region: "310100")
        #expect(cluster.criteria.count == 4)
        #expect(cluster.met == cluster.criteria.filter(\.met).count)
        #expect(cluster.criteria.allSatisfy { $0.margin == $0.value - $0.threshold })
    }

    @Test func qualityShowsComponentsAndTreatsMissingAsMissing() throws {
        let index = try Self.index.get()
        let quality = EnterpriseQuality(index, city: try Self.city.get())
        let hengrui = try quality.score("600276.SH")
        #expect(hengrui.dimensions.map(\.dimension) == ["space", "industry", "capital", "innovation", "talent"])
        #expect(hengrui.score.map { (0...100).contains($0) } == true)
        // A firm with no reported assets has that component missing, not zero, and a lower coverage.
        let noAssets = try #require(index.biomedicineEnterprises.first { $0.totalAssetsYi == nil })
        let score = try quality.score(noAssets.id)
        let assets = score.dimensions.flatMap(\.components).first { $0.indicator.hasPrefix("total assets") }
        #expect(assets?.raw == nil && assets?.normalised == nil)
        #expect(score.coverage < 1)
        #expect(throws: AnalyticsError.unknownEnterprise("000000.XX")) { try quality.score("000000.XX") }
    }

    @Test func innovationIndexHasChangesAndBands() throws {
        let table = RegionInnovationIndex.table(try Self.index.get(), level: .province, years: 2019...2023)
        let result = try CompositeIndex.compute(table, spec: RegionInnovationIndex.defaultSpec)
        let jiangsu = result.rows.filter { $0.unit == "320000" }.sorted { $0.year! < $1.year! }
        #expect(jiangsu.count == 5)
        #expect(jiangsu.dropFirst().allSatisfy { $0.change != nil && $0.rankBand != nil })
        // Listed biomedicine firms only accumulate, so Jiangsu's firm count never falls.
        let firms = table.rows.filter { $0.unit == "320000" }.sorted { $0.year! < $1.year! }.map { $0.values["biomedicineFirms"]! }
        #expect(firms == firms.sorted())
    }

    @Test func relatednessPredictsBetterThanChance() throws {
        let result = RelatednessValidation.auc(try Self.city.get().complexity)
        #expect((result.auc ?? 0) > 0.5)
        #expect(result.hiddenCells > 100)
    }
}
