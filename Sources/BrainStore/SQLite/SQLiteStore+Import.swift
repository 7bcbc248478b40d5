import Foundation
import GRDB
import BrainModel

extension SQLiteStore: ImportingStore {
    public func importEnterprises(_ header: ImportHeader, audit: AuditOf<ImportOutcome>?, next: () throws -> [ImportedEnterprise]?) async throws -> ImportOutcome {
        try writeImport(header, ImportPlanner.self, audit: audit, next: next)
    }

    public func importLinks(_ header: ImportHeader, rejectUnresolved: Bool, audit: AuditOf<ImportOutcome>?,
                            next: () throws -> [ImportedLink]?) async throws -> ImportOutcome {
        try writeImport(header, LinkPlanner.self, rejectUnresolved: rejectUnresolved, audit: audit, next: next)
    }

    /// Synchronous: the whole import runs inside GRDB's one write transaction, pulling rows as it goes.
    private func writeImport<Planner: ImportBatchPlanner>(_ header: ImportHeader, _: Planner.Type,
                                                          rejectUnresolved: Bool = false, audit: AuditOf<ImportOutcome>?,
                                                          next: () throws -> [Planner.Item]?) throws -> ImportOutcome {
        // The import's large page cache is for the import only: a server would otherwise keep its ~256 MB for good.
        defer {
            try? writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT; PRAGMA shrink_memory") }
        }
        try writer.writeWithoutTransaction { db in
            // A national file touches every index of the table: a page cache that holds them saves re-reading them
            // from disk for every batch (1,800 → … rows/s at 200,000 rows). Writer connection only.
            try db.execute(sql: "PRAGMA cache_size = -262144")
            // Statement journals (each insert fires the full-text trigger, so SQLite keeps one to undo that statement
            // alone) in memory, not a temporary file written page by page: 2.5 million pwrite calls for 30,000 rows.
            // Before the transaction: SQLite decides where they go when the write transaction begins.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        return try writer.write { db in
            if let previous = try Int.fetchOne(db, sql: ImportSQL.previousImport, arguments: [header.kind, header.fingerprint]) {
                return ImportOutcome(alreadyImportedAs: previous)
            }
            let importId = try Int.fetchOne(db, sql: ImportSQL.insertImport,
                                            arguments: [header.kind, header.file, header.fingerprint, header.asOf, header.importedAt, header.organisation, header.layer]) ?? 0
            let visibility = try ImportVisibility(try Row.fetchAll(db, sql: ImportVisibility.importLayersSQL), for: header)
            var planner = Planner(header: header, importId: importId, backend: .sqlite, visibility: visibility,
                                  nextRank: try Int.fetchOne(db, sql: ImportBackend.sqlite.nextRankSQL) ?? 0)
            // Multi-row statements, a few per table and batch: row by row, every insert into enterprises opened a
            // statement savepoint (its full-text trigger), at which FTS5 writes its pending terms out as a new
            // segment — one per firm, merged again and again. Their lengths are powers of two, so each is compiled
            // once per import (`ImportStatements`) instead of once per batch.
            var memo = CoalescedWrites.Memo(.powersOfTwo(upTo: .max))
            var statements = ImportStatements()
            while let batch = try next() {
                try Self.learn(db, &planner, batch)
                try statements.run(db, CoalescedWrites.of(try batch.flatMap { try planner.plan($0) }, memo: &memo))
            }
            try statements.run(db, planner.finish())
            let o = planner.outcome
            if rejectUnresolved, !o.unresolved.isEmpty { throw ImportStoreError.unresolved(o.unresolved) }
            try db.execute(sql: ImportSQL.finishImport, arguments: [o.created, o.updated, o.unchanged, o.history, o.review, o.branchesLinked, importId])
            // The import's entry in its own transaction: an entry the trail refuses undoes the import (see `AuditOf`).
            try Self.appendAudit(audit, of: o, in: db)
            return o
        }
    }

    static func learn<Planner: ImportBatchPlanner>(_ db: Database, _ planner: inout Planner, _ batch: [Planner.Item]) throws {
        let results = try planner.queries(batch).map { query -> [any ColumnReader] in
            try Row.fetchAll(db, sql: query.sql, arguments: StatementArguments(query.arguments.map { $0.databaseValue }))
        }
        try planner.learn(results)
    }

    static func run(_ db: Database, _ writes: [ImportPlanner.Write]) throws {
        var statements = ImportStatements()
        try statements.run(db, writes)
    }

    public func imports() async throws -> [ImportBatch] {
        try await writer.read { db in try Row.fetchAll(db, sql: ImportSQL.imports).map(ImportRowMapping.batch) }
    }

    public func reviewItems(status: ReviewItem.Status?) async throws -> [ReviewItem] {
        let (sql, arguments) = ImportRowMapping.reviewSQL(status: status)
        return try await writer.read { db in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(ImportRowMapping.reviewItem) }
    }

    public func decideReview(_ id: Int, accept: Bool) async throws -> ReviewItem {
        try await writer.write { db in
            guard let row = try Row.fetchOne(db, sql: ImportSQL.reviewItems + " WHERE r.id = ?", arguments: [id]) else {
                throw ImportStoreError.noSuchReviewItem(id)
            }
            let item = try ImportRowMapping.reviewItem(row)
            guard item.status == .pending else { throw ImportStoreError.alreadyDecided(id, item.status.rawValue) }
            let record = try ImportRowMapping.record(row)
            guard let importRow = try Row.fetchOne(db, sql: ImportSQL.importById, arguments: [item.importId]) else {
                throw ImportStoreError.noSuchReviewItem(id)
            }
            let header = try ImportRowMapping.header(importRow)
            let visibility = try ImportVisibility(try Row.fetchAll(db, sql: ImportVisibility.importLayersSQL), for: header)
            var planner = ImportPlanner(header: header, importId: item.importId, backend: .sqlite, visibility: visibility,
                                        nextRank: try Int.fetchOne(db, sql: ImportBackend.sqlite.nextRankSQL) ?? 0)
            try Self.learn(db, &planner, [record])
            let decision = ReviewDecision(item: item, accept: accept)
            if case .mergeInto(let candidate) = decision.plan, try Int.fetchOne(db, sql: "SELECT 1 FROM enterprises WHERE id = ? AND \(visibility.visibleFirm)",
                                                             arguments: ([.text(candidate)] + visibility.layers).statementArguments) == nil {
                throw ImportStoreError.candidateGone(id, candidate)
            }
            try Self.run(db, try decision.writes(&planner, record) + planner.finish())
            try db.execute(sql: ImportSQL.decideReview, arguments: [decision.status.rawValue, ISO8601DateFormatter().string(from: Date()),
                                                                    decision.enterpriseId(record, planner), id])
            let decided = try Row.fetchOne(db, sql: ImportSQL.reviewItems + " WHERE r.id = ?", arguments: [id])!
            return try ImportRowMapping.reviewItem(decided)
        }
    }

    public func enterpriseFacts(_ id: String) async throws -> [EnterpriseFact] {
        try await writer.read { db in try ImportRowMapping.facts(try Row.fetchAll(db, sql: ImportSQL.factsOfEnterprise, arguments: [id])) }
    }
}
