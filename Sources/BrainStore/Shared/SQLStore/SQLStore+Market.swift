import BrainModel

extension SQLStore: MarketStore {
    public func createOrganisation(id: String, name: String) async throws -> OrganisationCredentials {
        try MarketSQL.checkOrganisationId(id)
        let token = MarketToken.generate(), organisation = Organisation(id: id, name: name, createdAt: MarketSQL.now())
        try await driver.transaction { s in
            guard try await s.rows(MarketSQL.organisationById, [.text(id)], { _ in true }).isEmpty else { throw MarketStoreError.organisationExists(id) }
            try await s.execute(MarketSQL.insertOrganisation, [id, name, MarketToken.digest(token), organisation.createdAt].textArguments)
        }
        return OrganisationCredentials(organisation: organisation, token: token)
    }

    public func rotateToken(organisation id: String) async throws -> OrganisationCredentials {
        let token = MarketToken.generate()
        return try await driver.transaction { s in
            guard let organisation = try await s.first(MarketSQL.organisationById, [.text(id)], { try MarketRowMapping.organisation($0) }) else {
                throw MarketStoreError.noSuchOrganisation(id)
            }
            try await s.execute(MarketSQL.replaceToken, [MarketToken.digest(token), id].textArguments)
            try await s.execute(AccessSQL.deleteSessionsOfOrganisation, [.text(id)])
            return OrganisationCredentials(organisation: organisation, token: token)
        }
    }

    public func organisations() async throws -> [Organisation] {
        try await driver.read { s in try await s.rows(MarketSQL.organisations, []) { try MarketRowMapping.organisation($0) } }
    }

    public func organisation(id: String) async throws -> Organisation? {
        try await driver.read { s in try await s.first(MarketSQL.organisationById, [.text(id)]) { try MarketRowMapping.organisation($0) } }
    }

    public func organisation(token: String) async throws -> Organisation? {
        try await driver.read { s in
            try await s.first(MarketSQL.organisationByToken, [.text(MarketToken.digest(token))]) { try MarketRowMapping.organisation($0) }
        }
    }

    public func addMarketRecords(_ records: [NewMarketRecord], organisation: String, header given: ImportHeader?,
                                 audit: AuditOf<MarketWrite>?) async throws -> MarketWrite {
        let header = given.map { MarketSQL.scoped($0, organisation: organisation) }
        // A file's records may wait on the imports lock and take long to insert: on a connection of their own (as
        // enterprise imports), never holding one of the pool that serves pages.
        return try await driver.importTransaction(wholeFile: false) { s in
            guard try await !s.rows(MarketSQL.organisationById, [.text(organisation)], { _ in true }).isEmpty else {
                throw MarketStoreError.noSuchOrganisation(organisation)
            }
            var importId: Int?
            if let header {
                // Serialised as the enterprise imports are: the same file twice at once must not land twice.
                try await Self.serialiseImports(s, driver.dialect)
                if let previous = try await s.first(ImportSQL.previousImport, [.text(header.kind), .text(header.fingerprint)], { try $0.int("id") }) {
                    return MarketWrite(ids: [], importId: nil, alreadyImportedAs: previous)
                }
                importId = try await Self.insertImport(s, header)
            }
            let now = MarketSQL.now()
            var ids: [Int] = []
            for record in records {
                ids.append(try await s.count(MarketSQL.insertRecord, [
                    .text(record.body.kind.rawValue), .text(organisation), .bool(record.shared), .text(try MarketRowMapping.encode(record.body)),
                    .text(MarketSQL.origin(header, line: record.line, importId: importId)), .int(importId), .text(now),
                ]))
            }
            if let importId {
                try await s.execute(ImportSQL.finishImport, [ids.count, 0, 0, 0, 0, 0, importId].map { .int($0) })
            }
            var write = MarketWrite(ids: ids, importId: importId, alreadyImportedAs: nil)
            if header == nil {
                for id in ids {
                    if let record = try await s.first(MarketSQL.ownedById, [.int(id), .text(organisation)], { try MarketRowMapping.record($0) }) {
                        write.records.append(record)
                    }
                }
            }
            try await Self.append(audit, of: write, in: s)
            return write
        }
    }

    public func marketRecords(_ kind: MarketKind, visibleTo organisation: String?) async throws -> [MarketRecord] {
        try await driver.read { s in
            try await s.rows(MarketSQL.visibleOfKind, [kind.rawValue, organisation ?? ""].textArguments) { try MarketRowMapping.record($0) }
        }
    }

    public func marketRecord(_ id: Int, visibleTo organisation: String?) async throws -> MarketRecord? {
        try await driver.read { s in
            try await s.first(MarketSQL.visibleById, [.int(id), .text(organisation ?? "")]) { try MarketRowMapping.record($0) }
        }
    }

    public func setShared(_ id: Int, shared: Bool, by organisation: String, audit: AuditOf<MarketRecord>?) async throws -> MarketRecord {
        try await driver.transaction { s in
            try await s.execute(MarketSQL.setShared, [.bool(shared), .int(id), .text(organisation)])
            guard let record = try await s.first(MarketSQL.ownedById, [.int(id), .text(organisation)], { try MarketRowMapping.record($0) }) else {
                throw MarketStoreError.noSuchRecord(id)
            }
            try await Self.append(audit, of: record, in: s)
            return record
        }
    }

    public func deleteMarketRecord(_ id: Int, by organisation: String, audit: AuditOf<Int>?) async throws {
        try await driver.transaction { s in
            guard try await !s.rows(MarketSQL.delete + " RETURNING id", [.int(id), .text(organisation)], { try $0.int("id") }).isEmpty else {
                throw MarketStoreError.noSuchRecord(id)
            }
            try await Self.append(audit, of: id, in: s)
        }
    }
}
