import PostgresNIO
import BrainModel

extension PostgresStore {
    public func enterpriseNames(keys: Set<String>) async throws -> [EnterpriseName] {
        try await withConnection { c in
            var names: [EnterpriseName] = []
            for chunk in NameSQL.chunks(keys) {
                names += try await PostgresSQL.rows(c, NameSQL.byKeys(chunk.count), NameSQL.arguments(chunk).textArguments).compactMap(NameSQL.name)
            }
            return names
        }
    }

    public func aliasNames(containing text: String, limit: Int) async throws -> [EnterpriseName] {
        guard let pattern = NameSQL.aliasPattern(text) else { return [] }
        return try await withConnection { c in
            try await PostgresSQL.rows(c, NameSQL.aliasesContaining, [.text(pattern), .int(limit)]).compactMap(NameSQL.name)
        }
    }

    public func enterpriseSummaries(ids: [String]) async throws -> [EnterpriseSummary] {
        guard !ids.isEmpty else { return [] }
        let found = try await withConnection { c in
            try await Self.summaries(c, "SELECT e.* FROM enterprises e WHERE e.id IN (\(StoreSQL.marks(ids.count)))", ids.textArguments)
        }
        return ExactFirstPage.ordered(found, as: ids)
    }
}
