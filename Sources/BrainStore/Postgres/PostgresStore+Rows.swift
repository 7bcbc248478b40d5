import PostgresNIO
import BrainModel

extension PostgresStore {
    static func count(_ c: PostgresConnection, _ sql: String, _ arguments: [SQLArgument] = []) async throws -> Int {
        try await PostgresSQL.rows(c, sql, arguments).first?.int("n") ?? 0
    }

    static func region(_ c: PostgresConnection, _ code: String) async throws -> Region? {
        try await PostgresSQL.rows(c, StoreSQL.regionByCode, [.text(code)]).first.map(RowMapping.region)
    }

    static func nodeCounts(_ c: PostgresConnection, _ filter: RegionFilter) async throws -> [NodeCount] {
        try await PostgresSQL.rows(c, StoreSQL.nodeCounts(filter), filter.arguments.textArguments).map(RowMapping.nodeCount)
    }

    /// Summaries for enterprise rows selected by `sql` (which must select `e.*`), with their chain nodes.
    static func summaries(_ c: PostgresConnection, _ sql: String, _ arguments: [SQLArgument]) async throws -> [EnterpriseSummary] {
        let rows = try await PostgresSQL.rows(c, sql, arguments)
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.text("id") }
        var nodes: [String: [String]] = [:]
        for row in try await PostgresSQL.rows(c, StoreSQL.nodesOfEnterprises(count: ids.count), ids.textArguments) {
            nodes[try row.text("enterprise_id"), default: []].append(try row.text("node_id"))
        }
        let cityCodes = Array(Set(try rows.compactMap { try $0.optionalText("city_code") }))
        var cityNames: [String: String] = [:]
        if !cityCodes.isEmpty {
            for row in try await PostgresSQL.rows(c, StoreSQL.regionNames(count: cityCodes.count), cityCodes.textArguments) {
                cityNames[try row.text("code")] = try row.text("name")
            }
        }
        return try rows.map { try EnterpriseSummary(row: $0, nodeIds: nodes, cityNames: cityNames) }
    }
}
