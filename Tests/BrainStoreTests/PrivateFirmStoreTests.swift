import Foundation
import Testing
import BrainIngest
import BrainModel
import BrainStore

/// Issue 19: an organisation's private import's firms are found, counted and shown only to it and the operator, on
/// both backends and in the store query itself (so a page's total is right); its facts on a public firm likewise, and
/// it never rewrites that firm's shared row.
@Suite struct PrivateFirmStoreTests {
    func store(_ backend: Backend, _ name: String) async throws -> any ImportingStore {
        let location = try await DatabaseFixture.emptyLocation(backend, name)
        try await location.build(try ImportStoreTests.smallBundle.get())
        return try await location.open()
    }

    /// Organisation `own` imports `records` privately.
    func importPrivately(_ store: any ImportingStore, _ own: String, _ file: String, _ records: [ImportedEnterprise]) async throws -> ImportOutcome {
        var header = ImportStoreTests.header(file)
        header.organisation = own
        var batches = [records]
        return try await store.importEnterprises(header) { batches.isEmpty ? nil : batches.removeFirst() }
    }

    @Test(arguments: Backend.allCases) func privateFirmsAreFoundAndCountedOnlyByTheirOrganisation(_ backend: Backend) async throws {
        let store = try await store(backend, "private_search")
        _ = try await store.createOrganisation(id: "org-a", name: "甲")
        _ = try await store.createOrganisation(id: "org-b", name: "乙")
        let publicTotal = try await store.searchEnterprises("生物", limit: 5, offset: 0, visibleTo: .organisation(nil)).total
        #expect(publicTotal > 4, "the listed firms answer the paging check below")
        // Three firms whose names share words with public ones: every search method (one, two, three, more characters).
        let outcome = try await importPrivately(store, "org-a", "a.csv", (0..<3).map { i in
            ImportStoreTests.firm(2 + i, "苏州私密\(i)号生物科技有限公司", employees: 10)
        })
        #expect(outcome.created == 3)
        let id = try #require(try await store.searchEnterprises("苏州私密0号", limit: 5, offset: 0, visibleTo: .operator).items.first?.id)
        for query in ["私", "私密", "私密1", "苏州私密2号生物", "生物"] {
            let own = try await store.searchEnterprises(query, limit: 50, offset: 0, visibleTo: .organisation("org-a"))
            let other = try await store.searchEnterprises(query, limit: 50, offset: 0, visibleTo: .organisation("org-b"))
            let anonymous = try await store.searchEnterprises(query, limit: 50, offset: 0, visibleTo: .organisation(nil))
            let all = try await store.searchEnterprises(query, limit: 50, offset: 0, visibleTo: .operator)
            let mine = own.items.filter { $0.name.contains("私密") }.count
            #expect(mine > 0 && all.items.filter { $0.name.contains("私密") }.count == mine, "\(query)")
            #expect(!other.items.contains { $0.name.contains("私密") } && !anonymous.items.contains { $0.name.contains("私密") }, "\(query)")
            #expect(other.total == own.total - mine && anonymous.total == other.total && all.total == own.total, "\(query)")
            #expect(other.items.count == min(50, other.total), "\(query): the page is full up to its total")
        }
        #expect(try await store.searchEnterprises("生物", limit: 5, offset: 0, visibleTo: .organisation(nil)).total == publicTotal)
        // An exact name is found first by its owner only.
        #expect(try await store.searchEnterprises("苏州私密1号生物科技有限公司", limit: 5, offset: 0, visibleTo: .organisation("org-b")).items.isEmpty)
        #expect(try await store.searchEnterprises("苏州私密1号生物科技有限公司", limit: 5, offset: 0, visibleTo: .organisation("org-a")).items.first?.name
                == "苏州私密1号生物科技有限公司")
        // Paging past the hidden firms: the pages of an outsider join up with no gap and no repeat.
        var seen: [String] = []
        for offset in stride(from: 0, to: publicTotal, by: 2) {
            seen += try await store.searchEnterprises("生物", limit: 2, offset: offset, visibleTo: .organisation("org-b")).items.map(\.id)
        }
        #expect(seen.count == publicTotal && Set(seen).count == publicTotal)
        // The portrait and summaries: nil for outsiders, as for an unknown id.
        #expect(try await store.enterprise(id, visibleTo: .organisation("org-b")) == nil)
        #expect(try await store.enterprise(id, visibleTo: .organisation(nil)) == nil)
        #expect(try await store.enterprise(id, visibleTo: .organisation("org-a")) != nil)
        #expect(try await store.enterprise(id, visibleTo: .operator) != nil)
        #expect(try await store.enterpriseSummaries(ids: [id, "600276.SH"], visibleTo: .organisation("org-b")).map(\.id) == ["600276.SH"])
        #expect(try await store.enterpriseSummaries(ids: [id, "600276.SH"], visibleTo: .organisation("org-a")).map(\.id) == [id, "600276.SH"])
    }

    @Test(arguments: Backend.allCases) func aPrivateImportOfAPublicFirmKeepsItsFactsToItself(_ backend: Backend) async throws {
        let store = try await store(backend, "private_public")
        _ = try await store.createOrganisation(id: "org-a", name: "甲")
        let before = try #require(try await store.enterprise("600276.SH"))
        // 江苏恒瑞医药股份有限公司 is the full name of the listed 600276.SH: a review item, accepted as that firm.
        var row = ImportStoreTests.firm(2, "江苏恒瑞医药股份有限公司", city: "320700", employees: 99)
        row.assignments = [NodeEvidence(nodeId: "vaccines", method: "import-name", confidence: 0.7, evidence: "企业名称: 疫苗")]
        let outcome = try await importPrivately(store, "org-a", "hr.csv", [row])
        let importId = try #require(outcome.importId)
        let item = try #require(try await store.reviewItems(status: .pending).first)
        _ = try await store.decideReview(item.id, accept: true)
        // The shared row is the bundle's still: the private row's size and name are not everyone's.
        let shared = try #require(try await store.enterprise("600276.SH", visibleTo: .organisation(nil)))
        #expect(shared.enterprise.employees == before.enterprise.employees && shared.enterprise.fullName == before.enterprise.fullName)
        #expect(!shared.assignments.contains { $0.provenance.source == "import:\(importId)" })
        let own = try #require(try await store.enterprise("600276.SH", visibleTo: .organisation("org-a")))
        #expect(own.assignments.contains { $0.nodeId == "vaccines" && $0.provenance.source == "import:\(importId)" })
        #expect(try await store.enterpriseFacts("600276.SH").contains { $0.importId == importId && $0.value == "99" })
        let hidden = try await store.hiddenImports(from: .organisation("org-b"))
        #expect(hidden.ids.contains(importId) && hidden.layers.isEmpty == false)
        #expect(try await store.hiddenImports(from: .organisation("org-a")).isEmpty)
        #expect(try await store.hiddenImports(from: .operator).isEmpty)
    }

    /// A firm an import created is rewritten only by imports of its own kind: a private import never rewrites a public
    /// import's firm nor another organisation's private one, and a public import never rewrites a private firm.
    @Test(arguments: Backend.allCases) func importsRewriteOnlyFirmsOfTheirOwnKind(_ backend: Backend) async throws {
        let store = try await store(backend, "private_owner")
        _ = try await store.createOrganisation(id: "org-a", name: "甲")
        _ = try await store.createOrganisation(id: "org-b", name: "乙")
        let publicCode = "91320594MA1Q0XAA1B", privateCode = "91320594MA1Q0XBB3U"
        // The operator's import creates one firm, B's private import another.
        var header = ImportStoreTests.header("public.csv")
        var batches = [[ImportStoreTests.firm(2, "苏州公开细胞有限公司", uscc: publicCode, employees: 10)]]
        _ = try await store.importEnterprises(header) { batches.isEmpty ? nil : batches.removeFirst() }
        _ = try await importPrivately(store, "org-b", "b.csv", [ImportStoreTests.firm(2, "苏州乙方私有生物有限公司", uscc: privateCode, employees: 20)])
        let publicId = try #require(try await store.searchEnterprises("苏州公开细胞", limit: 1, offset: 0).items.first?.id)
        let privateId = try #require(try await store.searchEnterprises("苏州乙方私有", limit: 1, offset: 0).items.first?.id)
        // A's private import names both by their codes, with other names and sizes.
        _ = try await importPrivately(store, "org-a", "a.csv", [
            ImportStoreTests.firm(2, "甲改写的公开企业有限公司", uscc: publicCode, employees: 11),
            ImportStoreTests.firm(3, "甲改写的私有企业有限公司", uscc: privateCode, employees: 21),
        ])
        let publicFirm = try #require(try await store.enterprise(publicId))
        #expect(publicFirm.enterprise.name == "苏州公开细胞有限公司" && publicFirm.enterprise.employees == 10)
        let privateFirm = try #require(try await store.enterprise(privateId))
        #expect(privateFirm.enterprise.name == "苏州乙方私有生物有限公司" && privateFirm.enterprise.employees == 20)
        // A public import naming B's private firm leaves it as B wrote it too; B's own next import still updates it.
        header = ImportStoreTests.header("public-2.csv")
        batches = [[ImportStoreTests.firm(2, "公开改写的私有企业有限公司", uscc: privateCode, employees: 30)]]
        _ = try await store.importEnterprises(header) { batches.isEmpty ? nil : batches.removeFirst() }
        #expect(try await store.enterprise(privateId)?.enterprise.employees == 20)
        _ = try await importPrivately(store, "org-b", "b-2.csv", [ImportStoreTests.firm(2, "苏州乙方私有生物有限公司", uscc: privateCode, employees: 25)])
        #expect(try await store.enterprise(privateId)?.enterprise.employees == 25)
    }
}
