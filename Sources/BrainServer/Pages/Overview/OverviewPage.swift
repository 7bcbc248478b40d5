import Foundation
import Hummingbird
import BrainAnalytics
import BrainModel
import BrainStore

/// `/`: the China map that drills down from province to city to district, coloured by a chosen measure, with the
/// ranked table beside it; `/api/map/{code}` serves each level.
struct OverviewPage: Sendable {
    let store: any Store
    let cache: AnalyticsCache
    let renderer: PageRenderer

    struct PageData: Codable, Sendable {
        var map: RegionMap
        var nodeCounts: [NodeWithCount]
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in try await page(request) }
        router.get("/api/map/:code") { request, context in
            let query = request.uri.queryParameters
            return try JSONResponse.ok(try await RegionMap.build(store: store, cache: cache, code: context.parameters.get("code") ?? "",
                                                                 measure: query.get("measure") ?? "firms", nodeId: query.get("node")))
        }
    }

    func page(_ request: Request) async throws -> Response {
        let map = try await RegionMap.build(store: store, cache: cache, code: "000000", measure: "firms", nodeId: nil)
        let index = try await cache.index()
        let stats = map.rows.reduce(into: (firms: 0, listed: 0, employees: 0)) {
            $0.firms += $1.biomedicineFirms; $0.listed += $1.listedFirms; $0.employees += $1.biomedicineEmployees
        }
        let nodes = index.data.taxonomy.nodes.map(NodeRef.init)
        let context: [String: Any] = [
            "biomedicineFirms": stats.firms, "listedFirms": stats.listed, "biomedicineEmployees": stats.employees,
            "nodeCount": nodes.count,
            "rows": map.rows.map { ["rank": $0.rank, "code": $0.code, "name": $0.name, "value": $0.biomedicineFirms,
                                    "listedFirms": $0.listedFirms, "employees": $0.biomedicineEmployees] },
            "nodes": nodes.map { ["id": $0.id, "nameZh": $0.nameZh, "nameEn": $0.nameEn] },
        ]
        return try renderer.render("overview", nav: "overview", context: context, data: PageData(map: map, nodeCounts: NodeWithCount.merge(index.data.taxonomy, try await store.nationalNodeCounts())))
    }
}
