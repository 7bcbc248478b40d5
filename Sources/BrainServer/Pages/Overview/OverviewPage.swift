import Foundation
import Hummingbird
import BrainAnalytics
import BrainModel
import BrainStore
import BrainUseCases

/// `/`: the China map that drills down from province to city to district, coloured by a chosen measure, with the
/// ranked table beside it; `/api/map/{code}` serves each level. Both count the listed firms unless `?layers=` chooses
/// more (e.g. `listed,nmpa-2019`), and say what they cover.
struct OverviewPage: Sendable {
    let store: any Store
    let cache: AnalyticsCache
    let renderer: PageRenderer
    let access: MarketAccess

    struct PageData: Codable, Sendable {
        var map: RegionMap
        var nodeCounts: [NodeWithCount]
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in try await page(request) }
        router.get("/api/map/:code") { request, context in
            let query = request.uri.queryParameters
            let (generation, _) = try await generation(for: request)
            let code = try context.parameters.path("code")
            return try JSONResponse.ok(try await RegionMap.build(store: store, cache: generation, code: code, measure: query.get("measure") ?? "firms",
                                                                 nodeId: query.get("node")))
        }
    }

    func generation(for request: Request) async throws -> (AnalyticsGeneration, Caller) {
        try await cache.generation(for: request, access: access)
    }

    func page(_ request: Request) async throws -> Response {
        let (generation, caller) = try await generation(for: request)
        let map = try await RegionMap.build(store: store, cache: generation, code: "000000", measure: "firms", nodeId: nil)
        let index = generation.index
        let stats = map.rows.reduce(into: (firms: 0, listed: 0, employees: 0)) {
            $0.firms += $1.biomedicineFirms; $0.listed += $1.listedFirms; $0.employees += $1.biomedicineEmployees
        }
        let nodes = index.data.taxonomy.nodes.map(NodeRef.init)
        let counts = generation.layers.isListedOnly ? try await store.nationalNodeCounts()
            : LayerCounts.nodeCounts(index, firms: index.data.enterprises.filter { $0.provinceCode != nil && $0.isBiomedicine })
        let options = LayerChoice.options(generation.bundle, caller: caller, chosen: generation.layers)
        let view = OverviewView(
            biomedicineFirms: stats.firms, listedFirms: stats.listed, biomedicineEmployees: stats.employees, nodeCount: nodes.count,
            coverageZh: CoverageText.zh(map.coverage), coverageEn: CoverageText.en(map.coverage),
            layerOptions: LayerOptionView.list(options),
            rows: map.rows.map { .init(rank: $0.rank, code: $0.code, name: $0.name, value: $0.biomedicineFirms, listedFirms: $0.listedFirms) },
            nodes: nodes.map { .init(id: $0.id, nameZh: $0.nameZh, nameEn: $0.nameEn) },
            ownRegion: Self.ownRegion(caller, index: index))
        return try renderer.render("overview", nav: "overview", view: view, data: PageData(map: map, nodeCounts: NodeWithCount.merge(index.data.taxonomy, counts)))
    }
}

extension OverviewPage {
    /// A signed-in organisation's own region (its scope), offered first on the home page: a bureau starts from its
    /// region, not the nation. Nil for the signed-out, national organisations and unknown codes.
    static func ownRegion(_ caller: Caller, index: SnapshotIndex) -> OverviewView.OwnRegion? {
        guard let code = caller.organisation?.regionCode, let region = index.regionsByCode[code] else { return nil }
        return OverviewView.OwnRegion(code: code, name: region.name)
    }
}

/// What `overview.mustache` reads: the national figures, the layer choice, the provinces' ranking and the node list.
struct OverviewView: PageView {
    /// A ranked region; `value` is its biomedicine firms.
    struct Row: Encodable, Sendable { var rank: Int; var code, name: String; var value, listedFirms: Int }
    struct Node: Encodable, Sendable { var id, nameZh, nameEn: String }
    var biomedicineFirms, listedFirms, biomedicineEmployees, nodeCount: Int
    var coverageZh, coverageEn: String
    var layerOptions: [LayerOptionView]
    var rows: [Row]
    var nodes: [Node]
    /// The signed-in organisation's region, linked above the map.
    struct OwnRegion: Encodable, Sendable { var code, name: String }
    var ownRegion: OwnRegion? = nil
}
