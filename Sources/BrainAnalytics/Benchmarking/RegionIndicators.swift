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
        compute(analysis, rows: [r], strongLQ: strongLQ)[0]
    }

    /// The indicators of several rows with one pass over the enterprises.
    public static func compute(_ analysis: LevelAnalysis, rows: [Int], strongLQ: Double = 1.25) -> [RegionIndicators] {
        let index = analysis.index
        let slot = Dictionary(rows.enumerated().map { (analysis.table.matrix.rowLabels[$1], $0) }, uniquingKeysWith: { a, _ in a })
        var listed = [Int](repeating: 0, count: rows.count), firms = [[Enterprise]](repeating: [], count: rows.count)
        for enterprise in index.data.enterprises {
            guard let code = index.regionCode(of: enterprise, at: analysis.level), let k = slot[code] else { continue }
            listed[k] += 1
            if index.nodesByEnterprise[enterprise.id] != nil { firms[k].append(enterprise) }
        }
        let topLevel = index.data.taxonomy.topLevelNodes.map(\.id)
        let columns = Dictionary(uniqueKeysWithValues: analysis.nodeIds.enumerated().map { ($1, $0) })
        return rows.enumerated().map { k, r in
            let code = analysis.table.matrix.rowLabels[r]
            let innovative = firms[k].filter { firm in
                firm.market == "科创板" || !(index.nodesByEnterprise[firm.id] ?? []).isDisjoint(with: innovativeNodes)
            }
            // Universities are located to their city only: a province counts its cities', a district its city's.
            let cities: [String] = switch analysis.level {
            case .country: Array(index.universitiesByCity.keys)
            case .province: (index.childrenByCode[code] ?? []).filter { $0.level == .city }.map(\.code)
            case .city: [code]
            case .district: [index.regionsByCode[code]?.parentCode].compactMap { $0 }
            }
            let universities = cities.flatMap { index.universitiesByCity[$0] ?? [] }
            let covered = topLevel.filter { analysis.table.matrix[r, columns[$0]!] > 0 }.count
            let strong = (0..<analysis.nodeIds.count).filter { (analysis.lq.lq(region: r, node: $0) ?? 0) >= strongLQ }.count
            return RegionIndicators(
                region: analysis.regionRef(code), biomedicineFirms: Double(firms[k].count),
                biomedicineEmployees: firms[k].reduce(0) { $0 + Double($1.employees ?? 0) },
                biomedicineAssetsYi: firms[k].reduce(0) { $0 + ($1.totalAssetsYi ?? 0) },
                listedFirms: Double(listed[k]), innovativeFirms: Double(innovative.count), universities: Double(universities.count),
                medicalUniversities: Double(universities.filter(\.isMedical).count),
                chainCompleteness: topLevel.isEmpty ? 0 : Double(covered) / Double(topLevel.count), strongNodes: strong,
                eci: analysis.complexity.eci[r])
        }
    }
}
