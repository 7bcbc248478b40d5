import GRDB
import BrainModel

/// The enterprise rows of a region: which column to match depends on the region's level.
struct RegionFilter {
    let sql: String
    let arguments: StatementArguments

    init(_ region: Region?) {
        guard let region else { sql = "1"; arguments = []; return }
        switch region.level {
        case .country: sql = "1"; arguments = []
        case .province: sql = "e.province_code = ?"; arguments = [region.code]
        case .city: sql = "e.city_code = ?"; arguments = [region.code]
        case .district: sql = "e.district_code = ?"; arguments = [region.code]
        }
    }
}

extension SQLiteStore {
    static func region(_ db: Database, _ code: String) throws -> Region? {
        try Row.fetchOne(db, sql: "SELECT * FROM regions WHERE code = ?", arguments: [code]).map {
            Region(code: $0["code"], name: $0["name"], level: RegionLevel(rawValue: $0["level"]) ?? .district,
                   parentCode: $0["parent_code"], longitude: $0["longitude"], latitude: $0["latitude"],
                   isDevelopmentZone: $0["is_development_zone"], provenance: Provenance(source: $0["source"], asOf: $0["as_of"]))
        }
    }

    static func regionRef(_ row: Row) -> RegionRef {
        RegionRef(code: row["code"], name: row["name"], level: RegionLevel(rawValue: row["level"]) ?? .district)
    }

    static func park(_ row: Row) -> Park {
        Park(id: row["id"], name: row["name"], regionCode: row["region_code"], kind: row["kind"],
             positioning: (row["positioning"] as String).split(separator: ";").map(String.init), facts: row["facts"],
             provenance: Provenance(source: row["source"], asOf: row["as_of"]))
    }

    static func enterprise(_ row: Row) -> Enterprise {
        var enterprise = Enterprise(id: row["id"], name: row["name"], fullName: row["full_name"], uscc: row["uscc"], stockCode: row["stock_code"],
                   exchange: row["exchange"], market: row["market"], provinceCode: row["province_code"], cityCode: row["city_code"],
                   districtCode: row["district_code"], employees: row["employees"],
                   registeredCapitalWan: row["registered_capital_wan"], totalAssetsYi: row["total_assets_yi"],
                   setupDate: row["setup_date"], listDate: row["list_date"], website: row["website"], ownership: row["ownership"],
                   sw2021L3: row["sw2021_l3"], isBiomedicine: row["is_biomedicine"],
                   provenance: Provenance(source: row["source"], asOf: row["as_of"]))
        enterprise.revenueGrowthPct = row["revenue_growth_pct"]
        enterprise.profitGrowthPct = row["profit_growth_pct"]
        enterprise.grossMarginPct = row["gross_margin_pct"]
        enterprise.netMarginPct = row["net_margin_pct"]
        return enterprise
    }

    /// Summaries for enterprise rows selected by `sql` (which must select `e.*`), with their chain nodes.
    static func summaries(_ db: Database, sql: String, arguments: StatementArguments) throws -> [EnterpriseSummary] {
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
        guard !rows.isEmpty else { return [] }
        let ids: [String] = rows.map { $0["id"] }
        var nodes: [String: [String]] = [:]
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        for row in try Row.fetchAll(db, sql: """
            SELECT a.enterprise_id, a.node_id FROM chain_assignments a JOIN chain_nodes n ON n.id = a.node_id
            WHERE a.enterprise_id IN (\(placeholders)) ORDER BY a.confidence DESC, n.position
            """, arguments: StatementArguments(ids)) {
            nodes[row["enterprise_id"], default: []].append(row["node_id"])
        }
        var cityNames: [String: String] = [:]
        let cityCodes = Set(rows.compactMap { $0["city_code"] as String? })
        if !cityCodes.isEmpty {
            let marks = Array(repeating: "?", count: cityCodes.count).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT code, name FROM regions WHERE code IN (\(marks))",
                                        arguments: StatementArguments(Array(cityCodes))) {
                cityNames[row["code"]] = row["name"]
            }
        }
        return rows.map { row in
            let id: String = row["id"]
            let city: String? = row["city_code"]
            return EnterpriseSummary(id: id, name: row["name"], fullName: row["full_name"], cityCode: city,
                                     cityName: city.flatMap { cityNames[$0] }, employees: row["employees"],
                                     isBiomedicine: row["is_biomedicine"], nodeIds: nodes[id] ?? [])
        }
    }

    /// Distinct biomedicine firms per node, counting a sub-node's firms in its parent too.
    static func nodeCounts(_ db: Database, filter: RegionFilter) throws -> [NodeCount] {
        try Row.fetchAll(db, sql: """
            WITH placed AS (
              -- Driven by the region's enterprises (indexed), each firm once per node; the taxonomy has two levels,
              -- so a sub-node's firm also counts on its parent.
              SELECT DISTINCT e.id AS enterprise_id, e.employees, n.id AS node_id
              FROM enterprises e
              JOIN chain_assignments a ON a.enterprise_id = e.id
              JOIN chain_nodes c ON c.id = a.node_id
              JOIN chain_nodes n ON n.id = c.id OR n.id = c.parent_id
              WHERE e.is_biomedicine = 1 AND \(filter.sql)
            )
            SELECT n.id, COUNT(p.enterprise_id) AS firms, COALESCE(SUM(p.employees), 0) AS employees
            FROM chain_nodes n LEFT JOIN placed p ON p.node_id = n.id
            GROUP BY n.id ORDER BY n.position
            """, arguments: filter.arguments).map {
            NodeCount(nodeId: $0["id"], firms: $0["firms"], employees: $0["employees"])
        }
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
