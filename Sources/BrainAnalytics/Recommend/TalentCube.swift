import BrainModel

/// Talent supply of a region (the talent cube's supply face): universities, medical and pharmacy universities, and the
/// employees of its listed biomedicine firms by chain node, each with the region's rank among regions of its level.
/// Demand and individual talents are not in the default data (no invented people).
public struct TalentCube: Codable, Sendable {
    public struct NodeEmployees: Codable, Sendable {
        public var node: NodeRef
        public var employees: Int
        public var firms: Int
        /// rank among regions of the same level by these employees (1 = most)
        public var rank: Int
        public var of: Int
    }
    public var region: RegionRef
    public var universities: Int
    public var medicalUniversities: Int
    public var medicalUniversityNames: [String]
    public var universitiesRank: Int
    public var regionsRanked: Int
    public var biomedicineEmployees: Int
    public var nodes: [NodeEmployees]
    public var demand: TalentDemand

    /// Talent demand in the region and the individual talents located there, among the market records the viewer may see.
    public struct TalentDemand: Codable, Sendable {
        public struct NodeDemand: Codable, Sendable {
            public var node: NodeRef
            public var demands: Int
            public var headcount: Int
        }
        public var demands: Int
        public var headcount: Int
        public var nodes: [NodeDemand]
        public var talents: Int
        public var note: String
    }

    /// `market`: the demands and talents the viewer may see; the default data has none.
    public static func report(_ index: SnapshotIndex, region code: String, market: [MarketRecord] = []) throws(AnalyticsError) -> TalentCube {
        guard let region = index.regionsByCode[code], region.level != .country else { throw .unknownRegion(code) }
        let peers = index.regions(at: region.level)
        func cityCodes(_ r: Region) -> [String] {
            switch r.level {
            case .province: index.regions(at: .city).filter { $0.parentCode == r.code }.map(\.code)
            case .city: [r.code]
            default: r.parentCode.map { [$0] } ?? []   // universities are located to cities
            }
        }
        let universityCount = { (r: Region) in cityCodes(r).reduce(0) { $0 + (index.universitiesByCity[$1]?.count ?? 0) } }
        let mine = cityCodes(region).flatMap { index.universitiesByCity[$0] ?? [] }
        let counts = peers.map(universityCount)
        let own = universityCount(region)
        var employees: [String: [String: (Int, Int)]] = [:]   // region → node → (employees, firms)
        for firm in index.biomedicineEnterprises {
            guard let at = index.regionCode(of: firm, at: region.level) else { continue }
            for node in index.nodesByEnterprise[firm.id] ?? [] {
                let current = employees[at]?[node] ?? (0, 0)
                employees[at, default: [:]][node] = (current.0 + (firm.employees ?? 0), current.1 + 1)
            }
        }
        let nodes = index.data.taxonomy.nodes.compactMap { node -> NodeEmployees? in
            guard let value = employees[code]?[node.id], value.1 > 0 else { return nil }
            let all = employees.values.compactMap { $0[node.id]?.0 }
            return NodeEmployees(node: NodeRef(node), employees: value.0, firms: value.1, rank: all.filter { $0 > value.0 }.count + 1, of: all.count)
        }
        return TalentCube(region: RegionRef(code: region.code, name: region.name, level: region.level), universities: own,
                          medicalUniversities: mine.filter(\.isMedical).count,
                          medicalUniversityNames: mine.filter(\.isMedical).map(\.name).sorted(),
                          universitiesRank: counts.filter { $0 > own }.count + 1, regionsRanked: peers.count,
                          biomedicineEmployees: index.biomedicineEnterprises.filter { index.enterprise($0, isIn: region) }.reduce(0) { $0 + ($1.employees ?? 0) },
                          nodes: nodes,
                          demand: demand(index, region: region, market: market))
    }

    /// The demand side alone, for a viewer whose visible records differ from the cached report's.
    public static func demand(_ index: SnapshotIndex, region code: String, market: [MarketRecord]) -> TalentDemand? {
        index.regionsByCode[code].map { demand(index, region: $0, market: market) }
    }

    static func demand(_ index: SnapshotIndex, region: Region, market: [MarketRecord]) -> TalentDemand {
        let within = { (code: String?) in code.map { index.lineage($0).contains { $0.code == region.code } } ?? false }
        let demands = market.compactMap(\.body.demand).filter { $0.need == .talent && within($0.regionCode) }
        let talents = market.compactMap(\.body.talent).filter { within($0.regionCode) }
        let byNode = Dictionary(grouping: demands, by: \.nodeId)
        let nodes = byNode.compactMap { id, list in
            index.nodesById[id].map { TalentDemand.NodeDemand(node: NodeRef($0), demands: list.count, headcount: list.reduce(0) { $0 + ($1.headcount ?? 1) }) }
        }.sorted { ($0.headcount, $1.node.id) > ($1.headcount, $0.node.id) }
        let note = demands.isEmpty && talents.isEmpty
            ? "no talent demands or talents you can see here: the default data has none (no invented people); post a demand on /match or import talents with `brain import FILE --kind talents --org ID`"
            : "talent demands and talents you can see: your organisation's own and those shared by others"
        return TalentDemand(demands: demands.count, headcount: demands.reduce(0) { $0 + ($1.headcount ?? 1) }, nodes: nodes,
                            talents: talents.count, note: note)
    }
}
