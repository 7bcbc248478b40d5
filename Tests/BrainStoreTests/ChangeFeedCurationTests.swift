import Foundation
import Testing
import BrainModel
import BrainStore

/// Issue 19: an analyst's curation that moves a firm's chain nodes is a `firm.node` change (source: the curation) in
/// the curation's own transaction, heard by the watchers of the nodes involved, and it lists only nodes the public may
/// see (not one another organisation's private import placed on the firm).
@Suite struct ChangeFeedCurationTests {
    static let code = "914403001922038216"

    @Test(arguments: Backend.allCases) func aCurationsNodeMoveIsAChangeHeardByTheNodesWatchers(_ backend: Backend) async throws {
        let store = try await ImportStoreTests().store(backend, "changes-curation")
        _ = try await store.addWatch(WatchlistTests.watch("bureau", .node, "cro"))
        _ = try await store.addWatch(WatchlistTests.watch("lab", .node, "antibodies"))
        _ = try await store.addWatch(WatchlistTests.watch("other", .node, "medical-devices"))
        _ = try await ImportStoreTests().run(store, ImportStoreTests.header("firms.csv"), [ImportStoreTests.firm(2, "苏州丁抗体有限公司", uscc: Self.code)])
        // Organisation A's private import puts the firm on medical devices too, for A alone.
        var header = ImportStoreTests.header("a.csv", asOf: "2024-06-01")
        header.organisation = "org-a"
        var record = ImportStoreTests.firm(2, "苏州丁抗体有限公司", uscc: Self.code)
        record.assignments = [NodeEvidence(nodeId: "medical-devices", method: "import-scope", confidence: 0.5, evidence: "经营范围")]
        _ = try await ImportStoreTests().run(store, header, [record])
        let before = try await store.changes(ChangeQuery(everything: true)).count

        let move = try await store.addCuration(enterprise: Self.code, action: .move, node: "cro", fromNode: "antibodies",
                                               reason: "年报：主营为CRO服务", author: "analyst")
        let changes = try await store.changes(ChangeQuery(enterpriseId: Self.code))
        let moved = try #require(changes.first { $0.values["curation"] == move.id }, "\(changes)")
        #expect(moved.code == .firmNode && moved.importId == 0 && moved.organisationId == nil && moved.cityCode == "320500")
        #expect(moved.values["added"] == "cro" && moved.values["removed"] == "antibodies")
        #expect(moved.nodeIds == ["cro", "antibodies"], "\(moved.nodeIds)")
        #expect(try await store.changes(ChangeQuery(everything: true)).count == before + 1)
        #expect(try await store.alerts(AlertQuery(organisationId: "bureau")).contains { $0.change.id == moved.id })
        #expect(try await store.alerts(AlertQuery(organisationId: "lab")).contains { $0.change.id == moved.id })
        #expect(try await store.alerts(AlertQuery(organisationId: "other")).isEmpty)

        // Revoking it moves the firm back: another change, from the revocation.
        let revocation = try await store.revokeCuration(move.id, reason: "误判", author: "analyst")
        let back = try #require(try await store.changes(ChangeQuery(enterpriseId: Self.code)).first { $0.values["curation"] == revocation.id })
        #expect(back.values["added"] == "antibodies" && back.values["removed"] == "cro")
        // A curation that moves nothing (the firm is already on the node) writes no change.
        let count = try await store.changes(ChangeQuery(everything: true)).count
        _ = try await store.addCuration(enterprise: Self.code, action: .add, node: "antibodies", reason: "确认", author: "analyst")
        #expect(try await store.changes(ChangeQuery(everything: true)).count == count)
    }

    @Test(arguments: Backend.allCases) func aCurationOfAPrivateFirmIsItsOrganisationsChangeAlone(_ backend: Backend) async throws {
        let store = try await ImportStoreTests().store(backend, "changes-curation-private")
        _ = try await store.addWatch(WatchlistTests.watch("org-a", .node, "cro"))
        _ = try await store.addWatch(WatchlistTests.watch("org-b", .node, "cro"))
        var header = ImportStoreTests.header("a.csv")
        header.organisation = "org-a"
        _ = try await ImportStoreTests().run(store, header, [ImportStoreTests.firm(2, "苏州甲私有抗体有限公司", uscc: Self.code)])
        let id = try #require(try await store.searchEnterprises("苏州甲私有抗体", limit: 1, offset: 0, visibleTo: .organisation("org-a")).items.first?.id)
        let curation = try await store.addCuration(enterprise: id, action: .add, node: "cro", reason: "年报", author: "org:org-a")
        let change = try #require(try await store.changes(ChangeQuery(everything: true)).first { $0.values["curation"] == curation.id })
        #expect(change.organisationId == "org-a" && change.values["added"] == "cro")
        #expect(!(try await store.changes(ChangeQuery()).contains { $0.enterpriseId == id }))
        #expect(!(try await store.changes(ChangeQuery(organisationId: "org-b")).contains { $0.enterpriseId == id }))
        #expect(try await store.alerts(AlertQuery(organisationId: "org-b")).isEmpty)
        #expect(try await store.alerts(AlertQuery(organisationId: "org-a")).contains { $0.change.id == change.id })
    }
}

/// Curations record their audit entry in their own transaction (`AuditOf`): refused, the curation, its placement and
/// its change are not written.
@Suite struct AuditedCurationTests {
    @Test(arguments: Backend.allCases) func aRefusedEntryUndoesTheCuration(_ backend: Backend) async throws {
        let (location, store) = try await AuditedWriteTests().store(backend, "audited_curation")
        let firm = ChangeFeedCurationTests.code
        _ = try await ImportStoreTests().run(store, ImportStoreTests.header("firms.csv"), [ImportStoreTests.firm(2, "苏州丁抗体有限公司", uscc: firm)])
        let added = try await store.addCuration(enterprise: firm, action: .add, node: "cro", reason: "年报", author: "analyst") {
            AuditedWriteTests.entry("curation.add", $0.id)
        }
        let revoked = try await store.revokeCuration(added.id, reason: "误判", author: "analyst") { before, after in
            #expect(before.id == added.id && after.revokes == added.id)
            return AuditedWriteTests.entry("curation.revoke", after.id)
        }
        #expect(try await store.auditEntries(AuditQuery()).map(\.targetId) == [revoked.id, added.id])
        let changes = try await store.changes(ChangeQuery(everything: true)).count
        try await RawSQL.refuseAuditEntries(location)
        await #expect(throws: (any Error).self) {
            try await store.addCuration(enterprise: firm, action: .move, node: "cro", fromNode: "antibodies", reason: "年报", author: "analyst") {
                AuditedWriteTests.entry("curation.add", $0.id)
            }
        }
        #expect(try await store.curations(enterprise: firm).count == 2)
        #expect(try await store.changes(ChangeQuery(everything: true)).count == changes)
        #expect(try await store.enterprise(firm)?.assignments.map(\.nodeId) == ["antibodies"])
    }
}
