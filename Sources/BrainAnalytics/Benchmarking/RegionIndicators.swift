import BrainModel

/// The indicator row of one region, used by benchmarking and cluster criteria.
public struct RegionIndicators: Codable, Sendable {
    public var region: RegionRef
    public var biomedicineFirms: Double
    public var biomedicineEmployees: Double
    public var biomedicineAssetsYi: Double
    public var listedFirms: Double
    /// firms on the STAR market (科创板) or on innovative-drug, antibody, cell/gene or nucleic-acid nodes
    public var innovativeFirms: Double
    public var universities: Double
    /// universities whose name contains 医 or 药
    public var medicalUniversities: Double
    /// top-level chain nodes with at least one firm, out of all top-level nodes
    public var chainCompleteness: Double
    public var strongNodes: Int
    public var eci: Double?

    public static let innovativeNodes: Set<String> = ["innovative-drugs", "antibodies", "cell-gene-therapy", "nucleic-acid-drugs",
                                                       "recombinant-proteins", "surgical-robots"]

    public static func compute(_ analysis: LevelAnalysis, row r: Int, strongLQ: Double = 1.25) -> RegionIndicators {
        let index = analysis.index, code = analysis.table.matrix.rowLabels[r]
        let firms = index.biomedicineEnterprises.filter { index.regionCode(of: $0, at: analysis.level) == code }
        let innovative = firms.filter { firm in
            firm.market == "科创板" || !(index.nodesByEnterprise[firm.id] ?? []).isDisjoint(with: innovativeNodes)
        }
        // Universities are located to their city only: a province counts its cities', a district its city's.
        let cities: [String] = switch analysis.level {
        case .country: Array(index.universitiesByCity.keys)
        case .province: index.data.regions.filter { $0.level == .city && $0.parentCode == code }.map(\.code)
        case .city: [code]
        case .district: [index.regionsByCode[code]?.parentCode].compactMap { $0 }
        }
        let universities = cities.flatMap { index.universitiesByCity[$0] ?? [] }
        let topLevel = index.data.taxonomy.topLevelNodes.map(\.id)
        let columns = Dictionary(uniqueKeysWithValues: analysis.nodeIds.enumerated().map { ($1, $0) })
        let covered = topLevel.filter { analysis.table.matrix[r, columns[$0]!] > 0 }.count
        let strong = (0..<analysis.nodeIds.count).filter { (analysis.lq.lq(region: r, node: $0) ?? 0) >= strongLQ }.count
        return RegionIndicators(
            region: analysis.regionRef(code), biomedicineFirms: Double(firms.count),
            biomedicineEmployees: firms.reduce(0) { $0 + Double($1.employees ?? 0) },
            biomedicineAssetsYi: firms.reduce(0) { $0 + ($1.totalAssetsYi ?? 0) },
            listedFirms: Double(index.data.enterprises.filter { index.regionCode(of: $0, at: analysis.level) == code }.count),
            innovativeFirms: Double(innovative.count), universities: Double(universities.count),
            medicalUniversities: Double(universities.filter { $0.name.contains("医") || $0.name.contains("药") }.count),
            chainCompleteness: topLevel.isEmpty ? 0 : Double(covered) / Double(topLevel.count), strongNodes: strong,
            eci: analysis.complexity.eci[r])
    }
}
