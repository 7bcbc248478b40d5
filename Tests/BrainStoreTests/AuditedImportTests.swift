import Foundation
import Testing
import BrainModel
import BrainStore

/// Imports (firms, events and products, policy clauses) record their entry in the import's own transaction: the entry
/// is made from the outcome before commit, and when the trail refuses it the whole import is undone.
@Suite struct AuditedImportTests {
    static let code = ChangeFeedCurationTests.code

    static func entry(_ outcome: ImportOutcome) -> AuditEntry {
        AuditedWriteTests.entry("import.write", outcome.importId.map(String.init) ?? "policies")
    }

    static func events(_ title: String) -> () throws -> [ImportedLink]? {
        var batches: [[ImportedLink]] = [[.event(line: 2, firm: FirmReference(uscc: code, name: nil), kind: .approval, date: "2025-06-01",
                                                 title: title, detail: nil)]]
        return { batches.isEmpty ? nil : batches.removeFirst() }
    }

    static func firms(_ name: String, uscc: String?) -> () throws -> [ImportedEnterprise]? {
        var batches = [[ImportStoreTests.firm(2, name, uscc: uscc)]]
        return { batches.isEmpty ? nil : batches.removeFirst() }
    }

    @Test(arguments: Backend.allCases) func eachImportRecordsItsEntryWithIt(_ backend: Backend) async throws {
        let (_, store) = try await AuditedWriteTests().store(backend, "audited_import")
        let firms = try await store.importEnterprises(ImportStoreTests.header("firms.csv"), audit: { Self.entry($0) },
                                                      next: Self.firms("苏州丁抗体有限公司", uscc: Self.code))
        let events = try await store.importLinks(ImportStoreTests.header("events.csv"), rejectUnresolved: true, audit: { Self.entry($0) },
                                                 next: Self.events("示例新药获批"))
        _ = try await store.importPolicies(organisation: "bureau", audit: { Self.entry($0) }, next: PolicyStoreTests.batches([PolicyStoreTests.clause("a")]))
        // The same file again writes nothing and records nothing.
        let again = try await store.importEnterprises(ImportStoreTests.header("firms.csv"), audit: { Self.entry($0) },
                                                      next: Self.firms("苏州丁抗体有限公司", uscc: Self.code))
        #expect(again.alreadyImportedAs != nil)
        let ids = try await store.auditEntries(AuditQuery(action: "import.write")).map(\.targetId)
        #expect(ids == ["policies", String(try #require(events.importId)), String(try #require(firms.importId))])
    }

    @Test(arguments: Backend.allCases) func aRefusedEntryUndoesTheImport(_ backend: Backend) async throws {
        let (location, store) = try await AuditedWriteTests().store(backend, "audited_import_refused")
        _ = try await ImportStoreTests().run(store, ImportStoreTests.header("firms.csv"), [ImportStoreTests.firm(2, "苏州丁抗体有限公司", uscc: Self.code)])
        let imports = try await store.imports().count
        try await RawSQL.refuseAuditEntries(location)

        await #expect(throws: (any Error).self) {
            try await store.importEnterprises(ImportStoreTests.header("more.csv"), audit: { Self.entry($0) },
                                              next: Self.firms("苏州戊抗体有限公司", uscc: nil))
        }
        await #expect(throws: (any Error).self) {
            try await store.importLinks(ImportStoreTests.header("events.csv"), rejectUnresolved: true, audit: { Self.entry($0) },
                                        next: Self.events("示例新药获批"))
        }
        await #expect(throws: (any Error).self) {
            try await store.importPolicies(organisation: "bureau", audit: { Self.entry($0) }, next: PolicyStoreTests.batches([PolicyStoreTests.clause("a")]))
        }
        #expect(try await store.imports().count == imports)
        #expect(try await store.searchEnterprises("苏州戊抗体", limit: 5, offset: 0).items.isEmpty)
        #expect(try await store.enterprise(Self.code)?.events.isEmpty == true)
        #expect(try await store.importedPolicies(visibleTo: "bureau").isEmpty)
        #expect(try await store.changes(ChangeQuery(everything: true)).allSatisfy { $0.code == .firmNew })
        #expect(try await store.auditEntries(AuditQuery()).isEmpty)
    }
}
