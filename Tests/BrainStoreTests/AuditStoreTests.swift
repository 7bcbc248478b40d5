import Foundation
import GRDB
import PostgresNIO
import Testing
import BrainModel
import BrainStore

/// The audit trail on both backends: entries come back newest first with their ids, filtered by organisation, action,
/// actor and date, and the table refuses every change and removal, even to someone who opens the database directly.
@Suite struct AuditStoreTests {
    static func entry(_ action: String, organisation: String?, target: String, at: String = "2026-11-30T03:00:00Z") -> AuditEntry {
        AuditEntry(at: at, organisationId: organisation, personId: nil, actor: "cli", action: action,
                   targetKind: "import", targetId: target, before: nil, after: #"{"rows":3}"#)
    }

    @Test(arguments: Backend.allCases) func entriesAreAppendedAndListedNewestFirst(_ backend: Backend) async throws {
        let store = try await MarketStoreTests().store(backend, "audit")
        let first = try await store.recordAudit(Self.entry("import.write", organisation: "bureau", target: "1"))
        let second = try await store.recordAudit(Self.entry("curation.add", organisation: "park", target: "2"))
        #expect(first.id > 0 && second.id > first.id)
        #expect(try await store.auditEntries(AuditQuery()).map(\.id) == [second.id, first.id])
        let bureau = try await store.auditEntries(AuditQuery(organisationId: "bureau"))
        #expect(bureau == [first])
        #expect(try await store.auditEntries(AuditQuery(before: second.id)).map(\.id) == [first.id])
    }

    @Test(arguments: Backend.allCases) func filtersByActionActorAndDay(_ backend: Backend) async throws {
        let store = try await MarketStoreTests().store(backend, "audit_filters")
        let monday = try await store.recordAudit(Self.entry("import.write", organisation: nil, target: "1", at: "2026-11-30T23:59:59Z"))
        let tuesday = try await store.recordAudit(Self.entry("curation.add", organisation: nil, target: "2", at: "2026-12-01T00:00:00Z"))
        #expect(try await store.auditEntries(AuditQuery(action: "curation.add")) == [tuesday])
        #expect(try await store.auditEntries(AuditQuery(actor: "nobody")).isEmpty)
        // A bare day as `to` runs to its last second; as `from` it starts at midnight.
        #expect(try await store.auditEntries(AuditQuery(to: "2026-11-30")) == [monday])
        #expect(try await store.auditEntries(AuditQuery(from: "2026-12-01")) == [tuesday])
        #expect(try await store.auditEntries(AuditQuery(from: "2026-11-30", to: "2026-12-01")).count == 2)
        #expect(try await store.auditEntries(AuditQuery(to: "2026-11-30T12:00:00Z")).isEmpty)
    }

    /// A rebuild appends the old trail in order in one go.
    @Test(arguments: Backend.allCases) func aBatchIsAppendedInOrder(_ backend: Backend) async throws {
        let store = try await MarketStoreTests().store(backend, "audit_batch")
        let batch = (1...3).map { Self.entry("import.write", organisation: nil, target: "\($0)") }
        try await store.recordAudit(contentsOf: batch)
        #expect(try await store.auditEntries(AuditQuery()).map(\.targetId) == ["3", "2", "1"])
    }

    /// Opened directly (not through the store), the table still refuses UPDATE, DELETE and (PostgreSQL) TRUNCATE, and
    /// the entry reads as it was written.
    @Test(arguments: Backend.allCases) func rawChangesAreRefused(_ backend: Backend) async throws {
        let location = try await DatabaseFixture.emptyLocation(backend, "audit_raw")
        try await location.build(try ImportStoreTests.smallBundle.get())
        let store = try await location.open()
        let written = try await store.recordAudit(Self.entry("import.write", organisation: "bureau", target: "1"))
        let attempts = ["UPDATE audit_log SET actor = 'someone-else'", "DELETE FROM audit_log", "TRUNCATE audit_log"]
        switch location {
        case .sqlite(let path):
            let queue = try DatabaseQueue(path: path)
            // SQLite has no TRUNCATE statement: its truncate optimisation is DELETE without WHERE, refused above.
            for sql in attempts.prefix(2) {
                #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { try $0.execute(sql: sql) } }
            }
            #expect(try await queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit_log") } == 1)
        case .postgres(let pg):
            try await RawSQL.withClient(pg) { client in
                for sql in attempts {
                    await #expect(throws: PSQLError.self, "\(sql)") { try await client.query(PostgresQuery(unsafeSQL: sql)) }
                }
                let rows = try await client.query(PostgresQuery(unsafeSQL: "SELECT count(*)::int FROM audit_log"))
                var count = 0
                for try await (n) in rows.decode(Int.self) { count = n }
                #expect(count == 1)
            }
        }
        #expect(try await store.auditEntries(AuditQuery()) == [written])
    }
}
