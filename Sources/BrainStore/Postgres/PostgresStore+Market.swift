import PostgresNIO
import BrainModel

extension PostgresStore: MarketStore {
    public func createOrganisation(id: String, name: String) async throws -> OrganisationCredentials {
        try MarketSQL.checkOrganisationId(id)
        let token = MarketToken.generate(), organisation = Organisation(id: id, name: name, createdAt: MarketSQL.now())
        try await location.withTransaction { c in
            guard try await PostgresSQL.rows(c, MarketSQL.organisationById, [.text(id)]).isEmpty else {
                throw MarketStoreError.organisationExists(id)
            }
            try await c.query(PostgresSQL.query(MarketSQL.insertOrganisation,
                                                [id, name, MarketToken.digest(token), organisation.createdAt].textArguments), logger: PostgresSQL.logger)
        }
        return OrganisationCredentials(organisation: organisation, token: token)
    }

    public func rotateToken(organisation id: String) async throws -> OrganisationCredentials {
        let token = MarketToken.generate()
        return try await location.withTransaction { c in
            guard let row = try await PostgresSQL.rows(c, MarketSQL.organisationById, [.text(id)]).first else {
                throw MarketStoreError.noSuchOrganisation(id)
            }
            try await c.query(PostgresSQL.query(MarketSQL.replaceToken, [MarketToken.digest(token), id].textArguments), logger: PostgresSQL.logger)
            try await c.query(PostgresSQL.query(AccessSQL.deleteSessionsOfOrganisation, [.text(id)]), logger: PostgresSQL.logger)
            return OrganisationCredentials(organisation: try MarketRowMapping.organisation(row), token: token)
        }
    }

    public func organisations() async throws -> [Organisation] {
        try await withConnection { c in try await PostgresSQL.rows(c, MarketSQL.organisations).map(MarketRowMapping.organisation) }
    }

    public func organisation(id: String) async throws -> Organisation? {
        try await withConnection { c in try await PostgresSQL.rows(c, MarketSQL.organisationById, [.text(id)]).first.map(MarketRowMapping.organisation) }
    }

    public func organisation(token: String) async throws -> Organisation? {
        try await withConnection { c in
            try await PostgresSQL.rows(c, MarketSQL.organisationByToken, [.text(MarketToken.digest(token))]).first.map(MarketRowMapping.organisation)
        }
    }

    public func addMarketRecords(_ records: [NewMarketRecord], organisation: String, header given: ImportHeader?,
                                 audit: AuditOf<MarketWrite>?) async throws -> MarketWrite {
        let header = given.map { MarketSQL.scoped($0, organisation: organisation) }
        return try await location.withTransaction { c in
            guard try await !PostgresSQL.rows(c, MarketSQL.organisationById, [.text(organisation)]).isEmpty else {
                throw MarketStoreError.noSuchOrganisation(organisation)
            }
            var importId: Int?
            if let header {
                // Imports are serialised as the enterprise imports are: the same file twice at once must not land twice.
                try await PostgresSQL.execute(c, "LOCK TABLE imports IN EXCLUSIVE MODE")
                if let previous = try await PostgresSQL.rows(c, ImportSQL.previousImport, [.text(header.kind), .text(header.fingerprint)]).first {
                    return MarketWrite(ids: [], importId: nil, alreadyImportedAs: try previous.int("id"))
                }
                importId = try await PostgresSQL.count(c, ImportSQL.insertImport,
                                                [header.kind, header.file, header.fingerprint, header.asOf, header.importedAt].textArguments + [header.organisation.map { .text($0) } ?? .null, header.layer.map { .text($0) } ?? .null])
            }
            let now = MarketSQL.now()
            var ids: [Int] = []
            for record in records {
                let origin = MarketSQL.origin(header, line: record.line, importId: importId)
                ids.append(try await PostgresSQL.count(c, MarketSQL.insertRecord, [
                    .text(record.body.kind.rawValue), .text(organisation), .bool(record.shared), .text(try MarketRowMapping.encode(record.body)),
                    .text(origin), importId.map { .int($0) } ?? .null, .text(now),
                ]))
            }
            if let importId {
                try await Self.run(c, [ImportPlanner.Write(ImportSQL.finishImport, [ids.count, 0, 0, 0, 0, 0, importId].map { .int($0) })])
            }
            var write = MarketWrite(ids: ids, importId: importId, alreadyImportedAs: nil)
            if header == nil {
                for id in ids {
                    if let row = try await PostgresSQL.rows(c, MarketSQL.ownedById, [.int(id), .text(organisation)]).first {
                        write.records.append(try MarketRowMapping.record(row))
                    }
                }
            }
            try await Self.appendAudit(audit, of: write, in: c)
            return write
        }
    }

    public func marketRecords(_ kind: MarketKind, visibleTo organisation: String?) async throws -> [MarketRecord] {
        try await withConnection { c in
            try await PostgresSQL.rows(c, MarketSQL.visibleOfKind, [kind.rawValue, organisation ?? ""].textArguments).map(MarketRowMapping.record)
        }
    }

    public func marketRecord(_ id: Int, visibleTo organisation: String?) async throws -> MarketRecord? {
        try await withConnection { c in
            try await PostgresSQL.rows(c, MarketSQL.visibleById, [.int(id), .text(organisation ?? "")]).first.map(MarketRowMapping.record)
        }
    }

    public func setShared(_ id: Int, shared: Bool, by organisation: String, audit: AuditOf<MarketRecord>?) async throws -> MarketRecord {
        try await location.withTransaction { c in
            try await c.query(PostgresSQL.query(MarketSQL.setShared, [.bool(shared), .int(id), .text(organisation)]), logger: PostgresSQL.logger)
            guard let row = try await PostgresSQL.rows(c, MarketSQL.ownedById, [.int(id), .text(organisation)]).first else {
                throw MarketStoreError.noSuchRecord(id)
            }
            let record = try MarketRowMapping.record(row)
            try await Self.appendAudit(audit, of: record, in: c)
            return record
        }
    }

    public func deleteMarketRecord(_ id: Int, by organisation: String, audit: AuditOf<Int>?) async throws {
        try await location.withTransaction { c in
            guard try await !PostgresSQL.rows(c, MarketSQL.delete + " RETURNING id", [.int(id), .text(organisation)]).isEmpty else {
                throw MarketStoreError.noSuchRecord(id)
            }
            try await Self.appendAudit(audit, of: id, in: c)
        }
    }
}

extension PostgresStore {
    /// Records `audit`'s entry for `outcome` in the transaction on `c` (see `AuditOf`).
    static func appendAudit<Outcome>(_ audit: AuditOf<Outcome>?, of outcome: Outcome, in c: PostgresConnection) async throws {
        guard let entry = try audit?(outcome) else { return }
        _ = try await PostgresSQL.rows(c, AuditSQL.insert, AuditSQL.values(entry))
    }
}
