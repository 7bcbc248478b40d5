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
        /// A listed firm whose annual-report address lies in the park.
        struct Member: Codable, Sendable {
            var firm: FirmRow
            var isBiomedicine: Bool
            var address: String
            var basis: EnterpriseLocation.Basis
        }
        var profile: ParkProfile
        /// where the firms by node are taken from: the park itself (its address markers), its region, or its city
        /// when its region hosts none
        var firmsRegion: RegionRef?
        var firmsFromPark: Bool
        var nodes: [NodeFirms]
        /// the firms whose address lies in the park (empty for a park without address markers)
        var members: [Member]
        var addressMarkers: [String]
        /// listed biomedicine firms of the park's region: what the location quotients rest on
        var lqFirms: Int
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/parks") { _, _ in try JSONResponse.ok(try await list()) }
        router.get("/api/parks/:id") { _, context in try JSONResponse.ok(try await detail(try context.parameters.path("id"))) }
        router.get("/parks") { _, _ in
            let parks = try await list()
            return try renderer.render("parks", nav: "parks", view: ParksView(parks), data: parks)
        }
        router.get("/parks/:id") { _, context in
            try await renderer.page {
                let detail = try await detail(try context.parameters.path("id"))
                return try renderer.render("park", nav: "parks", view: ParkView(detail), data: detail)
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
        do { profile = try ParkProfile.report(index, park: id) } catch { throw AppError.notFound(Reason("api.no-park", ["id": String(id.prefix(64))])) }
        let members = ParkFirms.members(of: profile.park, in: index)
        guard var region = index.regionsByCode[profile.park.regionCode] else {
            return ParkDetail(profile: profile, firmsRegion: nil, firmsFromPark: false, nodes: [], members: [], addressMarkers: [], lqFirms: 0)
        }
        let regionFirms = index.biomedicineEnterprises.filter { index.enterprise($0, isIn: region) }
        var firms = regionFirms
        let parkBiomedicine = members.map(\.enterprise).filter(\.isBiomedicine)
        if !parkBiomedicine.isEmpty { firms = parkBiomedicine }
        // A district that hosts no located firm: list its city's firms, and say so.
        if firms.isEmpty, region.level == .district, let city = region.parentCode.flatMap({ index.regionsByCode[$0] }) {
            region = city
            firms = index.biomedicineEnterprises.filter { index.enterprise($0, isIn: city) }
        }
        let nodes = profile.nodes.filter { index.nodesById[$0.node.id]?.parentId == nil }.compactMap { row -> ParkDetail.NodeFirms? in
            let members = firms.filter { index.nodesByEnterprise[$0.id]?.contains(row.node.id) ?? false }.sorted(by: FirmRow.bySize)
            guard !members.isEmpty else { return nil }
            return .init(node: row.node, lq: row.lq, firms: members.prefix(12).map { FirmRow($0, index: index) })
        }
        return ParkDetail(profile: profile, firmsRegion: RegionRef(code: region.code, name: region.name, level: region.level),
                          firmsFromPark: !parkBiomedicine.isEmpty, nodes: nodes,
                          members: members.map { .init(firm: FirmRow($0.enterprise, index: index), isBiomedicine: $0.enterprise.isBiomedicine,
                                                       address: $0.address, basis: $0.basis) },
                          addressMarkers: profile.park.addressMarkers, lqFirms: regionFirms.count)
    }
}
