import Foundation
import Testing
import BrainIngest
import BrainModel
import BrainStore

/// Issue 19: an organisation's admin publishes its private imports and curations, on both backends. Before, another
/// organisation and the signed-out neither find nor count them; after, they do; withdrawn, they do not again. Only
/// the owning organisation (or the operator) may publish, an import with firms outside the caller's region is refused,
/// and the audit entry is written in the publication's own transaction.
@Suite struct PublishStoreTests {
    static let at = "2026-11-30T09:00:00Z"

    static func audit(_ action: String) -> AuditOf<PublicationChange> {
        { change in
            AuditEntry(at: at, organisationId: change.after.organisationId, personId: "a-admin", actor: "a-admin", action: action,
                       targetKind: change.after.kind.rawValue, targetId: change.after.id)
        }
    }

    /// The one decision: a published import is hidden from nobody, and its layer is no longer hidden either.
    @Test func aPublishedImportIsVisibleToEveryViewer() throws {
        let imports = [ImportLayer(importId: 1, layer: "import:1", organisationId: "org-a"),
                       ImportLayer(importId: 2, layer: "import:2", organisationId: "org-a", published: true),
                       ImportLayer(importId: 3, layer: "nmpa-2019", organisationId: nil)]
        for viewer in [FirmViewer.organisation("org-b"), .organisation(nil)] {
            #expect(HiddenImports(imports, for: viewer) == HiddenImports(ids: [1], layers: ["import:1"]))
            #expect(imports.map { $0.isVisible(to: viewer) } == [false, true, true])
        }
        #expect(HiddenImports(imports, for: .organisation("org-a")).isEmpty && HiddenImports(imports, for: .operator).isEmpty)
        // Stored before publishing existed (no `published` key): private; an unpublished one encodes as it did.
        let old = try JSONDecoder().decode(ImportLayer.self, from: Data(#"{"importId":1,"layer":"import:1","organisationId":"org-a"}"#.utf8))
        #expect(old == imports[0])
        #expect(!String(decoding: try JSONEncoder().encode(imports[0]), as: UTF8.self).contains("published"))
        #expect(try JSONDecoder().decode(ImportLayer.self, from: try JSONEncoder().encode(imports[1])) == imports[1])
    }

    @Test(arguments: Backend.allCases) func aPublishedImportIsEveryonesAndAWithdrawnOneIsPrivateAgain(_ backend: Backend) async throws {
        let fixture = PrivateFirmStoreTests()
        let store = try await fixture.store(backend, "publish_import")
        _ = try await store.createOrganisation(id: "org-a", name: "甲")
        _ = try await store.createOrganisation(id: "org-b", name: "乙")
        let publicTotal = try await store.searchEnterprises("生物", limit: 5, offset: 0, visibleTo: .organisation(nil)).total
        let outcome = try await fixture.importPrivately(store, "org-a", "a.csv", [
            ImportStoreTests.firm(2, "苏州发布一号生物科技有限公司", city: "320500", employees: 10),
            ImportStoreTests.firm(3, "北京发布二号生物科技有限公司", city: "110100", employees: 10),
        ])
        let importId = try #require(outcome.importId)
        let id = try #require(try await store.searchEnterprises("苏州发布一号", limit: 5, offset: 0, visibleTo: .operator).items.first?.id)

        func seen(by viewer: FirmViewer) async throws -> (found: Bool, total: Int, portrait: Bool) {
            let page = try await store.searchEnterprises("生物", limit: 50, offset: 0, visibleTo: viewer)
            return (page.items.contains { $0.id == id }, page.total, try await store.enterprise(id, visibleTo: viewer) != nil)
        }
        for viewer in [FirmViewer.organisation("org-b"), .organisation(nil)] {
            let before = try await seen(by: viewer)
            #expect(!before.found && before.total == publicTotal && !before.portrait, "\(viewer) before publishing")
        }

        // Another organisation's admin, and anyone for the operator's own imports: as unknown.
        await #expect(throws: PublishError.unknown) {
            try await store.setImportPublished(importId, true, organisation: "org-b", scope: nil, by: "b-admin", at: Self.at, audit: nil)
        }
        await #expect(throws: PublishError.unknown) {
            try await store.setImportPublished(999_999, true, organisation: nil, scope: nil, by: "admin-token", at: Self.at, audit: nil)
        }
        // A Suzhou bureau may not publish the Beijing firm with it.
        await #expect(throws: PublishError.outsideScope(outside: 1, located: 2, scope: "320500")) {
            try await store.setImportPublished(importId, true, organisation: "org-a", scope: "320500", by: "a-admin", at: Self.at, audit: nil)
        }
        #expect(try await store.imports().first { $0.id == importId }?.publishedAt == nil, "a refusal writes nothing")

