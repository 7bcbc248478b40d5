import BrainModel

/// The few reads every operation family builds on.
extension SQLStore {
    static func region(_ s: any SQLSession, _ code: String) async throws -> Region? {
        try await s.first(StoreSQL.regionByCode, [.text(code)]) { try RowMapping.region($0) }
    }

    static func nodeCounts(_ s: any SQLSession, _ filter: RegionFilter) async throws -> [NodeCount] {
        try await s.rows(StoreSQL.nodeCounts(filter), filter.arguments.textArguments) { try RowMapping.nodeCount($0) }
    }

    /// An `enterprises` row's summary columns, held until the page's nodes and city names are known.
    private struct SummaryRow: Sendable {
        let id: String, name: String, fullName: String?, cityCode: String?, employees: Int?, isBiomedicine: Bool

        init(_ row: any ColumnReader) throws {
            (id, name, fullName) = (try row.text("id"), try row.text("name"), try row.optionalText("full_name"))
            (cityCode, employees, isBiomedicine) = (try row.optionalText("city_code"), try row.optionalInt("employees"), try row.bool("is_biomedicine"))
        }
    }

    /// Summaries for enterprise rows selected by `sql` (which must select `e.*`), with their chain nodes.
    static func summaries(_ s: any SQLSession, _ sql: String, _ arguments: [SQLValue]) async throws -> [EnterpriseSummary] {
        let rows = try await s.rows(sql, arguments) { try SummaryRow($0) }
        guard !rows.isEmpty else { return [] }
        let ids = rows.map(\.id)
        var nodes: [String: [String]] = [:]
        for (firm, node) in try await s.rows(StoreSQL.nodesOfEnterprises(count: ids.count), ids.textArguments,
                                             { (try $0.text("enterprise_id"), try $0.text("node_id")) }) {
            nodes[firm, default: []].append(node)
        }
        let cityCodes = Array(Set(rows.compactMap(\.cityCode)))
        var cityNames: [String: String] = [:]
        if !cityCodes.isEmpty {
            for (code, name) in try await s.rows(StoreSQL.regionNames(count: cityCodes.count), cityCodes.textArguments,
                                                 { (try $0.text("code"), try $0.text("name")) }) {
                cityNames[code] = name
            }
        }
        return rows.map { row in
            EnterpriseSummary(id: row.id, name: row.name, fullName: row.fullName, cityCode: row.cityCode,
                              cityName: row.cityCode.flatMap { cityNames[$0] }, employees: row.employees,
                              isBiomedicine: row.isBiomedicine, nodeIds: nodes[row.id] ?? [])
        }
    }

    /// The regions and their ancestors (at most four levels up: a code table with a cycle must not hang).
    static func regionChains(_ s: any SQLSession, _ codes: [String]) async throws -> [String: Region] {
        var regions: [String: Region] = [:]
        for code in codes {
            var cursor: String? = code
            for _ in 0..<4 {
                guard let current = cursor, regions[current] == nil, let region = try await Self.region(s, current) else { break }
                regions[current] = region
                cursor = region.parentCode
            }
        }
        return regions
    }
}
