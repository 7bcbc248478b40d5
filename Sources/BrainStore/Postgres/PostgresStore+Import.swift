import Foundation
import PostgresNIO
import BrainModel

extension PostgresStore: ImportingStore {
    /// One transaction on its own connection: a failure, or `next` throwing, rolls back the whole import.
    public func importEnterprises(_ header: ImportHeader, audit: AuditOf<ImportOutcome>?, next: () throws -> [ImportedEnterprise]?) async throws -> ImportOutcome {
        try await writeImport(header, ImportPlanner.self, audit: audit, next: next)
    }

    public func importLinks(_ header: ImportHeader, rejectUnresolved: Bool, audit: AuditOf<ImportOutcome>?,
                            next: () throws -> [ImportedLink]?) async throws -> ImportOutcome {
        try await writeImport(header, LinkPlanner.self, rejectUnresolved: rejectUnresolved, audit: audit, next: next)
    }

    private func writeImport<Planner: ImportBatchPlanner>(_ header: ImportHeader, _: Planner.Type,
                                                          rejectUnresolved: Bool = false, audit: AuditOf<ImportOutcome>?,
                                                          next: () throws -> [Planner.Item]?) async throws -> ImportOutcome {
        try await location.withTransaction { c in
            // One import at a time: two writers would hand out the same search ranks.
            try await PostgresSQL.execute(c, "LOCK TABLE imports IN EXCLUSIVE MODE")
            if let previous = try await PostgresSQL.rows(c, ImportSQL.previousImport, [.text(header.kind), .text(header.fingerprint)]).first {
                return ImportOutcome(alreadyImportedAs: try previous.int("id"))
            }
            let importId = try await PostgresSQL.count(c, ImportSQL.insertImport,
                                                [header.kind, header.file, header.fingerprint, header.asOf, header.importedAt].textArguments + [header.organisation.map { .text($0) } ?? .null, header.layer.map { .text($0) } ?? .null])
            let visibility = try ImportVisibility(try await PostgresSQL.rows(c, ImportVisibility.importLayersSQL), for: header)
            var planner = Planner(header: header, importId: importId, backend: .postgres, visibility: visibility,
                                  nextRank: try await PostgresSQL.count(c, ImportBackend.postgres.nextRankSQL))
            var memo = CoalescedWrites.Memo(.largest)
            while let batch = try next() {
                try await Self.learn(c, &planner, batch)
                try await Self.run(c, CoalescedWrites.of(try batch.flatMap { try planner.plan($0) }, memo: &memo))
            }
            try await Self.run(c, planner.finish())
            let o = planner.outcome
            if rejectUnresolved, !o.unresolved.isEmpty { throw ImportStoreError.unresolved(o.unresolved) }
            try await Self.run(c, [ImportPlanner.Write(ImportSQL.finishImport, [o.created, o.updated, o.unchanged, o.history, o.review,
                                                                                o.branchesLinked, importId].map { .int($0) })])
            // The import's entry in its own transaction: an entry the trail refuses undoes the import (see `AuditOf`).
            try await Self.appendAudit(audit, of: o, in: c)
            return o
        }
    }

    static func learn<Planner: ImportBatchPlanner>(_ c: PostgresConnection, _ planner: inout Planner, _ batch: [Planner.Item]) async throws {
        var results: [[any ColumnReader]] = []
        for query in planner.queries(batch) {
            results.append(try await PostgresSQL.rows(c, query.sql, query.arguments))
        }
        try planner.learn(results)
    }

    static func run(_ c: PostgresConnection, _ writes: [ImportPlanner.Write]) async throws {
        for write in writes {
            try await c.query(PostgresSQL.query(write.sql, write.arguments), logger: PostgresSQL.logger)
        }
    }

    public func imports() async throws -> [ImportBatch] {
        try await withConnection { c in try await PostgresSQL.rows(c, ImportSQL.imports).map(ImportRowMapping.batch) }
    }

    public func reviewItems(status: ReviewItem.Status?) async throws -> [ReviewItem] {
        let (sql, arguments) = ImportRowMapping.reviewSQL(status: status)
        return try await withConnection { c in try await PostgresSQL.rows(c, sql, arguments.textArguments).map(ImportRowMapping.reviewItem) }
    }

    public func decideReview(_ id: Int, accept: Bool) async throws -> ReviewItem {
        try await location.withTransaction { c in
            try await PostgresSQL.execute(c, "LOCK TABLE imports IN EXCLUSIVE MODE")
            let itemSQL = ImportSQL.reviewItems + " WHERE r.id = ?"
            guard let row = try await PostgresSQL.rows(c, itemSQL, [.int(id)]).first else { throw ImportStoreError.noSuchReviewItem(id) }
            let item = try ImportRowMapping.reviewItem(row)
            guard item.status == .pending else { throw ImportStoreError.alreadyDecided(id, item.status.rawValue) }
            let record = try ImportRowMapping.record(row)
            guard let importRow = try await PostgresSQL.rows(c, ImportSQL.importById, [.int(item.importId)]).first else {
                throw ImportStoreError.noSuchReviewItem(id)
            }
            let header = try ImportRowMapping.header(importRow)
            let visibility = try ImportVisibility(try await PostgresSQL.rows(c, ImportVisibility.importLayersSQL), for: header)
            var planner = ImportPlanner(header: header, importId: item.importId, backend: .postgres, visibility: visibility,
                                        nextRank: try await PostgresSQL.count(c, ImportBackend.postgres.nextRankSQL))
            try await Self.learn(c, &planner, [record])
            let decision = ReviewDecision(item: item, accept: accept)
            if case .mergeInto(let candidate) = decision.plan,
               try await PostgresSQL.rows(c, "SELECT 1 AS n FROM enterprises WHERE id = ? AND \(visibility.visibleFirm)",
                                         [.text(candidate)] + visibility.layers).isEmpty {
                throw ImportStoreError.candidateGone(id, candidate)
            }
            try await Self.run(c, try decision.writes(&planner, record) + planner.finish())
            try await Self.run(c, [ImportPlanner.Write(ImportSQL.decideReview, [
                .text(decision.status.rawValue), .text(ISO8601DateFormatter().string(from: Date())), .text(decision.enterpriseId(record, planner)), .int(id),
            ])])
            guard let decided = try await PostgresSQL.rows(c, itemSQL, [.int(id)]).first else { throw ImportStoreError.noSuchReviewItem(id) }
            return try ImportRowMapping.reviewItem(decided)
        }
    }

    public func enterpriseFacts(_ id: String) async throws -> [EnterpriseFact] {
        try await withConnection { c in try ImportRowMapping.facts(try await PostgresSQL.rows(c, ImportSQL.factsOfEnterprise, [.text(id)])) }
    }
}
