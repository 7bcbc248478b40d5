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

/// Market records (a post, a market file's import, sharing, withdrawing, deleting) record their entry in the write's
/// own transaction: refused, the record is not written, its visibility not changed, nor is it deleted.
@Suite struct AuditedMarketTests {
    static let demand = MarketStoreTests.demand
    static let header = ImportHeader(kind: "offers", file: "offers.csv", fingerprint: "f1", asOf: "2026-11-01", importedAt: "2026-11-23T00:00:00Z")
    static let offer = MarketBody.offer(ServiceOffer(provider: "示例平台", nodeId: "cdmo", regionCode: "320576"))

    @Test(arguments: Backend.allCases) func eachMarketWriteRecordsItsEntryWithIt(_ backend: Backend) async throws {
        let (_, store) = try await AuditedWriteTests().store(backend, "audited_market")
        _ = try await store.createOrganisation(id: "bureau", name: "局")
        let posted = try await store.addMarketRecords([NewMarketRecord(Self.demand)], organisation: "bureau", header: nil) { write in
            #expect(write.records.map(\.body) == [Self.demand] && write.records.first?.organisationName == "局")
            return AuditedWriteTests.entry("market.create", String(write.ids[0]))
        }
        let id = try #require(posted.ids.first)
        _ = try await store.addMarketRecords([NewMarketRecord(Self.offer, line: 2)], organisation: "bureau", header: Self.header) { write in
            #expect(write.records.isEmpty, "a file's records are not read back")
            return AuditedWriteTests.entry("import.write", String(write.importId ?? 0))
        }
        _ = try await store.setShared(id, shared: true, by: "bureau") { AuditedWriteTests.entry("market.share", String($0.id)) }
        try await store.deleteMarketRecord(id, by: "bureau") { AuditedWriteTests.entry("market.delete", String($0)) }
        #expect(try await store.auditEntries(AuditQuery()).map(\.action) == ["market.delete", "market.share", "import.write", "market.create"])
    }

    @Test(arguments: Backend.allCases) func aRefusedEntryUndoesTheMarketWrite(_ backend: Backend) async throws {
        let (location, store) = try await AuditedWriteTests().store(backend, "audited_market_refused")
        _ = try await store.createOrganisation(id: "bureau", name: "局")
        let id = try #require(try await store.addMarketRecords([NewMarketRecord(Self.demand)], organisation: "bureau", header: nil).ids.first)
        let imports = try await store.imports().count
        try await RawSQL.refuseAuditEntries(location)

        await #expect(throws: (any Error).self) {
            try await store.addMarketRecords([NewMarketRecord(Self.demand)], organisation: "bureau", header: nil) { _ in AuditedWriteTests.entry("market.create", "x") }
        }
        await #expect(throws: (any Error).self) {
            try await store.addMarketRecords([NewMarketRecord(Self.offer, line: 2)], organisation: "bureau", header: Self.header) { _ in
                AuditedWriteTests.entry("import.write", "x")
            }
        }
        await #expect(throws: (any Error).self) {
            try await store.setShared(id, shared: true, by: "bureau") { AuditedWriteTests.entry("market.share", String($0.id)) }
        }
        await #expect(throws: (any Error).self) {
            try await store.deleteMarketRecord(id, by: "bureau") { AuditedWriteTests.entry("market.delete", String($0)) }
        }
        let records = try await store.marketRecords(.demand, visibleTo: "bureau")
        #expect(records.map(\.id) == [id] && records.first?.shared == false)
        #expect(try await store.marketRecords(.offer, visibleTo: "bureau").isEmpty)
        #expect(try await store.imports().count == imports)
        #expect(try await store.auditEntries(AuditQuery()).isEmpty)
    }
}
