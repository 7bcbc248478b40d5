import BrainModel

/// Everything computed once per (region level, measure, threshold): the region × node matrix, location quotients and
/// economic complexity. Region-level methods (opportunities, gaps, peers, cluster) read from it.
public struct LevelAnalysis: Sendable {
    public let index: SnapshotIndex
    public let level: RegionLevel
    public let table: RegionNodeMatrix
    public let lq: LocationQuotient
    /// Economic complexity on the region × node matrix (ecomplexity conventions, RCA within biomedicine).
    public let complexity: ComplexityResult
    let rowByCode: [String: Int]

    public init(_ index: SnapshotIndex, level: RegionLevel, measure: Measure = .firms, threshold: Double = 1) {
        self.index = index
        self.level = level
        table = RegionNodeMatrix(index, level: level, measure: measure)
        lq = LocationQuotient(table, threshold: threshold)
        complexity = EconomicComplexity.compute(table.matrix, threshold: threshold)
        rowByCode = Dictionary(table.matrix.rowLabels.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func row(of code: String) -> Int? { rowByCode[code] }

    /// The row of `code` for a region-level method: an unknown region and a region of another level are errors.
    public func requireRow(_ code: String) throws(AnalyticsError) -> Int {
        guard index.regionsByCode[code] != nil else { throw .unknownRegion(code) }
        guard let r = rowByCode[code] else { throw .regionNotAtLevel(code, level) }
        return r
    }
    public var nodeIds: [String] { table.matrix.columnLabels }
    public func node(_ n: Int) -> ChainNode { index.nodesById[nodeIds[n]]! }

    public func regionRef(_ code: String) -> RegionRef {
        let region = index.regionsByCode[code]
        return RegionRef(code: code, name: region?.name ?? code, level: region?.level ?? level)
    }
}

/// A chain node named in analytics output.
public struct NodeRef: Codable, Sendable, Hashable {
    public var id: String
    public var nameZh: String
    public var nameEn: String
    public var tier: ChainTier

    public init(_ node: ChainNode) { id = node.id; nameZh = node.nameZh; nameEn = node.nameEn; tier = node.tier }
}

public enum AnalyticsError: ReasonedError, Equatable {
    case unknownRegion(String)
    case regionNotAtLevel(String, RegionLevel)
    case unknownEnterprise(String)
    case unknownNode(String)
    case invalidInput(Reason)

    /// Why, as a code with values: pages and the API word it in the reader's language.
    public var reason: Reason {
        switch self {
        case .unknownRegion(let code): Reason("analytics.unknown-region", ["code": code])
        case .regionNotAtLevel(let code, let level):
            Reason("analytics.region-not-at-level", ["code": code, "level": level.chinese, "level.en": level.rawValue])
        case .unknownEnterprise(let id): Reason("analytics.unknown-enterprise", ["id": id])
        case .unknownNode(let id): Reason("analytics.unknown-node", ["id": id])
        case .invalidInput(let reason): reason
        }
    }

}
