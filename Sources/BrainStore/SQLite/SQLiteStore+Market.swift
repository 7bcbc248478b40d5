import GRDB
import BrainModel

extension SQLiteStore: MarketStore {
    public func createOrganisation(id: String, name: String) async throws -> OrganisationCredentials {
        try MarketSQL.checkOrganisationId(id)
        let token = MarketToken.generate(), organisation = Organisation(id: id, name: name, createdAt: MarketSQL.now())
        try await writer.write { db in
            guard try Row.fetchOne(db, sql: MarketSQL.organisationById, arguments: [id]) == nil else { throw MarketStoreError.organisationExists(id) }
            try db.execute(sql: MarketSQL.insertOrganisation, arguments: [id, name, MarketToken.digest(token), organisation.createdAt])
        }
        return OrganisationCredentials(organisation: organisation, token: token)
    }

    public func rotateToken(organisation id: String) async throws -> OrganisationCredentials {
        let token = MarketToken.generate()
        return try await writer.write { db in
            guard let row = try Row.fetchOne(db, sql: MarketSQL.organisationById, arguments: [id]) else { throw MarketStoreError.noSuchOrganisation(id) }
            try db.execute(sql: MarketSQL.replaceToken, arguments: [MarketToken.digest(token), id])
            try db.execute(sql: AccessSQL.deleteSessionsOfOrganisation, arguments: [id])
            return OrganisationCredentials(organisation: try MarketRowMapping.organisation(row), token: token)
        }
    }

    public func organisations() async throws -> [Organisation] {
        try await writer.read { db in try Row.fetchAll(db, sql: MarketSQL.organisations).map(MarketRowMapping.organisation) }
    }

    public func organisation(id: String) async throws -> Organisation? {
        try await writer.read { db in try Row.fetchOne(db, sql: MarketSQL.organisationById, arguments: [id]).map(MarketRowMapping.organisation) }
    }

    public func organisation(token: String) async throws -> Organisation? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: MarketSQL.organisationByToken, arguments: [MarketToken.digest(token)]).map(MarketRowMapping.organisation)
        }
    }

    public func addMarketRecords(_ records: [NewMarketRecord], organisation: String, header given: ImportHeader?,
                                 audit: AuditOf<MarketWrite>?) async throws -> MarketWrite {
        let header = given.map { MarketSQL.scoped($0, organisation: organisation) }
        return try await writer.write { db in
            guard try Row.fetchOne(db, sql: MarketSQL.organisationById, arguments: [organisation]) != nil else {
                throw MarketStoreError.noSuchOrganisation(organisation)
            }
            var importId: Int?
            if let header {
                if let previous = try Int.fetchOne(db, sql: ImportSQL.previousImport, arguments: [header.kind, header.fingerprint]) {
                    return MarketWrite(ids: [], importId: nil, alreadyImportedAs: previous)
                }
                importId = try Int.fetchOne(db, sql: ImportSQL.insertImport,
                                            arguments: [header.kind, header.file, header.fingerprint, header.asOf, header.importedAt, header.organisation, header.layer])
            }
            let now = MarketSQL.now()
            var ids: [Int] = []
            for record in records {
                let origin = MarketSQL.origin(header, line: record.line, importId: importId)
                ids.append(try Int.fetchOne(db, sql: MarketSQL.insertRecord, arguments: [
                    record.body.kind.rawValue, organisation, record.shared, try MarketRowMapping.encode(record.body), origin, importId, now,
                ]) ?? 0)
            }
            if let importId {
                try db.execute(sql: ImportSQL.finishImport, arguments: [ids.count, 0, 0, 0, 0, 0, importId])
            }
            var write = MarketWrite(ids: ids, importId: importId, alreadyImportedAs: nil)
            if header == nil {
                write.records = try ids.compactMap { try Row.fetchOne(db, sql: MarketSQL.ownedById, arguments: [$0, organisation]).map(MarketRowMapping.record) }
            }
            try Self.appendAudit(audit, of: write, in: db)
            return write
        }
    }

    public func marketRecords(_ kind: MarketKind, visibleTo organisation: String?) async throws -> [MarketRecord] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: MarketSQL.visibleOfKind, arguments: [kind.rawValue, organisation ?? ""]).map(MarketRowMapping.record)
        }
    }

    public func marketRecord(_ id: Int, visibleTo organisation: String?) async throws -> MarketRecord? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: MarketSQL.visibleById, arguments: [id, organisation ?? ""]).map(MarketRowMapping.record)
        }
    }

    public func setShared(_ id: Int, shared: Bool, by organisation: String, audit: AuditOf<MarketRecord>?) async throws -> MarketRecord {
        try await writer.write { db in
            try db.execute(sql: MarketSQL.setShared, arguments: [shared, id, organisation])
            guard let row = try Row.fetchOne(db, sql: MarketSQL.ownedById, arguments: [id, organisation]) else {
                throw MarketStoreError.noSuchRecord(id)
            }
            let record = try MarketRowMapping.record(row)
            try Self.appendAudit(audit, of: record, in: db)
            return record
        }
    }

    public func deleteMarketRecord(_ id: Int, by organisation: String, audit: AuditOf<Int>?) async throws {
        try await writer.write { db in
            try db.execute(sql: MarketSQL.delete, arguments: [id, organisation])
            guard db.changesCount == 1 else { throw MarketStoreError.noSuchRecord(id) }
            try Self.appendAudit(audit, of: id, in: db)
        }
    }
}

extension SQLiteStore {
    /// Records `audit`'s entry for `outcome` in the GRDB write transaction `db` (see `AuditOf`).
    static func appendAudit<Outcome>(_ audit: AuditOf<Outcome>?, of outcome: Outcome, in db: Database) throws {
        guard let entry = try audit?(outcome) else { return }
        _ = try Row.fetchAll(db, sql: AuditSQL.insert, arguments: StatementArguments(AuditSQL.values(entry).map { $0.databaseValue }))
    }
}
