import BrainModel

extension SQLStore {
    public func enterpriseNames(keys: Set<String>) async throws -> [EnterpriseName] {
        try await driver.read { s in
            var names: [EnterpriseName] = []
            for chunk in NameSQL.chunks(keys) {
                names += try await s.rows(NameSQL.byKeys(chunk.count), NameSQL.arguments(chunk).textArguments) { try NameSQL.name($0) }
                    .compactMap { $0 }
            }
            return names
        }
    }

    public func aliasNames(containing text: String, limit: Int) async throws -> [EnterpriseName] {
        guard let pattern = NameSQL.aliasPattern(text) else { return [] }
        return try await driver.read { s in
            try await s.rows(NameSQL.aliasesContaining, [.text(pattern), .int(limit)]) { try NameSQL.name($0) }.compactMap { $0 }
        }
    }

    public func enterpriseSummaries(ids: [String]) async throws -> [EnterpriseSummary] {
        guard !ids.isEmpty else { return [] }
        return ExactFirstPage.ordered(try await summaries(ids: ids), as: ids)
    }
}
