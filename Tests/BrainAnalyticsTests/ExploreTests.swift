import Foundation
import Testing
import BrainAnalytics
import BrainModel

/// Hand-built chain: 青霉素 (API) is an input of 阿莫西林胶囊 (a generic chemical drug); two firms of each in two cities.
enum ExploreFixture {
    static let source = Provenance(source: "test", asOf: "2024")

    static func taxonomy() throws -> ChainTaxonomy {
        let json = """
        {"id": "t", "name_zh": "测试", "name_en": "test", "version": "1",
         "tiers": [{"id": "upstream", "name_zh": "上游", "name_en": "Up"}, {"id": "midstream", "name_zh": "中游", "name_en": "Mid"}],
         "nodes": []}
        """
        var taxonomy = try JSONDecoder().decode(ChainTaxonomy.self, from: Data(json.utf8))
        taxonomy.nodes = [
            ChainNode(id: "api", tier: .upstream, parentId: nil, nameZh: "原料药", nameEn: "API", keywords: ["青霉素"]),
            ChainNode(id: "chemical-drugs", tier: .midstream, parentId: nil, nameZh: "化学药", nameEn: "Chemical drugs", keywords: ["胶囊"]),
            ChainNode(id: "generic-drugs", tier: .midstream, parentId: "chemical-drugs", nameZh: "仿制药", nameEn: "Generics"),
        ]
        return taxonomy
    }

    static func firm(_ id: String, city: String, assets: Double) -> Enterprise {
        Enterprise(id: id, name: "企业\(id)", provinceCode: Region.provinceCode(of: city), cityCode: city, totalAssetsYi: assets,
                   isBiomedicine: true, provenance: source)
    }

    static func index() throws -> SnapshotIndex {
        var data = DataBundle(taxonomy: try taxonomy())
        data.regions = [
            Region(code: "000000", name: "中国", level: .country, parentCode: nil, provenance: source),
            Region(code: "320000", name: "江苏省", level: .province, parentCode: "000000", provenance: source),
            Region(code: "320500", name: "苏州市", level: .city, parentCode: "320000", provenance: source),
            Region(code: "330000", name: "浙江省", level: .province, parentCode: "000000", provenance: source),
            Region(code: "330100", name: "杭州市", level: .city, parentCode: "330000", provenance: source),
        ]
        data.enterprises = [firm("A", city: "320500", assets: 10), firm("B", city: "320500", assets: 50),
                            firm("C", city: "330100", assets: 100), firm("D", city: "330100", assets: 5)]
        data.assignments = [("A", "api"), ("B", "generic-drugs"), ("C", "api"), ("D", "chemical-drugs")].map {
            ChainAssignment(enterpriseId: $0.0, nodeId: $0.1, method: "test", confidence: 1, evidence: "证据\($0.0)", provenance: source)
        }
        data.products = [("A", "青霉素"), ("B", "阿莫西林胶囊"), ("C", "青霉素"), ("D", "阿莫西林胶囊"), ("C", "平衡项目")].map {
            EnterpriseProduct(enterpriseId: $0.0, product: $0.1, revenueShare: nil, provenance: source)
        }
        data.productRelations = [
            ProductRelation(from: "阿莫西林胶囊", to: "青霉素", kind: .upstreamMaterial, provenance: source),
            ProductRelation(from: "阿莫西林胶囊", to: "青霉素", kind: .upstreamMaterial, provenance: source),
            ProductRelation(from: "青霉素", to: "阿莫西林胶囊", kind: .downstreamProduct, provenance: source),
            ProductRelation(from: "阿莫西林胶囊", to: "淀粉", kind: .upstreamMaterial, provenance: source),
            ProductRelation(from: "阿莫西林胶囊", to: "明胶", kind: .upstreamMaterial, provenance: source),
        ]
        return SnapshotIndex(data)
    }
}