        let change = try await store.setImportPublished(importId, true, organisation: "org-a", scope: nil, by: "a-admin", at: Self.at,
                                                        audit: Self.audit("publish"))
        #expect(change.changed && change.before.publishedAt == nil && change.after.publishedAt == Self.at && change.after.publishedBy == "a-admin")
        let batch = try #require(try await store.imports().first { $0.id == importId })
        #expect(batch.organisationId == "org-a" && batch.publishedAt == Self.at, "it stays the organisation's import")
        for viewer in [FirmViewer.organisation("org-b"), .organisation(nil)] {
            let after = try await seen(by: viewer)
            #expect(after.found && after.total == publicTotal + 2 && after.portrait, "\(viewer) after publishing")
            #expect(try await store.hiddenImports(from: viewer).isEmpty)
        }
        #expect(try await store.snapshot().importLayers.first { $0.importId == importId }?.published == true)
        // Its change-feed rows are public too.
        #expect(try await !store.changes(ChangeQuery(organisationId: "org-b", importId: importId, limit: 50)).isEmpty)
        let entries = try await store.auditEntries(AuditQuery(action: "publish"))
        #expect(entries.map(\.targetId) == [String(importId)] && entries.first?.organisationId == "org-a")
        // Publishing again changes nothing and records nothing.
        #expect(try await !store.setImportPublished(importId, true, organisation: "org-a", scope: nil, by: "a-admin", at: "later",
                                                    audit: Self.audit("publish")).changed)
        #expect(try await store.auditEntries(AuditQuery(action: "publish")).count == 1)

        // Withdrawn (here by the operator): private again.
        _ = try await store.setImportPublished(importId, false, organisation: nil, scope: nil, by: "admin-token", at: Self.at,
                                               audit: Self.audit("unpublish"))
        let withdrawn = try await seen(by: .organisation("org-b"))
        #expect(!withdrawn.found && withdrawn.total == publicTotal && !withdrawn.portrait)
        #expect(try await store.changes(ChangeQuery(organisationId: "org-b", importId: importId, limit: 50)).isEmpty)
        #expect(try await seen(by: .organisation("org-a")).found, "its own organisation still sees it")
        #expect(try await store.auditEntries(AuditQuery(action: "unpublish")).count == 1)
    }

    /// Once published, a firm's row is everyone's: a later private import of the same organisation links to it (its
    /// values stay the organisation's) instead of rewriting what the public reads; publishing that later import makes
    /// public only its change rows about firms the public may then see.
    @Test(arguments: Backend.allCases) func aPublishedFirmIsNotRewrittenByALaterPrivateImport(_ backend: Backend) async throws {
        let fixture = PrivateFirmStoreTests()
        let store = try await fixture.store(backend, "publish_then_import")
        _ = try await store.createOrganisation(id: "org-a", name: "甲")
        let code = "91320500MA1PUB0001"
        let first = try #require(try await fixture.importPrivately(store, "org-a", "a1.csv", [
            ImportStoreTests.firm(2, "苏州公开一号生物科技有限公司", uscc: code, employees: 10),
        ]).importId)
        let id = try #require(try await store.searchEnterprises("苏州公开一号", limit: 5, offset: 0, visibleTo: .operator).items.first?.id)
        _ = try await store.setImportPublished(first, true, organisation: "org-a", scope: nil, by: "a-admin", at: Self.at, audit: nil)

        let second = try #require(try await fixture.importPrivately(store, "org-a", "a2.csv", [
            ImportStoreTests.firm(2, "苏州公开一号生物科技有限公司", uscc: code, employees: 900),
            ImportStoreTests.firm(3, "苏州未公开二号生物科技有限公司", employees: 5),
        ]).importId)
        let outsider = try #require(try await store.enterprise(id, visibleTo: .organisation("org-b")))
        #expect(outsider.enterprise.employees == 10, "the public row keeps the published values")

        _ = try await store.setImportPublished(second, true, organisation: "org-a", scope: nil, by: "a-admin", at: Self.at, audit: nil)
        let hidden = try #require(try await store.searchEnterprises("苏州未公开二号", limit: 5, offset: 0, visibleTo: .operator).items.first?.id)
        // Both firms are now public (the second import created the second), so both rows are public; a row about a
        // firm the public still may not see would have stayed org-a's.
        let rows = try await store.changes(ChangeQuery(organisationId: "org-b", importId: second, limit: 50))
        #expect(rows.contains { $0.enterpriseId == hidden })
        #expect(try await store.enterprise(id, visibleTo: .organisation("org-b"))?.enterprise.employees == 10)

        // A firm of a third, unpublished import, updated by a fourth that is published: its rows stay org-a's.
        let secret = "91320500MA1PUB0003"
        _ = try await fixture.importPrivately(store, "org-a", "a3.csv", [ImportStoreTests.firm(2, "苏州秘密三号生物科技有限公司", uscc: secret, employees: 5)])
        let fourth = try #require(try await fixture.importPrivately(store, "org-a", "a4.csv", [
            ImportStoreTests.firm(2, "苏州秘密三号生物科技有限公司", uscc: secret, employees: 700),
        ]).importId)
        let third = try #require(try await store.searchEnterprises("苏州秘密三号", limit: 5, offset: 0, visibleTo: .operator).items.first?.id)
        #expect(try await store.changes(ChangeQuery(organisationId: "org-a", importId: fourth, limit: 50)).contains { $0.enterpriseId == third },
                "the update is in org-a's feed")
        _ = try await store.setImportPublished(fourth, true, organisation: "org-a", scope: nil, by: "a-admin", at: Self.at, audit: nil)
        #expect(try await !store.changes(ChangeQuery(organisationId: "org-b", importId: fourth, limit: 50)).contains { $0.enterpriseId == third })
        #expect(try await store.changes(ChangeQuery(organisationId: "org-a", importId: fourth, limit: 50)).contains { $0.enterpriseId == third })
    }

    @Test(arguments: Backend.allCases) func anOrganisationsCurationAppliesToNobodyUntilPublished(_ backend: Backend) async throws {
        let store = try await CurationStoreTests().store(backend, "publish_curation")
        _ = try await store.createOrganisation(id: "org-a", name: "甲")
        let firm = CurationStoreTests.firm
        let machine = CurationStoreTests.nodes(try await store.snapshot())
        let antibodies = try await CurationStoreTests.count(store, "antibodies")

        let curation = try await store.addCuration(enterprise: firm, action: .add, node: "antibodies", reason: "测试：本机构修正",
                                                   author: "org:org-a", organisation: "org-a")
        #expect(!curation.isPublic)
        func moves() async throws -> [Change] {
            try await store.changes(ChangeQuery(everything: true)).filter { $0.values["curation"] == curation.id }
        }
        #expect(try await moves().isEmpty, "an unpublished curation moves nothing, so the feed has no change")
        // Not in the snapshot every analysis reads, nor in the stored counts, nor in anyone's portrait.
        #expect(CurationStoreTests.nodes(try await store.snapshot()) == machine)
        #expect(try await CurationStoreTests.count(store, "antibodies") == antibodies)
        #expect(try await store.snapshot().curations.isEmpty)
        let outsider = try #require(try await store.enterprise(firm, visibleTo: .organisation("org-b")))
        #expect(outsider.curations.isEmpty && !outsider.assignments.contains { $0.nodeId == "antibodies" })
        // Its own organisation sees it listed (unpublished), not applied.
        let own = try #require(try await store.enterprise(firm, visibleTo: .organisation("org-a")))
        #expect(own.curations.map(\.curation.id) == [curation.id] && own.curations.first?.curation.isPublic == false)
        #expect(!own.assignments.contains { $0.nodeId == "antibodies" })

        await #expect(throws: PublishError.unknown) {
            try await store.setCurationPublished(curation.id, true, organisation: "org-b", by: "b-admin", at: Self.at, audit: nil)
        }
        _ = try await store.setCurationPublished(curation.id, true, organisation: "org-a", by: "a-admin", at: Self.at, audit: Self.audit("publish"))
        #expect(CurationStoreTests.nodes(try await store.snapshot())["antibodies"] == "curation")
        #expect(try await CurationStoreTests.count(store, "antibodies") == antibodies + 1)
        let published = try #require(try await store.enterprise(firm, visibleTo: .organisation("org-b")))
        #expect(published.curations.map(\.curation.id) == [curation.id] && published.assignments.contains { $0.nodeId == "antibodies" })
        #expect(try await store.auditEntries(AuditQuery(action: "publish")).first?.targetKind == "curation")
        // Published, it moves the public firm onto the node: a public firm.node change naming the curation.
        let applied = try await moves()
        #expect(applied.count == 1 && applied.first?.code == .firmNode && applied.first?.organisationId == nil
                && applied.first?.values["added"] == "antibodies")

        // Withdrawn: the stored placement is the machine's again.
        _ = try await store.setCurationPublished(curation.id, false, organisation: "org-a", by: "a-admin", at: Self.at, audit: nil)
        #expect(CurationStoreTests.nodes(try await store.snapshot()) == machine)
        #expect(try await CurationStoreTests.count(store, "antibodies") == antibodies)
        #expect(try await moves().first?.values["removed"] == "antibodies", "withdrawn, the firm leaves the node again")
        #expect(try await store.publications(organisation: "org-a").map(\.id) == [curation.id])
        #expect(try await store.publications(organisation: "org-b").isEmpty)
    }
}
