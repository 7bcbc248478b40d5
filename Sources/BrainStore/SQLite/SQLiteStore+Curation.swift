import GRDB
import BrainModel

extension SQLiteStore: CurationStore {
    @discardableResult
    public func addCurations(_ batch: [Curation]) async throws -> Int {
        guard !batch.isEmpty else { return 0 }
        return try await pool.write { db in
            let stored = try Row.fetchAll(db, sql: CurationSQL.all).map(CurationSQL.curation)
            let known = CurationCheck.Known(
                firms: try Self.existing(db, "enterprises", key: "id", Set(batch.map(\.enterpriseId))),
                nodes: Set(try String.fetchAll(db, sql: CurationSQL.nodeIds)),
                regions: try Self.existing(db, "regions", key: "code", Set(batch.compactMap(\.regionCode))),
                stored: Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
            try CurationSQL.check(batch, known: known)
            var written = 0
            for curation in batch where known.stored[curation.id] == nil {
                try db.execute(sql: CurationSQL.insert, arguments: StatementArguments(CurationSQL.values(curation).map(\.databaseValue)))
                written += db.changesCount
            }
            return written
        }
    }

    public func curations(enterprise: String?) async throws -> [Curation] {
        try await pool.read { db in
            if let enterprise {
                return try Row.fetchAll(db, sql: CurationSQL.ofEnterprise, arguments: [enterprise]).map(CurationSQL.curation)
            }
            return try Row.fetchAll(db, sql: CurationSQL.all).map(CurationSQL.curation)
        }
    }

    static func existing(_ db: Database, _ table: String, key: String, _ values: Set<String>) throws -> Set<String> {
        var found: Set<String> = []
        for chunk in CurationSQL.chunks(values) {
            found.formUnion(try String.fetchAll(db, sql: CurationSQL.existing(table, key: key, count: chunk.count), arguments: StatementArguments(chunk)))
        }
        return found
    }
}
