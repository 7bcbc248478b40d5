import BrainModel

/// What a region × node cell adds up.
public enum Measure: String, Codable, Sendable, CaseIterable {
    /// number of firms (a firm on several nodes counts once on each)
    case firms
    /// employees, group-wide, booked at the headquarters region
    case employees
    /// total assets in 亿元
    case assets

    public func value(of enterprise: Enterprise) -> Double {
        switch self {
        case .firms: 1
        case .employees: Double(enterprise.employees ?? 0)
        case .assets: enterprise.totalAssetsYi ?? 0
        }
    }
}

/// Region × chain-node matrices, with the all-industry totals that location quotients need as denominators.
public struct RegionNodeMatrix: Sendable {
    /// regions of one level (every one, zero rows included) × taxonomy nodes
    public let matrix: LabeledMatrix
    /// the measure over all listed firms of each row region (not only biomedicine): LQ's region total
    public let regionTotals: [Double]
    /// the measure over the firms located to this level (Σ of `regionTotals` for region rows): the one denominator of
    /// the level's location quotients, so X and every X_n count the same firms (issue 15: an unlocated firm in X but
    /// in no X_n biased every LQ down)
    public let nationalTotal: Double
    /// firms per cell whatever the measure: what a small-number flag counts
    public let firmCounts: LabeledMatrix
    public let level: RegionLevel
    public let measure: Measure

    /// Values roll up the hierarchy: a firm located to a city counts in its province, a municipality's districts in it.
    public init(_ index: SnapshotIndex, level: RegionLevel, measure: Measure) {
        let regions = index.regions(at: level).map(\.code)
        self.init(index, rows: regions, level: level, measure: measure, nationalIsRowSum: true) { index.regionCode(of: $0, at: level).map { [$0] } ?? [] }
    }

    /// Parks as rows: a park holds the firms of the region it sits in (its district, or its city when the source names
    /// no district) — listed firms are located only to their city, so a city-level park counts the whole city.
    public init(parksOf index: SnapshotIndex, measure: Measure) {
        let parks = index.data.parks
        let rows = parks.map(\.id)
        self.init(index, rows: rows, level: .district, measure: measure, nationalIsRowSum: false) { enterprise in
            parks.filter { park in
                guard let region = index.regionsByCode[park.regionCode] else { return false }
                return index.enterprise(enterprise, isIn: region)
            }.map(\.id)
        }
    }

    /// `nationalIsRowSum`: rows partition the located firms (regions of one level); parks overlap and cover few, so
    /// their national total is every firm located to a province.
    private init(_ index: SnapshotIndex, rows: [String], level: RegionLevel, measure: Measure, nationalIsRowSum: Bool,
                 locate: (Enterprise) -> [String]) {
        var matrix = LabeledMatrix(rowLabels: rows, columnLabels: index.nodeIds)
        var counts = LabeledMatrix(rowLabels: rows, columnLabels: index.nodeIds)
        var totals = [Double](repeating: 0, count: rows.count)
        let rowIndex = Dictionary(rows.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let columnIndex = Dictionary(index.nodeIds.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var national = 0.0
        for enterprise in index.data.enterprises {
            let value = measure.value(of: enterprise)
            if !nationalIsRowSum, enterprise.provinceCode != nil { national += value }
            for code in locate(enterprise) {
                guard let r = rowIndex[code] else { continue }
                totals[r] += value
                for node in index.nodesByEnterprise[enterprise.id] ?? [] {
                    if let c = columnIndex[node] { matrix[r, c] += value; counts[r, c] += 1 }
                }
            }
        }
        self.matrix = matrix
        self.firmCounts = counts
        self.regionTotals = totals
        self.nationalTotal = nationalIsRowSum ? totals.reduce(0, +) : national
        self.level = level
        self.measure = measure
    }

    /// National total of each node.
    public var nodeTotals: [Double] { matrix.columnSums }
}
