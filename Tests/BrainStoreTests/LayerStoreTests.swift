import Foundation
import Testing
import BrainIngest
import BrainModel
import BrainStore

/// Issue 15's layers in both stores: a firm an import creates is in that import's layer (or the one it names), listed
/// firms stay `listed`, a register row of a listed firm's name is linked to it, and the store's own region counts are
/// the listed layer's whatever is imported.
@Suite struct LayerStoreTests {
    func store(_ backend: Backend, _ name: String) async throws -> any ImportingStore {
        let location = try await DatabaseFixture.emptyLocation(backend, name)
        try await location.build(try ImportStoreTests.smallBundle.get())
        return try await location.open()
    }

    func run(_ store: any ImportingStore, _ header: ImportHeader, _ records: [ImportedEnterprise]) async throws -> ImportOutcome {
        var batches = [records]
        return try await store.importEnterprises(header) { batches.isEmpty ? nil : batches.removeFirst() }
    }

    @Test(arguments: Backend.allCases) func importsCreateFirmsInTheirOwnLayer(_ backend: Backend) async throws {
        let store = try await store(backend, "layers_own")
        let profileBefore = try #require(try await store.regionProfile("320500", largest: 10))
        let childrenBefore = try await store.childValues(of: "320000")
        let nodesBefore = try await store.nationalNodeCounts()
        let outcome = try await run(store, ImportStoreTests.header("own.csv"),
                                    [ImportStoreTests.firm(2, "苏州甲抗体生物科技有限公司", employees: 30),
                                     ImportStoreTests.firm(3, "苏州乙抗体生物科技有限公司", employees: 40)])
        let id = try #require(outcome.importId)
        let bundle = try await store.snapshot()
        #expect(bundle.enterprises.filter { $0.layer == Layer.of(importId: id) }.count == 2)
        #expect(bundle.enterprises.filter { $0.layer == Layer.listed }.count == (try ImportStoreTests.smallBundle.get()).enterprises.count)
        #expect(bundle.importLayers.contains(ImportLayer(importId: id, layer: "import:\(id)", organisationId: nil)))
        // The store's counts are the listed layer's: two imported 苏州 biomedicine firms change none of them.
        let profileAfter = try #require(try await store.regionProfile("320500", largest: 10))
        #expect(profileAfter.listedFirms == profileBefore.listedFirms && profileAfter.biomedicineFirms == profileBefore.biomedicineFirms)
        #expect(profileAfter.nodeCounts == profileBefore.nodeCounts && profileAfter.largestFirms == profileBefore.largestFirms)
        #expect(try await store.childValues(of: "320000") == childrenBefore)
        #expect(try await store.nationalNodeCounts() == nodesBefore)
    }

    @Test(arguments: Backend.allCases) func aRegisterRowOfAListedFirmsNameIsLinkedToIt(_ backend: Backend) async throws {
        let store = try await store(backend, "layers_register")
        var header = ImportStoreTests.header("register.csv")
        header.layer = "nmpa-2019"
        header.linksListedByName = true
        // 江苏恒瑞医药股份有限公司 is the full name of the listed 600276.SH.
        var linked = ImportStoreTests.firm(2, "江苏恒瑞医药股份有限公司", city: "320700")
        // A node the listed firm is not on, so the register's placement shows apart from the listed one.
        linked.assignments = [NodeEvidence(nodeId: "vaccines", method: "import-name", confidence: 0.7, evidence: "企业名称: 疫苗")]
        let outcome = try await run(store, header, [linked, ImportStoreTests.firm(3, "连云港丙制药有限公司", city: "320700")])
        #expect(outcome.created == 1 && outcome.linkedToListed == 1 && outcome.review == 0)
        let bundle = try await store.snapshot()
        let hengrui = try #require(bundle.enterprises.first { $0.id == "600276.SH" })
        #expect(hengrui.layer == Layer.listed && hengrui.name == "恒瑞医药")
        #expect(bundle.enterprises.filter { $0.layer == "nmpa-2019" }.map(\.name) == ["连云港丙制药有限公司"])
        let importId = try #require(outcome.importId)
        #expect(bundle.assignments.contains { $0.enterpriseId == "600276.SH" && $0.nodeId == "vaccines" && $0.provenance.source == "import:\(importId)" })
        #expect(try await store.enterpriseFacts("600276.SH").contains { $0.importId == importId && $0.field == "name" })
        // Seen through the listed layer alone, the register adds nothing to the listed firm.
        let listedOnly = bundle.restricted(to: .listed)
        #expect(!listedOnly.assignments.contains { $0.provenance.source == "import:\(importId)" })
        #expect(listedOnly.enterprises.count == (try ImportStoreTests.smallBundle.get()).enterprises.count)
        #expect(try await store.imports().first?.layer == "nmpa-2019")
    }
}