@Suite struct ProductGraphTests {
    @Test func edgesRunFromInputToProductWithoutDuplicates() throws {
        let graph = ProductGraph(try ExploreFixture.index())
        let inputs = graph.inputs(of: "阿莫西林胶囊")
        // 上游材料 and 下游产品 state the same link twice; it counts once per kind, made-by-most first.
        #expect(inputs.map(\.upstream) == ["青霉素", "青霉素", "明胶", "淀粉"])
        #expect(Set(inputs.map(\.kind)) == ["upstream", "downstream"])
        #expect(graph.outputs(of: "青霉素").allSatisfy { $0.downstream == "阿莫西林胶囊" })
        #expect(graph.makers["青霉素"] == ["A", "C"])
    }

    @Test func neighbourhoodCapsFanOutAndCountsTheRest() throws {
        let graph = ProductGraph(try ExploreFixture.index())
        let small = graph.neighbourhood(of: "阿莫西林胶囊", fanout: 1)
        #expect(small.edges.count == 1)
        #expect(small.edges.first?.upstream == "青霉素")
        let center = try #require(small.products.first { $0.name == "阿莫西林胶囊" })
        #expect(center.moreUpstream == 3)
        #expect(center.makers == 2)
        #expect(graph.search("青霉", limit: 5) == ["青霉素"])
        // With the vetted links each edge says whether it links firms: 青霉素 does, 淀粉 (not biomedicine) does not.
        let index = try ExploreFixture.index()
        let marked = graph.neighbourhood(of: "阿莫西林胶囊", fanout: 10, vetted: ProductLinks(index))
        #expect(marked.edges.filter { $0.accepted == true }.map(\.upstream) == ["青霉素", "青霉素"])
        #expect(marked.edges.first { $0.upstream == "淀粉" }?.accepted == false)
        #expect(small.edges.allSatisfy { $0.accepted == nil })
        #expect(!graph.contains("不存在的产品"))
    }
}

@Suite struct RelatedFirmsTests {
    @Test func suppliersAndCustomersNearestFirst() throws {
        let index = try ExploreFixture.index()
        let links = ProductLinks(index)
        let b = try RelatedFirms.report(index, links: links, enterprise: "B")
        // A makes 青霉素 in B's city, C makes it in 杭州: the nearer supplier first although C is larger.
        #expect(b.suppliers.map(\.id) == ["A", "C"])
        #expect(b.suppliers.first?.relation.map { ReasonText.render($0, in: .zh) } == "供应 青霉素 → 本企业 阿莫西林胶囊")
        #expect(b.suppliers.first?.relation.map { ReasonText.render($0, in: .en) } == "supplies “青霉素” → this firm's “阿莫西林胶囊”")
        #expect(b.customers.isEmpty)
        let a = try RelatedFirms.report(index, links: links, enterprise: "A")
        #expect(a.customers.map(\.id) == ["B", "D"])
        #expect(a.sameNode.map(\.id) == ["C"])
        #expect(a.sameNode.first?.relation?.code == "related.same-node" && a.sameNode.first?.relation.map { ReasonText.render($0, in: .zh) } == "同属 原料药")
        #expect(throws: AnalyticsError.unknownEnterprise("Z")) { try RelatedFirms.report(index, links: links, enterprise: "Z") }
    }
}

@Suite struct NodeExplorerTests {
    @Test func nodeFirmsIncludeSubNodesAndFilterByRegion() throws {
        let index = try ExploreFixture.index()
        let links = NodeLinks(index)
        let national = try NodeExplorer.report(index, links: links, node: "chemical-drugs")
        #expect(national.firmCount == 2)
        #expect(national.firms.map(\.id) == ["B", "D"])
        #expect(national.firms.first?.reason == "证据B")
        #expect(national.subNodes.map(\.id) == ["generic-drugs"])
        #expect(national.byProvince.map(\.code) == ["320000", "330000"])
        #expect(national.upstream.map(\.node.id) == ["api"])
        let suzhou = try NodeExplorer.report(index, links: links, node: "chemical-drugs", region: "320500")
        #expect(suzhou.firms.map(\.id) == ["B"])
        let api = try NodeExplorer.report(index, links: links, node: "api")
        #expect(api.products.map(\.product) == ["青霉素"])
        #expect(throws: AnalyticsError.unknownNode("x")) { try NodeExplorer.report(index, links: links, node: "x") }
    }
}
