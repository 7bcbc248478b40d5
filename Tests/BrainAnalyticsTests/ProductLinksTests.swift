import Foundation
import Testing
import BrainAnalytics
import BrainModel

/// Hand-built graph: each relation is meant to meet one rule of `ProductLinks`.
@Suite struct ProductLinksTests {
    static func index() throws -> SnapshotIndex {
        var data = DataBundle(taxonomy: try ExploreFixture.taxonomy())
        data.taxonomy.nodes += [
            ChainNode(id: "wholesale", tier: .downstream, parentId: nil, nameZh: "医药批发流通", nameEn: "Wholesale", keywords: ["医药批发"]),
            ChainNode(id: "biologics", tier: .midstream, parentId: nil, nameZh: "生物药", nameEn: "Biologics", keywords: ["胰岛素"]),
        ]
        data.taxonomy.productVocabulary = ProductVocabulary(
            genericNames: ["技术服务"], genericWords: ["保理"], nonBiomedicineWords: ["保健食品"], biomedicineWords: ["西药"],
            nodeTerms: ["api": ["阿司匹林"]], feeds: ["api": ["chemical-drugs"]], maxMakers: 2)
        let source = ExploreFixture.source
        data.enterprises = ["A", "B", "C", "D"].map { ExploreFixture.firm($0, city: "320500", assets: 1) }
        data.assignments = [("A", "api"), ("B", "generic-drugs"), ("C", "api"), ("D", "api")].map {
            ChainAssignment(enterpriseId: $0.0, nodeId: $0.1, method: "test", confidence: 1, evidence: "", provenance: source)
        }
        data.products = [("A", "青霉素"), ("B", "阿莫西林胶囊"), ("B", "扶梯导轨"), ("A", "常见原料"), ("C", "常见原料"), ("D", "常见原料")].map {
            EnterpriseProduct(enterpriseId: $0.0, product: $0.1, revenueShare: nil, provenance: source)
        }
        func relation(_ from: String, _ to: String, _ kind: ProductRelationKind = .upstreamMaterial) -> ProductRelation {
            ProductRelation(from: from, to: to, kind: kind, provenance: source)
        }
        data.productRelations = [
            relation("阿莫西林胶囊", "青霉素"),                    // kept: api → chemical drug
            relation("青霉素", "阿莫西林胶囊", .downstreamProduct), // the same link stated the other way: counted once
            relation("阿莫西林胶囊", "阿司匹林"),                  // kept through the vocabulary
            relation("阿莫西林胶囊", "技术服务"),                  // generic name
            relation("阿莫西林胶囊", "应收保理款"),                // generic word
            relation("阿莫西林胶囊", "常见原料"),                  // three makers > maxMakers 2: generic
            relation("阿莫西林胶囊", "煤焦油"),                    // not biomedicine
            relation("青霉素保健食品", "青霉素"),                  // a non-biomedicine word wins over the keyword
            relation("阿莫西林胶囊", "西药"),                      // biomedicine, no node
            relation("青霉素", "青霉素钠"),                        // within one node
            relation("阿莫西林胶囊", "胰岛素胶囊"),                // two midstream nodes
            relation("青霉素", "阿莫西林胶囊"),                    // against the tiers: a drug is no input of its API
            relation("阿莫西林胶囊", "医药批发", .downstreamProduct), // kept: a drug goes into wholesale
            relation("抗生素", "青霉素", .subclass),               // a subclass, not a supply
            relation("医药批发", "青霉素"),                        // along the tiers, but an API feeds drugs, not wholesale
        ]
        return SnapshotIndex(data)
    }

    @Test func keepsOnlyBiomedicineLinksAlongTheTiersAndCountsTheRest() throws {
        let links = ProductLinks(try Self.index())
        #expect(Set(links.links.map { "\($0.upstream)→\($0.downstream)" }) == ["青霉素→阿莫西林胶囊", "阿司匹林→阿莫西林胶囊", "阿莫西林胶囊→医药批发"])
        #expect(links.dropped[.generic] == 3)
        #expect(links.dropped[.nonBiomedicine] == 2)
        #expect(links.dropped[.nodeUnsettled] == 1)
        #expect(links.dropped[.withinNode] == 1)
        #expect(links.dropped[.sameTier] == 1)
        #expect(links.dropped[.againstTiers] == 1)
        #expect(links.dropped[.notFed] == 1)
        #expect(links.dropped[.subclass] == 1)
        #expect(links.links.count + links.dropped.values.reduce(0, +) == links.relationCount)
        #expect(links.inputs["阿莫西林胶囊"]?.first { $0.upstream == "青霉素" }?.nodePairs == [["api", "chemical-drugs"]])
        #expect(links.isBiomedicine("阿莫西林胶囊") && links.isBiomedicine("西药"))
        #expect(!links.isBiomedicine("扶梯导轨") && !links.isBiomedicine("技术服务"))
        #expect(links.makers["青霉素"] == ["A"])
    }
}
