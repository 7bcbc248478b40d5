import PostgresNIO
import BrainModel

extension PostgresStore: CurationStore {
    @discardableResult
    public func addCurations(_ batch: [Curation]) async throws -> Int {
        guard !batch.isEmpty else { return 0 }
        return try await location.withTransaction { c in
            // One writer at a time: two revocations of the same curation must not both pass the check.
            try await PostgresSQL.execute(c, "LOCK TABLE curations IN SHARE ROW EXCLUSIVE MODE")
            let stored = try await PostgresSQL.map(c, CurationSQL.all, [], CurationSQL.curation)
            let known = CurationCheck.Known(
                firms: try await Self.existing(c, "enterprises", key: "id", Set(batch.map(\.enterpriseId))),
                nodes: Set(try await PostgresSQL.rows(c, CurationSQL.nodeIds).map { try $0.text("id") }),
                regions: try await Self.existing(c, "regions", key: "code", Set(batch.compactMap(\.regionCode))),
                stored: Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
            try CurationSQL.check(batch, known: known)
            var written = 0
            for curation in batch where known.stored[curation.id] == nil {
                let rows = try await PostgresSQL.rows(c, CurationSQL.insert + " RETURNING id", CurationSQL.values(curation).map(SQLArgument.init))
                written += rows.count
            }
            return written
        }
    }

    public func curations(enterprise: String?) async throws -> [Curation] {
        try await withConnection { c in
            if let enterprise { return try await PostgresSQL.map(c, CurationSQL.ofEnterprise, [.text(enterprise)], CurationSQL.curation) }
            return try await PostgresSQL.map(c, CurationSQL.all, [], CurationSQL.curation)
        }
    }

    static func existing(_ c: PostgresConnection, _ table: String, key: String, _ values: Set<String>) async throws -> Set<String> {
        var found: Set<String> = []
        for chunk in CurationSQL.chunks(values) {
            for row in try await PostgresSQL.rows(c, CurationSQL.existing(table, key: key, count: chunk.count), chunk.textArguments) {
                found.insert(try row.text(key))
            }
        }
        return found
    }
}
