import Foundation
import BrainAnalytics
import BrainModel
import BrainStore

/// `GET /api/search?q=&page=&size=`: one box across firms (the store's substring search), regions, chain nodes and products,
/// each hit with the page it opens. Regions rank province, city, district; products by how many firms make them.
/// Firms are paged (`enterprisesTotal` of them in all); regions, nodes and products, never many, come on page 1 only.
public struct SiteSearch: Codable, Sendable {
    public struct Hit: Codable, Sendable {
        public var kind: String
        public var label: String
        public var detail: String?
        public var url: String
        /// For a firm found by one of its other names (short, former, English…): that name, its kind, source and date.
        public var matched: EnterpriseName?
        /// The label and detail in English where they are words of ours, not data (a node's name, "3 firms"): the
        /// language switch shows one; firm and place names have none and read as they are.
        public var labelEn: String? = nil
        public var detailEn: String? = nil
    }
    public var query: String
    public var hits: [Hit]
    public var enterprisesTotal: Int
    /// The firms' page: page, size, pages and total (the same as `enterprisesTotal`).
    public var paging: Paging.Info

    /// Firms `viewer` may not see (another organisation's private import) are neither hits nor counted.
    public static func run<Extras>(store: any Store, cache: AnalyticsWorkbench<Extras>, query raw: String, paging: Paging, viewer: FirmViewer) async throws -> SiteSearch {
        let query = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard query.count <= 100 else { throw Refusal.badRequest(Reason("api.query-too-long")) }
        guard !query.isEmpty else { return SiteSearch(query: query, hits: [], enterprisesTotal: 0, paging: paging.info(total: 0)) }
        let index = cache.index
        // The two sources are merged before paging, so each is read up to the end of the asked page.
        let reach = paging.offset + paging.size, limit = paging.size
        let firms = try await store.searchEnterprises(query, limit: reach, offset: 0, visibleTo: viewer)
        let named = try await NamedFirms.find(query, store: store, limit: reach, viewer: viewer)
        // Exact names first, then the substring search's order, then firms named only by a part of another name.
        let exact = named.filter(\.exact), exactIds = Set(exact.map(\.firm.id)), substringIds = Set(firms.items.map(\.id))
        let ordered = exact.map { ($0.firm, Optional($0.matched)) } + firms.items.filter { !exactIds.contains($0.id) }.map { ($0, nil) }
            + named.filter { !$0.exact && !substringIds.contains($0.firm.id) }.map { ($0.firm, Optional($0.matched)) }
        var hits = paging.slice(ordered).map { firm, matched in
            Hit(kind: "enterprise", label: firm.name, detail: [firm.fullName, firm.cityName].compactMap { $0 }.joined(separator: " · "),
                url: "/enterprises/" + path(firm.id), matched: matched)
        }
        // Firms found only by another name are not in the substring search's total.
        let onlyByName = named.filter { !$0.firm.name.contains(query) && !($0.firm.fullName ?? "").contains(query) }.count
        let total = firms.total + onlyByName
        guard paging.page == 1 else { return SiteSearch(query: query, hits: hits, enterprisesTotal: total, paging: paging.info(total: total)) }
        let levelOrder: [RegionLevel: Int] = [.province: 0, .city: 1, .district: 2]
        let regions = index.data.regions.filter { $0.level != .country && $0.name.contains(query) }
            .sorted { (levelOrder[$0.level] ?? 3, $0.code) < (levelOrder[$1.level] ?? 3, $1.code) }.prefix(limit)
        hits += regions.map { region in
            let parent = region.parentCode.flatMap { index.regionsByCode[$0] }.map(\.name)
            return Hit(kind: "region", label: region.name, detail: [parent, region.code].compactMap { $0 }.joined(separator: " · "),
                       url: "/regions/\(region.code)")
        }
        let lower = query.lowercased()
        let nodes = index.data.taxonomy.nodes.filter {
            $0.nameZh.contains(query) || $0.nameEn.lowercased().contains(lower) || $0.keywords.contains { $0.contains(query) }
        }.prefix(limit)
        hits += nodes.map { Hit(kind: "node", label: $0.nameZh, detail: nil, url: "/chain/\($0.id)", matched: nil, labelEn: $0.nameEn) }
        let graph = try await cache.productGraph()
        hits += graph.search(query, limit: limit).map {
            let makers = graph.makers[$0]?.count ?? 0
            return Hit(kind: "product", label: $0, detail: "\(makers) 家企业",
                       url: "/products?name=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""),
                       matched: nil, detailEn: makers == 1 ? "1 firm" : "\(makers) firms")
        }
        return SiteSearch(query: query, hits: hits, enterprisesTotal: total, paging: paging.info(total: total))
    }

    public static func path(_ id: String) -> String { id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? id }
}
