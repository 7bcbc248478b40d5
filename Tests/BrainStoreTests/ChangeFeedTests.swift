import Foundation
import Testing
import BrainModel
import BrainStore

/// The change feed on both backends: what an import writes shows up as changes with its import, region codes and
/// nodes; a firm that moves is a move; the same rows again change nothing; a private import's changes stay private.
@Suite struct ChangeFeedTests {
    static let suzhou = "320500"

    @Test(arguments: Backend.allCases) func importAddingAFirmToSuzhouOnAntibodiesRecordsItsChange(_ backend: Backend) async throws {
        let store = try await ImportStoreTests().store(backend, "changes-new")
        let outcome = try await ImportStoreTests().run(store, ImportStoreTests.header("new.csv"), [ImportStoreTests.firm(2, "苏州甲抗体生物科技有限公司")])
        let importId = try #require(outcome.importId)
        let changes = try await store.changes(ChangeQuery(regionCode: Self.suzhou))
        #expect(changes.count == 1)
        let change = try #require(changes.first)
        #expect(change.code == .firmNew && change.importId == importId && change.at == "2026-11-23T00:00:00Z" && change.asOf == "2024-01-01")
        #expect(change.provinceCode == "320000" && change.cityCode == Self.suzhou && change.nodeIds == ["antibodies"])
        #expect(change.values["name"] == "苏州甲抗体生物科技有限公司" && change.organisationId == nil)
        #expect(try await store.changes(ChangeQuery(nodeId: "antibodies")).map(\.id) == [change.id])
        #expect(try await store.changes(ChangeQuery(regionCode: "310000")).isEmpty)
        #expect(try await store.changes(ChangeQuery(nodeId: "antibod")).isEmpty)
        // The same rows from another file: unchanged, no new change.
        _ = try await ImportStoreTests().run(store, ImportStoreTests.header("copy.csv", fingerprint: "copy"), [ImportStoreTests.firm(2, "苏州甲抗体生物科技有限公司")])
        #expect(try await store.changes(ChangeQuery()).count == 1)
    }

    @Test(arguments: Backend.allCases) func aFirmMovingToAnotherCityIsAMove(_ backend: Backend) async throws {
        let store = try await ImportStoreTests().store(backend, "changes-move")
        let code = "914403001922038216"
        _ = try await ImportStoreTests().run(store, ImportStoreTests.header("2024.csv"), [ImportStoreTests.firm(2, "丙医药有限公司", uscc: code)])
        _ = try await ImportStoreTests().run(store, ImportStoreTests.header("2025.csv", asOf: "2025-01-01"),
                                             [ImportStoreTests.firm(2, "丙医药有限公司", uscc: code, city: "320200", employees: 5)])
        let changes = try await store.changes(ChangeQuery(enterpriseId: code))
        #expect(changes.map(\.code) == [.firmMoved, .firmNew])
        #expect(changes.first?.values["from"] == Self.suzhou && changes.first?.values["to"] == "320200" && changes.first?.cityCode == "320200")
        // The old city's watchers see the firm arrive there; the move is listed under the new city.
        #expect(try await store.changes(ChangeQuery(regionCode: "320200")).map(\.code) == [.firmMoved])
    }

    @Test(arguments: Backend.allCases) func aNewEventIsAChangeInItsFirmsPlace(_ backend: Backend) async throws {
        let store = try await ImportStoreTests().store(backend, "changes-event")
        let code = "914403001922038216"
        _ = try await ImportStoreTests().run(store, ImportStoreTests.header("firms.csv"), [ImportStoreTests.firm(2, "苏州丁抗体有限公司", uscc: code)])
        var batches: [[ImportedLink]] = [[.event(line: 2, firm: FirmReference(uscc: code, name: nil), kind: .approval, date: "2025-06-01",
                                                 title: "示例新药获批", detail: nil)]]
        _ = try await store.importLinks(ImportStoreTests.header("events.csv"), rejectUnresolved: true) { batches.isEmpty ? nil : batches.removeFirst() }
        let change = try #require(try await store.changes(ChangeQuery(enterpriseId: code)).first)
        #expect(change.code == .eventNew && change.cityCode == Self.suzhou && change.nodeIds == ["antibodies"])
        #expect(change.values == ["kind": "approval", "date": "2025-06-01", "title": "示例新药获批"])
    }

    @Test(arguments: Backend.allCases) func aPrivateImportsChangesAreNotVisibleToOthers(_ backend: Backend) async throws {
        let store = try await ImportStoreTests().store(backend, "changes-private")
        var header = ImportStoreTests.header("private.csv")
        header.organisation = "suzhou-park"
        _ = try await ImportStoreTests().run(store, header, [ImportStoreTests.firm(2, "苏州乙抗体药业有限公司")])
        #expect(try await store.changes(ChangeQuery(organisationId: "suzhou-park")).count == 1)
        #expect(try await store.changes(ChangeQuery(organisationId: "suzhou-park")).first?.organisationId == "suzhou-park")
        #expect(try await store.changes(ChangeQuery(organisationId: "other-bureau")).isEmpty)
        #expect(try await store.changes(ChangeQuery()).isEmpty)
        #expect(try await store.changes(ChangeQuery(everything: true)).count == 1)
    }
}
