import Foundation
import Testing
import BrainIngest
import BrainModel
import BrainStore

/// Issue 19: an import's planner reads only what the import's audience may see — public records and, for an
/// organisation's import, its own organisation's. Another organisation's private firm is as if it did not exist: it is
/// never a review candidate, never counted as updated or linked, and its facts and nodes never reach a change.
@Suite struct PrivateFirmPlannerTests {
    static let privateCode = "91320594MA1Q0XBB3U", publicCode = "914403001922038216"

    func importAs(_ store: any ImportingStore, _ organisation: String?, _ file: String, asOf: String = "2024-01-01",
                  _ records: [ImportedEnterprise]) async throws -> ImportOutcome {
        var header = ImportStoreTests.header(file, asOf: asOf)
        header.organisation = organisation
        return try await ImportStoreTests().run(store, header, records)
    }

    static func firm(_ line: Int, _ name: String, uscc: String?, city: String = "320500", node: String = "antibodies",
                     employees: Int? = nil) -> ImportedEnterprise {
        var record = ImportStoreTests.firm(line, name, uscc: uscc, city: city, employees: employees)
        record.assignments = [NodeEvidence(nodeId: node, method: "import-scope", confidence: 0.5, evidence: "经营范围")]
        return record
    }

    @Test(arguments: Backend.allCases) func anotherOrganisationsPrivateFirmIsUnknownToAnImport(_ backend: Backend) async throws {
        let store = try await PrivateFirmStoreTests().store(backend, "planner_hidden")
        _ = try await store.createOrganisation(id: "org-a", name: "甲")
        _ = try await store.createOrganisation(id: "org-b", name: "乙")
        _ = try await importAs(store, "org-b", "b.csv", [Self.firm(2, "苏州乙方私有生物有限公司", uscc: Self.privateCode, employees: 20),
                                                         Self.firm(3, "苏州乙方无码生物有限公司", uscc: nil, employees: 5)])
        let bIds = Set(try await store.searchEnterprises("苏州乙方", limit: 10, offset: 0, visibleTo: .organisation("org-b")).items.map(\.id))
        #expect(bIds.count == 2)
        // A's private rows: B's code with another name and region (a code clash with B's firm), and B's code-less
        // firm's very name and city (the same own id, or a same-name candidate).
        let a = try await importAs(store, "org-a", "a.csv", [Self.firm(2, "杭州甲方细胞有限公司", uscc: Self.privateCode, city: "330100"),
                                                             Self.firm(3, "苏州乙方无码生物有限公司", uscc: nil, employees: 7)])
        #expect(a.created == 2 && a.updated == 0 && a.review == 0 && a.linkedToListed == 0, "\(a)")
        let reviews = try await store.reviewItems(status: nil)
        #expect(!reviews.contains { $0.candidateId.map(bIds.contains) ?? false }, "\(reviews)")
        // A's firms are A's own, apart from B's; B's firms are as B wrote them.
        var aIds: Set<String> = []
        for name in ["杭州甲方细胞", "苏州乙方无码"] {
            aIds.formUnion(try await store.searchEnterprises(name, limit: 10, offset: 0, visibleTo: .organisation("org-a")).items.map(\.id))
        }
        #expect(aIds.isDisjoint(with: bIds) && aIds.count == 2, "\(aIds)")
        for id in bIds { #expect(try await store.enterprise(id, visibleTo: .organisation("org-a")) == nil) }
        let bFirms = try await bIds.asyncMap { try await store.enterprise($0, visibleTo: .organisation("org-b"))?.enterprise.employees }
        #expect(Set(bFirms) == [20, 5])
        // A public import of B's code creates a public firm; B's stays private and unchanged.
        let p = try await importAs(store, nil, "public.csv", [Self.firm(2, "苏州公开生物有限公司", uscc: Self.privateCode, employees: 40)])
        #expect(p.created == 1 && p.updated == 0 && p.review == 0, "\(p)")
        let shown = try await store.searchEnterprises("苏州公开生物", limit: 5, offset: 0, visibleTo: .organisation(nil)).items
        #expect(shown.count == 1 && !bIds.contains(shown[0].id))
        #expect(Set(try await bIds.asyncMap { try await store.enterprise($0, visibleTo: .organisation("org-b"))?.enterprise.employees }) == [20, 5])
    }

    @Test(arguments: Backend.allCases) func aPublicImportsChangesCarryNoPrivateValues(_ backend: Backend) async throws {
        let store = try await PrivateFirmStoreTests().store(backend, "planner_feed")
        _ = try await store.createOrganisation(id: "org-a", name: "甲")
        _ = try await importAs(store, nil, "p1.csv", [Self.firm(2, "苏州公开抗体有限公司", uscc: Self.publicCode, employees: 10)])
        // A's private import links its own facts (99 staff) and node (CRO) to the public firm.
        let a = try await importAs(store, "org-a", "a.csv", asOf: "2024-06-01",
                                   [Self.firm(2, "苏州公开抗体有限公司", uscc: Self.publicCode, node: "cro", employees: 99)])
        #expect(a.linkedToListed == 1)
        // The public import a year later: 20 staff, the same node.
        _ = try await importAs(store, nil, "p2.csv", asOf: "2025-01-01",
                               [Self.firm(2, "苏州公开抗体有限公司", uscc: Self.publicCode, employees: 20)])
        var events: [[ImportedLink]] = [[.event(line: 2, firm: FirmReference(uscc: Self.publicCode, name: nil), kind: .approval,
                                                date: "2025-06-01", title: "示例新药获批", detail: nil)]]
        _ = try await store.importLinks(ImportStoreTests.header("events.csv"), rejectUnresolved: true) { events.isEmpty ? nil : events.removeFirst() }
        let changes = try await store.changes(ChangeQuery(enterpriseId: Self.publicCode))
        // Before: 10 (the public import's), never A's 99; A's CRO was neither removed nor listed.
        let quality = try #require(changes.first { $0.code == .firmQuality })
        #expect(quality.values["before"] == "10" && quality.values["after"] == "20")
        #expect(!changes.contains { $0.code == .firmNode }, "\(changes)")
        for change in changes { #expect(!change.nodeIds.contains("cro") && !change.values.values.contains { $0.contains("99") }, "\(change)") }
        let event = try #require(changes.first { $0.code == .eventNew })
        #expect(event.nodeIds == ["antibodies"])
        // A's next private import links another node; a public event after it still lists only the public node.
        _ = try await importAs(store, "org-a", "a-2.csv", asOf: "2025-06-01",
                               [Self.firm(2, "苏州公开抗体有限公司", uscc: Self.publicCode, node: "medical-devices", employees: 98)])
        events = [[.event(line: 2, firm: FirmReference(uscc: Self.publicCode, name: nil), kind: .ipo, date: "2025-07-01",
                          title: "上市", detail: nil)]]
        _ = try await store.importLinks(ImportStoreTests.header("events-2.csv"), rejectUnresolved: true) { events.isEmpty ? nil : events.removeFirst() }
        let listing = try #require(try await store.changes(ChangeQuery(enterpriseId: Self.publicCode)).first { $0.values["title"] == "上市" })
        #expect(listing.nodeIds == ["antibodies"], "\(listing.nodeIds)")
        // A's node is still A's: the public import replaced only the nodes it could see.
        let seenByA = try #require(try await store.enterprise(Self.publicCode, visibleTo: .organisation("org-a")))
        #expect(seenByA.assignments.contains { $0.nodeId == "cro" }, "\(seenByA.assignments)")
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
