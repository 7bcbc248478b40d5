import Foundation
import Hummingbird
import BrainAnalytics
import BrainModel
import BrainStore

/// `/chain`: every node by tier; `/chain/{id}?region=`: a node's firms, where they are, their products and the nodes
/// up- and downstream; `/products?name=`: the product graph around one product, expandable.
struct ChainPage: Sendable {
    let store: any Store
    let cache: AnalyticsCache
    let renderer: PageRenderer
    static let fanout = 8

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/chain/nodes/:id") { request, context in
            let paging = try Paging(request.uri.queryParameters)
            let report = try await node(context.parameters.get("id") ?? "", region: request.uri.queryParameters.get("region"), paging: paging)
            return try JSONResponse.ok(PagedNode(report: report, paging: paging.info(total: report.firmCount)))
        }
        router.get("/api/products/graph") { request, _ in
            let query = request.uri.queryParameters
            guard let fanout = Int(query.get("fanout") ?? "\(Self.fanout)"), (1...50).contains(fanout) else {
                throw PageError.badRequest(Reason("api.fanout"))
            }
            return try JSONResponse.ok(try await graph(query.get("product") ?? "", fanout: fanout))
        }
        router.get("/chain") { _, _ in try await overview() }
        router.get("/chain/:id") { request, context in
            try await renderer.paged(request.uri.queryParameters) { paging in
                let region = request.uri.queryParameters.get("region")
                let report = try await node(context.parameters.get("id") ?? "", region: region, paging: paging)
                let graph = try await cache.productGraph()
                var context = Self.context(report)
                if paging.pages(total: report.firmCount) > 1 || paging.page > 1 {
                    context["pager"] = paging.pager(total: report.firmCount, path: "/chain/" + SiteSearch.path(report.node.id),
                                                    keep: [("region", report.region?.code)])
                }
                // The graph starts from the node's most common product that the product graph links to anything.
                context["firstProduct"] = report.products.first { !graph.inputs(of: $0.product).isEmpty || !graph.outputs(of: $0.product).isEmpty }?.product
                    ?? report.products.first?.product ?? ""
                return try renderer.render("chain-node", nav: "chain", context: context, data: report)
            }
        }
        router.get("/products") { request, _ in
            try await renderer.page {
                let neighbourhood = try await graph(request.uri.queryParameters.get("name") ?? "", fanout: Self.fanout)
                return try renderer.render("product", nav: "chain", context: ["product": neighbourhood.center,
                                                                              "makers": neighbourhood.products.first?.makers ?? 0],
                                           data: neighbourhood)
            }
        }
    }

    func node(_ id: String, region: String?, paging: Paging) async throws -> NodeExplorerReport {
        do {
            return try NodeExplorer.report(try await cache.index(), links: try await cache.nodeLinks(), node: id, region: region,
                                           limit: paging.size, offset: paging.offset)
        } catch let error as AnalyticsError {
            throw PageError.from(error)
        }
    }

    /// The node's report with its firms' page beside them (`paging`: page, size, pages, total), keys side by side.
    struct PagedNode: Encodable {
        var report: NodeExplorerReport
        var paging: Paging.Info
        enum Keys: String, CodingKey { case paging }
        func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(paging, forKey: .paging)
        }
    }

    func graph(_ product: String, fanout: Int) async throws -> ProductGraph.Neighbourhood {
        let graph = try await cache.productGraph()
        guard !product.isEmpty, product.count <= 100, graph.contains(product) else {
            throw PageError.notFound(Reason("api.no-product", ["product": String(product.prefix(100))]))
        }
        return graph.neighbourhood(of: product, fanout: fanout, vetted: try await cache.productLinks())
    }

    func overview() async throws -> Response {
        let nodes = NodeWithCount.merge(try await store.taxonomy(), try await store.nationalNodeCounts())
        let tiers = RegionView.tierLabels.map { tier, zh, en -> [String: Any] in
            ["zh": zh, "en": en, "nodes": nodes.filter { $0.tier == tier && $0.parentId == nil }.map { parent -> [String: Any] in
                ["id": parent.id, "nameZh": parent.nameZh, "nameEn": parent.nameEn, "firms": parent.firms,
                 "chokepoint": parent.chokepointNote != nil,
                 "subs": nodes.filter { $0.parentId == parent.id }.map {
                     ["id": $0.id, "nameZh": $0.nameZh, "nameEn": $0.nameEn, "firms": $0.firms, "chokepoint": $0.chokepointNote != nil] as [String: Any]
                 }]
            }]
        }
        return try renderer.render("chain", nav: "chain", context: ["tiers": tiers], data: nodes)
    }

    /// The taxonomy's chokepoint notes are English ("source articles: largely imported"): their phrases in Chinese,
    /// and the plain chokepoint reason for a note this table does not know.
    static let chokepointPhrases: [(String, String)] = [
        ("high-end instruments largely imported", "高端仪器大部分依赖进口"), ("high-end units largely imported", "高端整机大部分依赖进口"),
        ("imaging core parts largely imported", "影像核心部件大部分依赖进口"), ("≥90 % imported", "90% 以上依赖进口"),
        ("largely imported", "大部分依赖进口"),
    ]

    static func chokepointNoteZh(_ note: String) -> String {
        let detail = note.hasPrefix("source articles: ") ? String(note.dropFirst("source articles: ".count)) : note
        guard let phrase = chokepointPhrases.first(where: { $0.0 == detail }) else {
            return ReasonText.render(Reason("chokepoint.named"), in: .zh)
        }
        return "来源文献：" + phrase.1
    }

    static func context(_ report: NodeExplorerReport) -> [String: Any] {
        let linked = { (list: [NodeExplorerReport.LinkedNode]) in
            list.prefix(10).map { ["id": $0.node.id, "nameZh": $0.node.nameZh, "pairs": $0.productPairs,
                                   "examples": $0.examples.joined(separator: "；")] as [String: Any] }
        }
        // Absent keys, not empty values: a Mustache section shows for any present value, even an empty string.
        var context: [String: Any] = [:]
        if let parent = report.parent { context["parent"] = ["id": parent.id, "nameZh": parent.nameZh] }
        if let note = report.chokepointNote { context["chokepointNote"] = ["zh": chokepointNoteZh(note), "en": note] }
        if let region = report.region { context["region"] = ["code": region.code, "name": region.name] }
        return context.merging([
            "id": report.node.id, "nameZh": report.node.nameZh, "nameEn": report.node.nameEn, "tier": report.node.tier.rawValue,
            "tierZh": RegionView.tierLabels.first { $0.0 == report.node.tier }?.1 ?? report.node.tier.rawValue,
            "tierEn": RegionView.tierLabels.first { $0.0 == report.node.tier }?.2 ?? report.node.tier.rawValue,
            "subNodes": report.subNodes.map { ["id": $0.id, "nameZh": $0.nameZh] },
            "firmCount": report.firmCount,
            "firms": report.firms.map { ["id": $0.id, "name": $0.name, "stock": $0.stockCode ?? "",
                                         "place": [$0.provinceName, $0.cityName].compactMap { $0 }.joined(separator: " "),
                                         "assets": RegionView.number($0.totalAssetsYi), "employees": RegionView.number($0.employees.map(Double.init), 0),
                                         "reason": $0.reason ?? ""] },
            "products": report.products.map { ["product": $0.product, "query": EnterprisePage.queryValue($0.product), "firms": $0.firms] },
            "upstream": linked(report.upstream), "downstream": linked(report.downstream),
        ]) { a, _ in a }
    }
}
