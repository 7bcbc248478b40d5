import Foundation
import Testing
import BrainAnalytics
import BrainIngest
import BrainModel

/// The vetted product links on the repository's real bundle (issue 15 item 7): what an analyst rejected in the raw
/// knowledge graph must not come back through any consumer.
@Suite struct ProductLinksRealDataTests {
    static let links: Result<ProductLinks, any Error> = Result { ProductLinks(try RealDataAnalyticsTests.index.get()) }

    static func firm(_ stock: String, _ index: SnapshotIndex) throws -> Enterprise {
        try #require(index.data.enterprises.first { $0.stockCode == stock }, "listed firm \(stock)")
    }

    @Test func kangyuanHasNoCoalTarOrChemicalPlantSupplier() throws {
        let index = try RealDataAnalyticsTests.index.get(), links = try Self.links.get()
        let kangyuan = try Self.firm("600557", index)
        // The raw graph lists 煤焦油 (宝泰隆 makes it) as an input of 康缘's "中间体"; that relation is not a biomedicine link.
        #expect(index.productsByEnterprise[kangyuan.id]?.contains { $0.product == "中间体" } == true)
        #expect(!(links.inputs["中间体"] ?? []).contains { $0.upstream == "煤焦油" })
        let related = try RelatedFirms.report(index, links: links, enterprise: kangyuan.id, limit: 1_000)
        let names = Set((related.suppliers + related.customers).map(\.name))
        #expect(!names.contains { $0.contains("宝泰隆") || $0.contains("吉林化工") })
        for row in related.suppliers + related.customers {
            #expect(index.nodesByEnterprise[row.id] != nil, "\(row.name) is not on the chain")
        }
        let firmLinks = FirmLinks(index, links: links)
        let suppliers = (firmLinks.suppliers[kangyuan.id] ?? [:]).keys.compactMap { index.enterprisesById[$0]?.name }
        #expect(!suppliers.contains { $0.contains("宝泰隆") || $0.contains("吉林化工") })
    }

    @Test func noReasonTiesPatentMedicineToRecombinantProteinThroughHealthFood() throws {
        let links = try Self.links.get()
        #expect(!links.links.contains { $0.upstream == "口服胰岛素" && $0.downstream == "蚕蛹苦瓜胶囊" })
        let nodeLinks = NodeLinks(links)
        for link in nodeLinks.links {
            #expect(!link.examples.contains { $0.contains("蚕蛹苦瓜胶囊") || $0.contains("口服胰岛素") })
            #expect(Set([link.upstream, link.downstream]) != ["recombinant-proteins", "tcm-proprietary"])
        }
        let city = try RealDataAnalyticsTests.city.get()
        let regions = ["320500", "320700", "310000", "110000", "440300"].filter { city.row(of: $0) != nil }
        #expect(regions.count >= 3)
        for code in regions {
            let report = try ChainGaps.report(city, links: nodeLinks, region: code)
            for reason in report.extend.flatMap(\.reasons).map({ ReasonText.render($0, in: .zh) }) {
                #expect(!reason.contains("蚕蛹苦瓜胶囊") && !reason.contains("口服胰岛素"), "\(code): \(reason)")
            }
        }
    }

    @Test func suzhouApiMainProductsAreBiomedicine() throws {
        let index = try RealDataAnalyticsTests.index.get(), links = try Self.links.get()
        for name in ["扶梯导轨", "AKD系列造纸化学品", "保理"] { #expect(!links.isBiomedicine(name), "\(name)") }
        let report = try NodeExplorer.report(index, links: NodeLinks(links), node: "api", region: "320500")
        let products = report.products.map(\.product)
        #expect(!products.isEmpty)
        #expect(!products.contains { $0.contains("扶梯导轨") || $0.contains("AKD") || $0.contains("造纸") || $0 == "保理" })
        #expect(products.allSatisfy(links.isBiomedicine))
        // The chokepoint table lists a node's products too.
        let chokepoints = try Chokepoints.report(index, node: "api", region: "320500", productLimit: 10_000, vetted: links)
        let supplied = chokepoints.nodes.flatMap(\.products).map(\.product)
        #expect(!supplied.isEmpty && supplied.allSatisfy(links.isBiomedicine))
        #expect(!supplied.contains { $0.contains("扶梯导轨") || $0.contains("造纸") || $0 == "保理" })
    }

    @Test func everyFirmLinkJoinsTwoBiomedicineFirmsAlongTheTiers() throws {
        let index = try RealDataAnalyticsTests.index.get(), links = try Self.links.get()
        let tier = Dictionary(uniqueKeysWithValues: index.data.taxonomy.nodes.map { ($0.id, ChainTier.allCases.firstIndex(of: $0.tier) ?? 0) })
        let steps = Set(index.data.taxonomy.productVocabulary?.withinTierSteps ?? [])
        #expect(!links.links.isEmpty)
        for link in links.links {
            #expect(links.isBiomedicine(link.upstream) && links.isBiomedicine(link.downstream), "\(link.upstream) → \(link.downstream)")
            #expect(!link.nodePairs.isEmpty)
            for pair in link.nodePairs {
                let (up, down) = (pair[0], pair[1])
                #expect(links.nodes(of: link.upstream).contains(up) && links.nodes(of: link.downstream).contains(down))
                #expect((tier[up] ?? 9) < (tier[down] ?? -1) || steps.contains(pair), "\(link.upstream) → \(link.downstream): \(pair)")
            }
        }
        let firmLinks = FirmLinks(index, links: links)
        var pairs = 0
        for (customer, suppliers) in firmLinks.suppliers {
            for (supplier, link) in suppliers {
                pairs += 1
                #expect(index.nodesByEnterprise[customer] != nil && index.nodesByEnterprise[supplier] != nil)
                #expect(index.productsByEnterprise[supplier]?.contains { $0.product == link.upstream } == true)
                #expect(index.productsByEnterprise[customer]?.contains { $0.product == link.downstream } == true)
                #expect(links.runsAlongTiers(link))
            }
        }
        #expect(pairs > 0)
        // Generic lines never link, however many firms list them.
        let generic = Set(["服务", "其他", "贸易", "保理", "技术服务", "原料药", "医疗器械"])
        #expect(!links.links.contains { generic.contains($0.upstream) || generic.contains($0.downstream) })
        // Everything dropped is counted under one reason.
        #expect(links.links.count + links.dropped.values.reduce(0, +) == links.relationCount)
    }
}
