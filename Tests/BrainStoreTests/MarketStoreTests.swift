import Foundation
import Testing
import BrainModel
import BrainStore

/// Organisations and their market records on both backends: tokens, privacy until shared, owners only changing
/// their own records, imports recorded once.
@Suite struct MarketStoreTests {
    func store(_ backend: Backend, _ name: String) async throws -> any ImportingStore {
        let location = try await DatabaseFixture.emptyLocation(backend, name)
        try await location.build(try ImportStoreTests.smallBundle.get())
        return try await location.open()
    }

    static let demand = MarketBody.demand(Demand(need: .service, title: "IND 前药理毒理", nodeId: "cro", regionCode: "320500", budgetWan: 300))

    @Test(arguments: Backend.allCases) func tokensIdentifyOrganisationsAndAreNotStored(_ backend: Backend) async throws {
        let store = try await store(backend, "market_tokens")
        let a = try await store.createOrganisation(id: "suzhou-bureau", name: "苏州市工信局")
        #expect(a.token.count == 64)
        #expect(try await store.organisation(token: a.token)?.id == "suzhou-bureau")
        #expect(try await store.organisation(token: String(a.token.reversed())) == nil)
        await #expect(throws: MarketStoreError.organisationExists("suzhou-bureau")) {
            try await store.createOrganisation(id: "suzhou-bureau", name: "again")
        }
        await #expect(throws: MarketStoreError.invalidOrganisationId("Bad Id")) { try await store.createOrganisation(id: "Bad Id", name: "x") }
        #expect(try await store.organisations().map(\.id) == ["suzhou-bureau"])
        let rotated = try await store.rotateToken(organisation: "suzhou-bureau")
        #expect(try await store.organisation(token: a.token) == nil)
        #expect(try await store.organisation(token: rotated.token)?.name == "苏州市工信局")
        await #expect(throws: MarketStoreError.noSuchOrganisation("nobody")) { try await store.rotateToken(organisation: "nobody") }
    }

    @Test(arguments: Backend.allCases) func aDemandIsPrivateUntilItsOrganisationSharesIt(_ backend: Backend) async throws {
        let store = try await store(backend, "market_privacy")
        _ = try await store.createOrganisation(id: "bureau", name: "局")
        _ = try await store.createOrganisation(id: "cro", name: "平台")
        let id = try #require(try await store.addMarketRecords([NewMarketRecord(Self.demand)], organisation: "bureau", header: nil).ids.first)
        #expect(try await store.marketRecords(.demand, visibleTo: "bureau").map(\.id) == [id])
        #expect(try await store.marketRecords(.demand, visibleTo: "cro").isEmpty)
        #expect(try await store.marketRecords(.demand, visibleTo: nil).isEmpty)
        #expect(try await store.marketRecord(id, visibleTo: "cro") == nil)
        // Another organisation can neither share nor delete it, and learns nothing of it.
        await #expect(throws: MarketStoreError.noSuchRecord(id)) { try await store.setShared(id, shared: true, by: "cro") }
        await #expect(throws: MarketStoreError.noSuchRecord(id)) { try await store.deleteMarketRecord(id, by: "cro") }
        let shared = try await store.setShared(id, shared: true, by: "bureau")
        #expect(shared.shared && shared.body == Self.demand && shared.organisationName == "局" && shared.origin == "posted")
        #expect(try await store.marketRecords(.demand, visibleTo: "cro").map(\.id) == [id])
        #expect(try await store.marketRecord(id, visibleTo: nil)?.body == Self.demand)
        _ = try await store.setShared(id, shared: false, by: "bureau")
        #expect(try await store.marketRecords(.demand, visibleTo: nil).isEmpty)
        try await store.deleteMarketRecord(id, by: "bureau")
        #expect(try await store.marketRecords(.demand, visibleTo: "bureau").isEmpty)
    }

    @Test(arguments: Backend.allCases) func importsAreRecordedOnceWithTheirRowsAndDefaultVisibility(_ backend: Backend) async throws {
        let store = try await store(backend, "market_imports")
        _ = try await store.createOrganisation(id: "park", name: "园区")
        let header = ImportHeader(kind: "offers", file: "offers.csv", fingerprint: "f1", asOf: "2026-11-01", importedAt: "2026-11-23T00:00:00Z")
        let offer = MarketBody.offer(ServiceOffer(provider: "示例平台", nodeId: "cdmo", regionCode: "320576"))
        let talent = MarketBody.talent(Talent(name: "示例", nodeIds: ["antibodies"], honours: [.nationalLeading]))
        let first = try await store.addMarketRecords([NewMarketRecord(offer, line: 2), NewMarketRecord(talent, line: 3)], organisation: "park", header: header)
        #expect(first.ids.count == 2 && first.alreadyImportedAs == nil)
        let again = try await store.addMarketRecords([NewMarketRecord(offer, line: 2)], organisation: "park", header: header)
        #expect(again.alreadyImportedAs == first.importId && again.ids.isEmpty)
        // Offers are shared by default, talents (people) are not.
        let offers = try await store.marketRecords(.offer, visibleTo: nil)
        #expect(offers.count == 1 && offers[0].origin == "import #\(first.importId ?? 0) offers.csv row 2")
        #expect(try await store.marketRecords(.talent, visibleTo: nil).isEmpty)
        #expect(try await store.marketRecords(.talent, visibleTo: "park").first?.body == talent)
        let recorded = try #require(try await store.imports().last)
        #expect(recorded.outcome.created == 2 && recorded.kind == "offers:park")
    }

    @Test(arguments: Backend.allCases) func anUnknownOrganisationWritesNothing(_ backend: Backend) async throws {
        let store = try await store(backend, "market_unknown")
        await #expect(throws: MarketStoreError.noSuchOrganisation("ghost")) {
            try await store.addMarketRecords([NewMarketRecord(Self.demand)], organisation: "ghost", header: nil)
        }
        #expect(try await store.marketRecords(.demand, visibleTo: "ghost").isEmpty)
    }
}
