import BrainModel

extension SQLStore: AuditStore {
    @discardableResult
    public func recordAudit(_ entry: AuditEntry) async throws -> AuditEntry {
        let id = try await driver.transaction { s in
            try await s.rows(AuditSQL.insert, AuditSQL.values(entry)) { try $0.int("n") }.first ?? 0
        }
        var recorded = entry
        recorded.id = Int64(id)
        return recorded
    }

    public func recordAudit(contentsOf entries: [AuditEntry]) async throws {
        guard !entries.isEmpty else { return }
        try await driver.transaction { s in
            for entry in entries { _ = try await s.rows(AuditSQL.insert, AuditSQL.values(entry)) { try $0.int("n") } }
        }
    }

    public func auditEntries(_ query: AuditQuery) async throws -> [AuditEntry] {
        let (sql, arguments) = AuditSQL.select(query)
        return try await driver.read { s in try await s.rows(sql, arguments) { try AuditSQL.entry($0) } }
    }
}

extension SQLStore {
    /// Records `audit`'s entry for `outcome` in the write's own transaction `s` (see `AuditOf`).
    static func append<Outcome>(_ audit: AuditOf<Outcome>?, of outcome: Outcome, in s: any SQLWriteSession) async throws {
        guard let entry = try audit?(outcome) else { return }
        _ = try await s.rows(AuditSQL.insert, AuditSQL.values(entry)) { try $0.int("n") }
    }
}
