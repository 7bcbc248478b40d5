import Foundation
import Hummingbird
import BrainAnalytics
import BrainModel
import BrainStore
import BrainUseCases

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
            let report = try await node(try context.parameters.path("id"), region: request.uri.queryParameters.get("region"), paging: paging)
            return try JSONResponse.ok(PagedNode(report: report, paging: paging.info(total: report.firmCount)), for: request)
        }
        router.get("/api/products/graph") { request, _ in
            let query = try request.query(ProductGraphQuery.self)
            return try JSONResponse.ok(try await graph(query.product ?? "", fanout: query.fanout ?? Self.fanout))
        }
        router.get("/chain") { _, _ in try await overview() }
        router.get("/chain/:id") { request, context in
            let id = try context.parameters.path("id")
            return try await renderer.paged(request.uri.queryParameters) { paging in try await renderer.firstView(request, nav: "chain") {
                let region = request.uri.queryParameters.get("region")
                let report = try await node(id, region: region, paging: paging)
                let graph = try await cache.productGraph()
                let pager = paging.pages(total: report.firmCount) > 1 || paging.page > 1
                    ? paging.pager(total: report.firmCount, path: "/chain/" + SiteSearch.path(report.node.id), keep: [("region", report.region?.code)])
                    : nil
                // The graph starts from the node's most common product that the product graph links to anything.
                let first = report.products.first { !graph.inputs(of: $0.product).isEmpty || !graph.outputs(of: $0.product).isEmpty }?.product
                    ?? report.products.first?.product ?? ""
                return try renderer.render("chain-node", nav: "chain", view: ChainNodeView(report, pager: pager, firstProduct: first), data: report)
            } }
        }
        router.get("/products") { request, _ in
            try await renderer.page {
                let neighbourhood = try await graph(request.uri.queryParameters.get("name") ?? "", fanout: Self.fanout)
                return try renderer.render("product", nav: "chain",
                                           view: ProductView(product: neighbourhood.center, makers: neighbourhood.products.first?.makers ?? 0),
                                           data: neighbourhood)
            }
        }
    }

    func node(_ id: String, region: String?, paging: Paging) async throws -> NodeExplorerReport {
        do {
            return try NodeExplorer.report(try await cache.index(), links: try await cache.nodeLinks(), node: id, region: region,
                                           limit: paging.size, offset: paging.offset)
        } catch let error as AnalyticsError {
            throw AppError(Refusal(error))
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
            throw AppError.notFound(Reason("api.no-product", ["product": String(product.prefix(100))]))
        }
        return graph.neighbourhood(of: product, fanout: fanout, vetted: try await cache.productLinks())
    }

    func overview() async throws -> Response {
        let nodes = NodeWithCount.merge(try await store.taxonomy(), try await store.nationalNodeCounts())
        return try renderer.render("chain", nav: "chain", view: ChainOverviewView(nodes), data: nodes)
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
}

/// The query of `/api/products/graph`: the product and how many neighbours each layer shows (1–50).
struct ProductGraphQuery: RouteQuery {
    var product: String?
    var fanout: Int?

    static func badValue(_ parameter: String) -> Reason {
        parameter == "fanout" ? Reason("api.fanout") : Reason("api.bad-request", ["detail": String(parameter.prefix(40))])
    }

    func validate() throws {
        if let fanout, !(1...50).contains(fanout) { throw AppError.badRequest(Reason("api.fanout")) }
    }
}
