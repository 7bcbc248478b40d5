import Foundation
import Testing
import BrainModel
import BrainStore

/// The audit trail on both backends: entries come back newest first with their ids, filtered by organisation, and
/// the table refuses every change and removal.
@Suite struct AuditStoreTests {
    static func entry(_ action: String, organisation: String?, target: String) -> AuditEntry {
        AuditEntry(at: "2026-11-30T03:00:00Z", organisationId: organisation, personId: nil, actor: "cli", action: action,
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
}
