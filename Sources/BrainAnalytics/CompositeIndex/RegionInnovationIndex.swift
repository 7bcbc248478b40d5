import BrainModel

/// The default innovation index for regions on the bundled data: a panel by year-end built from listing dates
/// (a firm counts from the year it listed), so that year-over-year change has a real basis.
/// Indicators: biomedicine listed firms, STAR-market (科创板) biomedicine firms, firms on innovative nodes,
/// their employees (latest headcount), and medical/pharmacy universities (2017 list, constant over the years).
public enum RegionInnovationIndex {
    public static let indicators = ["biomedicineFirms", "starMarketFirms", "innovativeNodeFirms", "biomedicineEmployees",
                                    "medicalUniversities"]

    public static func table(_ index: SnapshotIndex, level: RegionLevel, years: ClosedRange<Int>) -> IndicatorTable {
        let regions = index.regions(at: level).map(\.code)
        var rows: [IndicatorTable.Row] = []
        let firms = index.biomedicineEnterprises
        var universities: [String: Double] = [:]
        for (city, list) in index.universitiesByCity {
            let code = level == .province ? Region.provinceCode(of: city) : city
            universities[code, default: 0] += Double(list.filter(\.isMedical).count)
        }
        for year in years {
            let cutoff = "\(year)-12-31"
            var values: [String: [String: Double]] = [:]
            for firm in firms {
                guard let listed = firm.listDate, listed <= cutoff, let code = index.regionCode(of: firm, at: level) else { continue }
                let innovative = !(index.nodesByEnterprise[firm.id] ?? []).isDisjoint(with: RegionIndicators.innovativeNodes)
                values[code, default: [:]]["biomedicineFirms", default: 0] += 1
                values[code, default: [:]]["starMarketFirms", default: 0] += firm.market == "科创板" ? 1 : 0
                values[code, default: [:]]["innovativeNodeFirms", default: 0] += innovative ? 1 : 0
                values[code, default: [:]]["biomedicineEmployees", default: 0] += Double(firm.employees ?? 0)
            }
            for code in regions {
                var row = values[code] ?? [:]
                for indicator in indicators where row[indicator] == nil { row[indicator] = 0 }
                row["medicalUniversities"] = universities[code] ?? 0
                rows.append(.init(unit: code, year: String(year), values: row))
            }
        }
        return IndicatorTable(indicators: indicators, rows: rows)
    }

    public static var defaultSpec: IndexSpec {
        var spec = IndexSpec()
        spec.normalisation = .minmax
        spec.aggregation = .arithmetic
        var monteCarlo = IndexSpec.MonteCarlo()
        monteCarlo.draws = 200
        spec.monteCarlo = monteCarlo
        return spec
    }
}
