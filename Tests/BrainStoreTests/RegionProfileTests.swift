import Testing
import BrainModel
import BrainStore

@Suite struct RegionProfileTests {
    @Test(arguments: Backend.allCases) func lianyungangHasHengruiOnChemicalDrugs(_ backend: Backend) async throws {
        let profile = try #require(try await DatabaseFixture.store(backend).regionProfile("320700", largest: 5))
        #expect(profile.region.name == "连云港市")
        #expect(profile.ancestors.map(\.code) == ["000000", "320000"])
        #expect(profile.largestFirms.contains { $0.id == "600276.SH" })
        let chemical = try #require(profile.nodeCounts.first { $0.nodeId == "chemical-drugs" })
        #expect(chemical.firms >= 1)
    }

    @Test(arguments: Backend.allCases) func shanghaiRollsUpItsDistrictsAndCity(_ backend: Backend) async throws {
        let store = try await DatabaseFixture.store(backend)
        let province = try #require(try await store.regionProfile("310000", largest: 5))
        let city = try #require(try await store.regionProfile("310100", largest: 5))
        #expect(province.children.map(\.code) == ["310100"])
        #expect(city.children.count >= 16)
        #expect(city.children.contains { $0.code == "310115" && $0.name == "浦东新区" })
        #expect(province.biomedicineFirms == city.biomedicineFirms)
        #expect(province.biomedicineFirms >= 40)
        let pudong = try #require(try await store.regionProfile("310115", largest: 5))
        #expect(pudong.ancestors.map(\.code) == ["000000", "310000", "310100"])
        #expect(pudong.parks.contains { $0.id == "zhangjiang" })
    }

    @Test(arguments: Backend.allCases) func nodeCountsIncludeSubNodes(_ backend: Backend) async throws {
        let counts = Dictionary(uniqueKeysWithValues: try await DatabaseFixture.store(backend).nationalNodeCounts().map { ($0.nodeId, $0.firms) })
        let biologics = try #require(counts["biologics"])
        #expect(biologics >= (counts["vaccines"] ?? 0))
        #expect((counts["vaccines"] ?? 0) >= 10)
        #expect((counts["chemical-drugs"] ?? 0) >= 100)
    }

    @Test(arguments: Backend.allCases) func provincesSumToTheNation(_ backend: Backend) async throws {
        let store = try await DatabaseFixture.store(backend)
        let provinces = try await store.childValues(of: "000000")
        #expect(provinces.count >= 31)
        let stats = try await store.stats()
        let located = provinces.reduce(0) { $0 + $1.biomedicineFirms }
        #expect(located <= stats.counts["biomedicine_enterprises"] ?? 0)
        #expect(located >= 520)
        #expect(provinces.first { $0.code == "320000" }.map { $0.biomedicineFirms >= 40 } == true)
    }

    @Test(arguments: Backend.allCases) func unknownRegionIsNil(_ backend: Backend) async throws {
        #expect(try await DatabaseFixture.store(backend).regionProfile("999999", largest: 5) == nil)
    }

    @Test(arguments: Backend.allCases) func enterpriseDetailCarriesProvenance(_ backend: Backend) async throws {
        let detail = try #require(try await DatabaseFixture.store(backend).enterprise("600276.SH"))
        #expect(detail.cityName == "连云港市")
        #expect(detail.enterprise.provenance.asOf == "2024-05-13")
        #expect(detail.assignments.first?.method == "sw2021-official")
        #expect(detail.products.contains { $0.product == "抗肿瘤" && $0.provenance.source == "chainkg-liuhuanyong" })
        // 恒瑞 listed in 2000, before the 2,000 IPOs of the snapshot, and was never renamed in it.
        #expect(detail.events.isEmpty)
    }

    @Test(arguments: Backend.allCases) func recentIPOCarriesItsEvent(_ backend: Backend) async throws {
        let detail = try #require(try await DatabaseFixture.store(backend).enterprise("301520.SZ"))
        let ipo = try #require(detail.events.first { $0.kind == .ipo })
        #expect(detail.enterprise.name == "万邦医药")
        #expect(ipo.date == "2023-09-25")  // Tushare issue_date = listing day; ipo_date (09-14) is the subscription day
        #expect(ipo.provenance.source.isEmpty == false)
    }
}
