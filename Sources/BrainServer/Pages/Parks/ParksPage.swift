import Foundation
import Hummingbird
import BrainAnalytics
import BrainModel
import BrainStore

/// `/parks`: every park with its positioning and the facts the articles state; `/parks/{id}`: one park with the
/// location quotients of its region and that region's firms by chain node.
struct ParksPage: Sendable {
    let cache: AnalyticsCache
    let renderer: PageRenderer

    struct ParkSummary: Codable, Sendable {
        var park: Park
        var region: RegionRef
    }

    struct ParkDetail: Codable, Sendable {
        struct NodeFirms: Codable, Sendable {
            var node: NodeRef
            var lq: Double?
            var firms: [FirmRow]
        }
        var profile: ParkProfile
        /// where the listed firms are counted: the park's region, or its city when firms are located only to cities
        var firmsRegion: RegionRef?
        var nodes: [NodeFirms]
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/parks") { _, _ in try JSONResponse.ok(try await list()) }
        router.get("/api/parks/:id") { _, context in try JSONResponse.ok(try await detail(context.parameters.get("id") ?? "")) }
        router.get("/parks") { _, _ in
            let parks = try await list()
            let context: [String: Any] = ["parks": parks.map { summary in
                ["id": summary.park.id, "name": summary.park.name, "kind": summary.park.kind, "regionCode": summary.region.code,
                 "regionName": summary.region.name, "positioning": summary.park.positioning, "facts": summary.park.facts,
                 "source": summary.park.provenance.source, "asOf": summary.park.provenance.asOf] as [String: Any]
            }]
            return try renderer.render("parks", nav: "parks", context: context, data: parks)
        }
        router.get("/parks/:id") { _, context in
            try await renderer.page {
                let detail = try await detail(context.parameters.get("id") ?? "")
                return try renderer.render("park", nav: "parks", context: Self.context(detail), data: detail)
            }
        }
    }

    func list() async throws -> [ParkSummary] {
        let index = try await cache.index()
        return index.data.parks.map { park in
            let region = index.regionsByCode[park.regionCode]
            return ParkSummary(park: park, region: RegionRef(code: park.regionCode, name: region?.name ?? park.regionCode,
                                                             level: region?.level ?? .district))
        }
    }

    func detail(_ id: String) async throws -> ParkDetail {
        let index = try await cache.index()
        let profile: ParkProfile
        do { profile = try ParkProfile.report(index, park: id) } catch { throw PageError.notFound("no park with id \(id.prefix(64))") }
        guard var region = index.regionsByCode[profile.park.regionCode] else { return ParkDetail(profile: profile, firmsRegion: nil, nodes: []) }
        var firms = index.biomedicineEnterprises.filter { index.enterprise($0, isIn: region) }
        // Listed firms are located to their city (few records give a district): list the city's firms for a district park.
        if firms.isEmpty, region.level == .district, let city = region.parentCode.flatMap({ index.regionsByCode[$0] }) {
            region = city
            firms = index.biomedicineEnterprises.filter { index.enterprise($0, isIn: city) }
        }
        let nodes = profile.nodes.filter { index.nodesById[$0.node.id]?.parentId == nil }.compactMap { row -> ParkDetail.NodeFirms? in
            let members = firms.filter { index.nodesByEnterprise[$0.id]?.contains(row.node.id) ?? false }.sorted(by: FirmRow.bySize)
            guard !members.isEmpty else { return nil }
            return .init(node: row.node, lq: row.lq, firms: members.prefix(12).map { FirmRow($0, index: index) })
        }
        return ParkDetail(profile: profile, firmsRegion: RegionRef(code: region.code, name: region.name, level: region.level), nodes: nodes)
    }

    static func context(_ detail: ParkDetail) -> [String: Any] {
        let park = detail.profile.park
        return [
            "id": park.id, "name": park.name, "kind": park.kind, "positioning": park.positioning, "facts": park.facts,
            "source": park.provenance.source, "asOf": park.provenance.asOf,
            "regionCode": detail.profile.region.code, "regionName": detail.profile.region.name, "caveat": detail.profile.caveat,
            "firmsRegionCode": detail.firmsRegion?.code ?? detail.profile.region.code,
            "firmsRegionName": detail.firmsRegion?.name ?? detail.profile.region.name,
            "nodes": detail.nodes.map { group in
                ["nameZh": group.node.nameZh, "id": group.node.id, "lq": RegionView.number(group.lq), "count": group.firms.count,
                 "firms": group.firms.map { ["id": $0.id, "name": $0.name] }] as [String: Any]
            },
        ]
    }
}
