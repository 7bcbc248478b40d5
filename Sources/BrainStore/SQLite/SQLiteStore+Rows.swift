import GRDB
import BrainModel

extension SQLiteStore {
    static func region(_ db: Database, _ code: String) throws -> Region? {
        try Row.fetchOne(db, sql: StoreSQL.regionByCode, arguments: [code]).map(RowMapping.region)
    }

    /// Summaries for enterprise rows selected by `sql` (which must select `e.*`), with their chain nodes.
    static func summaries(_ db: Database, sql: String, arguments: StatementArguments) throws -> [EnterpriseSummary] {
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
        guard !rows.isEmpty else { return [] }
        let ids: [String] = rows.map { $0["id"] }
        var nodes: [String: [String]] = [:]
        for row in try Row.fetchAll(db, sql: StoreSQL.nodesOfEnterprises(count: ids.count), arguments: StatementArguments(ids)) {
            nodes[row["enterprise_id"], default: []].append(row["node_id"])
        }
        let cityCodes = Array(Set(rows.compactMap { $0["city_code"] as String? }))
        var cityNames: [String: String] = [:]
        if !cityCodes.isEmpty {
            for row in try Row.fetchAll(db, sql: StoreSQL.regionNames(count: cityCodes.count), arguments: StatementArguments(cityCodes)) {
                cityNames[row["code"]] = row["name"]
            }
        }
        return try rows.map { try EnterpriseSummary(row: $0, nodeIds: nodes, cityNames: cityNames) }
    }

    static func nodeCounts(_ db: Database, filter: RegionFilter) throws -> [NodeCount] {
        try Row.fetchAll(db, sql: StoreSQL.nodeCounts(filter), arguments: StatementArguments(filter.arguments)).map(RowMapping.nodeCount)
    }
}
