import GRDB
import BrainModel

extension SQLiteStore {
    public func enterpriseNames(keys: Set<String>) async throws -> [EnterpriseName] {
        try await pool.read { db in
            try NameSQL.chunks(keys).flatMap { chunk in
                try Row.fetchAll(db, sql: NameSQL.byKeys(chunk.count), arguments: StatementArguments(NameSQL.arguments(chunk))).compactMap(NameSQL.name)
            }
        }
    }

    public func aliasNames(containing text: String, limit: Int) async throws -> [EnterpriseName] {
        guard let pattern = NameSQL.aliasPattern(text) else { return [] }
        return try await pool.read { db in
            try Row.fetchAll(db, sql: NameSQL.aliasesContaining, arguments: [pattern, limit]).compactMap(NameSQL.name)
        }
    }

    public func enterpriseSummaries(ids: [String]) async throws -> [EnterpriseSummary] {
        guard !ids.isEmpty else { return [] }
        let found = try await pool.read { db in
            try Self.summaries(db, sql: "SELECT e.* FROM enterprises e WHERE e.id IN (\(StoreSQL.marks(ids.count)))",
                               arguments: StatementArguments(ids))
        }
        return ExactFirstPage.ordered(found, as: ids)
    }
}
