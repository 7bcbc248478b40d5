import Testing
import BrainModel
import BrainStore

/// Districts arrive in the store and its snapshot: each listed firm's location basis is stored and read back, and the
/// district map of a city counts located firms (SQLite and PostgreSQL alike).
@Suite struct LocationStoreTests {
    @Test(arguments: Backend.allCases) func locationsRoundTripThroughTheSnapshot(_ backend: Backend) async throws {
        let bundle = try DatabaseFixture.bundle.get()
        let snapshot = try await DatabaseFixture.store(backend).snapshot()
        #expect(snapshot.locations.count == bundle.locations.count)
        #expect(snapshot.locations.count > 5_000)
        let hengrui = try #require(snapshot.locations.first { $0.enterpriseId == "600276.SH" })
        #expect((hengrui.level, hengrui.basis, hengrui.reportYear) == (.district, .registered, 2021))
        #expect(hengrui.registeredAddress?.contains("黄河路38号") == true)
        #expect(hengrui.provenance.source == "finglm-annual-reports")
        #expect(snapshot.enterprises.first { $0.id == "600276.SH" }?.districtCode == "320771")
        let biobay = try #require(snapshot.parks.first { $0.id == "suzhou-biobay" })
        #expect(biobay.addressMarkers.contains("星湖街218号"))
    }

    @Test(arguments: Backend.allCases) func cityDistrictMapCountsLocatedFirms(_ backend: Backend) async throws {
        let store = try await DatabaseFixture.store(backend)
        let suzhou = Dictionary(uniqueKeysWithValues: try await store.childValues(of: "320500").map { ($0.code, $0.biomedicineFirms) })
        #expect(suzhou["320576", default: 0] >= 3, "苏州工业园区: \(suzhou)")
        #expect(suzhou.values.filter { $0 > 0 }.count >= 5)
        let shanghai = try await store.childValues(of: "310100")
        #expect(shanghai.filter { $0.biomedicineFirms > 0 }.count >= 8)
        let district = try #require(try await store.regionProfile("320576", largest: 10))
        #expect(district.largestFirms.contains { $0.id == "688166.SH" }, "博瑞医药 in 苏州工业园区")
    }
}
