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
    public var demand: String

    public static func report(_ index: SnapshotIndex, region code: String) throws(AnalyticsError) -> TalentCube {
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
                          demand: "talent demand and individual talents are not in the default data; importing them is not built yet")
    }
}
