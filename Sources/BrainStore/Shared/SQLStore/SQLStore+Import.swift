import Foundation
import BrainModel

extension SQLStore: ImportingStore {
    /// One transaction: a failure, or `next` throwing, rolls back the whole import.
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
        try await driver.importTransaction(wholeFile: true) { s in
            try await Self.serialiseImports(s, driver.dialect)
            if let previous = try await s.first(ImportSQL.previousImport, [.text(header.kind), .text(header.fingerprint)], { try $0.int("id") }) {
                return ImportOutcome(alreadyImportedAs: previous)
            }
            let importId = try await Self.insertImport(s, header)
            let nextRank = try await s.count(driver.importBackend.nextRankSQL)
            var planner = Planner(header: header, importId: importId, backend: driver.importBackend,
                                  visibility: try await ImportVisibility.read(s, for: header), nextRank: nextRank)
            var deferred = DeferredIndexes(Planner.deferrableIndexes, backend: driver.importBackend, storedFirms: nextRank)
            var rowsPlanned = 0
            // Multi-row statements, a few per table and batch: row by row, every insert into enterprises opened a
            // statement savepoint (its full-text trigger), at which FTS5 writes its pending terms out as a new
            // segment — one per firm, merged again and again.
            var memo = CoalescedWrites.Memo(driver.coalescing)
            var writes = WritesInFlight(s)
            do {
                var batches = try Self.lookUpGroup(next)
                if let first = batches { try await Self.learn(s, &planner, planner.queries(first.flatMap { $0 })) }
                while let group = batches {
                    for part in group.dropLast() {
                        try await writes.start(try Self.planned(part, &planner, &memo))
                    }
                    // The group's last batch is planned while the one before is written, then waits: the next group's
                    // look-ups go before its writes when they read nothing those writes change (`readsAny`).
                    planner.noteTouches()
                    let last = try Self.planned(group.last!, &planner, &memo)
                    let touches = planner.takeTouches()
                    rowsPlanned += group.reduce(0) { $0 + $1.count }
                    batches = try Self.lookUpGroup(next)
                    guard let upcoming = batches else {
                        try await writes.start(last)
                        break
                    }
                    let queries = planner.queries(upcoming.flatMap { $0 })
                    try await writes.finish()
                    try await deferred.dropOnceLarge(s, rowsPlanned: rowsPlanned)
                    var early: [[any ColumnReader]]?
                    if let touches {
                        let answers = try await Self.lookUp(s, planner, queries)
                        early = try planner.readsAny(of: touches, queries: queries + answers.followUp, results: answers.results) ? nil : answers.results
                    }
                    try await writes.start(last)
                    if let early { try planner.learn(early) } else {
                        // The look-ups read what the batches before wrote.
                        try await writes.finish()
                        try await Self.learn(s, &planner, queries)
                    }
                }
                // The deferred indexes are built on the writer while the planner lays out the last held grams.
                try await writes.start(deferred.restoring())
                try await writes.start(CoalescedWrites.presorted(planner.heldWrites(all: true), memo: &memo))
                try await writes.finish()
            } catch {
                await writes.abandon()
                throw error
            }
            try await s.run(planner.finish())
            let o = planner.outcome
            if rejectUnresolved, !o.unresolved.isEmpty { throw ImportStoreError.unresolved(o.unresolved) }
            try await s.execute(ImportSQL.finishImport, [o.created, o.updated, o.unchanged, o.history, o.review, o.branchesLinked, importId].map { .int($0) })
            // The import's entry in its own transaction: an entry the trail refuses undoes the import (see `AuditOf`).
            try await Self.append(audit, of: o, in: s)
            return o
        }
    }

    /// A batch's writes, merged, then any held writes that are due, in their own order.
    static func planned<Planner: ImportBatchPlanner>(_ batch: [Planner.Item], _ planner: inout Planner,
                                                     _ memo: inout CoalescedWrites.Memo) throws -> [ImportPlanner.Write] {
        CoalescedWrites.of(try batch.flatMap { try planner.plan($0) }, memo: &memo)
            + CoalescedWrites.presorted(planner.heldWrites(all: false), memo: &memo)
    }

    /// One import at a time: two writers would hand out the same search ranks, or land the same file twice.
    /// SQLite's one writer already serialises them.
    static func serialiseImports(_ s: any SQLWriteSession, _ dialect: SQLDialect) async throws {
        if dialect == .postgres { try await s.execute("LOCK TABLE imports IN EXCLUSIVE MODE", []) }
    }

    /// The import's row in `imports`; its id.
    static func insertImport(_ s: any SQLWriteSession, _ header: ImportHeader) async throws -> Int {
        try await s.count(ImportSQL.insertImport, [header.kind, header.file, header.fingerprint, header.asOf, header.importedAt].textArguments
                                                    + [.text(header.organisation), .text(header.layer)])
    }

    /// Batches looked up together and then planned one after the other, each written while the next is planned
    /// (`WritesInFlight`). Rows only ever refer to firms planned before them, so a batch's writes never need a later
    /// one's. Two, not more: a batch keeps the size of its merged inserts (smaller ones cost SQLite more than the
    /// overlap saves), and look-ups of 2,000 rows cost little more than of 1,000.
    static let batchesPerLookup = 2

    /// The next batches looked up together (`batchesPerLookup`); nil at the end of the file.
    static func lookUpGroup<Item>(_ next: () throws -> [Item]?) throws -> [[Item]]? {
        guard let first = try next() else { return nil }
        var batches = [first]
        while batches.count < batchesPerLookup, let more = try next() { batches.append(more) }
        return batches
    }

    /// Runs `queries`, then the planner's follow-up queries on their answers: every answer in order, and the
    /// follow-up queries run.
    static func lookUp<Planner: ImportBatchPlanner>(_ s: any ImportSession, _ planner: Planner, _ queries: [ImportPlanner.Write]) async throws
        -> (results: [[any ColumnReader]], followUp: [ImportPlanner.Write]) {
        func answers(_ queries: [ImportPlanner.Write]) async throws -> [[any ColumnReader]] {
            var results: [[any ColumnReader]] = []
            for query in queries { results.append(try await s.readers(query.sql, query.arguments)) }
            return results
        }
        let results = try await answers(queries), followUp = try planner.followUp(results)
        return (results + (try await answers(followUp)), followUp)
    }

    static func learn<Planner: ImportBatchPlanner>(_ s: any ImportSession, _ planner: inout Planner, _ queries: [ImportPlanner.Write]) async throws {
        try planner.learn(try await lookUp(s, planner, queries).results)
    }

    public func imports() async throws -> [ImportBatch] {
        try await driver.read { s in try await s.rows(ImportSQL.imports, []) { try ImportRowMapping.batch($0) } }
    }

    public func reviewItems(status: ReviewItem.Status?) async throws -> [ReviewItem] {
        let (sql, arguments) = ImportRowMapping.reviewSQL(status: status)
        return try await driver.read { s in
            let items = try await s.rows(sql, arguments.textArguments) { try ImportRowMapping.reviewItem($0) }
            guard !items.isEmpty else { return items }
            let places = ReviewRegionNames(try await s.rows(ReviewRegionNames.sql, [], ReviewRegionNames.region))
            return items.map(places.named)
        }
    }

    public func decideReview(_ id: Int, accept: Bool) async throws -> ReviewItem {
        try await driver.importTransaction(wholeFile: false) { s in
            try await Self.serialiseImports(s, driver.dialect)
            let itemSQL = ImportSQL.reviewItems + " WHERE r.id = ?"
            guard let row = try await s.readers(itemSQL, [.int(id)]).first else { throw ImportStoreError.noSuchReviewItem(id) }
            let item = try ImportRowMapping.reviewItem(row)
            guard item.status == .pending else { throw ImportStoreError.alreadyDecided(id, item.status.rawValue) }
            let record = try ImportRowMapping.record(row)
            guard let header = try await s.first(ImportSQL.importById, [.int(item.importId)], { try ImportRowMapping.header($0) }) else {
                throw ImportStoreError.noSuchReviewItem(id)
            }
            let visibility = try await ImportVisibility.read(s, for: header)
            var planner = ImportPlanner(header: header, importId: item.importId, backend: driver.importBackend, visibility: visibility,
                                        nextRank: try await s.count(driver.importBackend.nextRankSQL))
            let queries = planner.queries([record])
            try await Self.learn(s, &planner, queries)
            let decision = ReviewDecision(item: item, accept: accept)
            if case .mergeInto(let candidate) = decision.plan,
               try await s.count("SELECT 1 AS n FROM enterprises WHERE id = ? AND \(visibility.visibleFirm)", [.text(candidate)] + visibility.layers) == 0 {
                throw ImportStoreError.candidateGone(id, candidate)
            }
            try await s.run(try decision.writes(&planner, record) + planner.finish())
            try await s.execute(ImportSQL.decideReview, [.text(decision.status.rawValue), .text(ISO8601DateFormatter().string(from: Date())),
                                                         .text(decision.enterpriseId(record, planner)), .int(id)])
            guard let decided = try await s.first(itemSQL, [.int(id)], { try ImportRowMapping.reviewItem($0) }) else {
                throw ImportStoreError.noSuchReviewItem(id)
            }
            return ReviewRegionNames(try await s.rows(ReviewRegionNames.sql, [], ReviewRegionNames.region)).named(decided)
        }
    }

    public func enterpriseFacts(_ id: String) async throws -> [EnterpriseFact] {
        try await driver.readSteps(ImportRowMapping.Facts(), [ReadStep(ImportSQL.factsOfEnterprise, [.text(id)]) { facts, row in try facts.add(row) }]).facts
    }
}
