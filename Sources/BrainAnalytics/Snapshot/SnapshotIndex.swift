import BrainModel

/// Lookups over a store snapshot, built once so that every analytics function runs on dictionaries and arrays,
/// never on the database (DESIGN.md: analytics never reads the database).
public struct SnapshotIndex: Sendable {
    public let data: DataBundle
    public let regionsByCode: [String: Region]
    public let childrenByCode: [String: [Region]]
    public let enterprisesById: [String: Enterprise]
    /// Node ids in taxonomy order.
    public let nodeIds: [String]
    public let nodesById: [String: ChainNode]
    /// Each biomedicine firm's nodes, sub-nodes rolled into their ancestors (a vaccine maker is also a biologics firm).
    public let nodesByEnterprise: [String: Set<String>]
    public let enterprisesByNode: [String: [String]]
    public let productsByEnterprise: [String: [EnterpriseProduct]]
    public let universitiesByCity: [String: [University]]
    /// Firms placed on the chain, in snapshot order.
    public let biomedicineEnterprises: [Enterprise]

    public init(_ data: DataBundle) {
        self.data = data
        regionsByCode = Dictionary(data.regions.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        childrenByCode = Dictionary(grouping: data.regions.filter { $0.parentCode != nil }, by: { $0.parentCode! })
        enterprisesById = Dictionary(data.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        nodeIds = data.taxonomy.nodes.map(\.id)
        let nodes = Dictionary(data.taxonomy.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        nodesById = nodes
        var byEnterprise: [String: Set<String>] = [:]
        for assignment in data.assignments {
            var node: String? = assignment.nodeId
            while let id = node, let current = nodes[id] {
                byEnterprise[assignment.enterpriseId, default: []].insert(id)
                node = current.parentId
            }
        }
        nodesByEnterprise = byEnterprise
        biomedicineEnterprises = data.enterprises.filter { byEnterprise[$0.id] != nil }
        var byNode: [String: [String]] = [:]
        for (enterprise, nodeSet) in byEnterprise.sorted(by: { $0.key < $1.key }) {
            for node in nodeSet { byNode[node, default: []].append(enterprise) }
        }
        enterprisesByNode = byNode
        productsByEnterprise = Dictionary(grouping: data.products, by: \.enterpriseId)
        universitiesByCity = Dictionary(grouping: data.universities.filter { $0.cityCode != nil }, by: { $0.cityCode! })
    }

    public func regions(at level: RegionLevel) -> [Region] {
        data.regions.filter { $0.level == level }.sorted { $0.code < $1.code }
    }

    /// The code of the region at `level` that holds the enterprise, if known.
    public func regionCode(of enterprise: Enterprise, at level: RegionLevel) -> String? {
        switch level {
        case .country: "000000"
        case .province: enterprise.provinceCode
        case .city: enterprise.cityCode
        case .district: enterprise.districtCode
        }
    }

    /// Whether the enterprise lies in the region (at the region's own level).
    public func enterprise(_ enterprise: Enterprise, isIn region: Region) -> Bool {
        regionCode(of: enterprise, at: region.level) == region.code
    }

    /// The region and its ancestors, nearest first (empty for an unknown code).
    public func lineage(_ code: String) -> [Region] {
        var result: [Region] = [], cursor = regionsByCode[code]
        while let region = cursor {
            result.append(region)
            cursor = region.parentCode.flatMap { regionsByCode[$0] }
        }
        return result
    }

    /// A region's (longitude, latitude), or its nearest ancestor's.
    public func coordinates(_ code: String) -> (Double, Double)? {
        lineage(code).lazy.compactMap { region in region.longitude.flatMap { lon in region.latitude.map { (lon, $0) } } }.first
    }
}
