import Testing
import BrainStore

@Suite struct SearchTests {
    @Test(arguments: Backend.allCases) func shortQueryFindsShanghaiPharmaceuticals(_ backend: Backend) async throws {
        let page = try await DatabaseFixture.store(backend).searchEnterprises("医药", limit: 20, offset: 0)
        #expect(page.items.contains { $0.name == "上海医药" })
        #expect(page.total >= 50)
        #expect(page.items.allSatisfy { $0.name.contains("医药") || ($0.fullName ?? "").contains("医药") })
    }

    @Test(arguments: Backend.allCases) func trigramQueryFindsBySubstringOfTheFullName(_ backend: Backend) async throws {
        let store = try await DatabaseFixture.store(backend)
        let page = try await store.searchEnterprises("恒瑞医", limit: 20, offset: 0)
        #expect(page.items.first?.id == "600276.SH")
        let fullName = try await store.searchEnterprises("江苏恒瑞医药股份", limit: 20, offset: 0)
        #expect(fullName.items.map(\.id) == ["600276.SH"])
    }

    @Test(arguments: Backend.allCases) func unknownNameGivesAnEmptyPage(_ backend: Backend) async throws {
        let page = try await DatabaseFixture.store(backend).searchEnterprises("不存在的公司名称", limit: 20, offset: 0)
        #expect(page.items.isEmpty)
        #expect(page.total == 0)
    }

    @Test(arguments: Backend.allCases) func likeWildcardsAreLiteral(_ backend: Backend) async throws {
        let store = try await DatabaseFixture.store(backend)
        #expect(try await store.searchEnterprises("%", limit: 5, offset: 0).total == 0)
        #expect(try await store.searchEnterprises("_", limit: 5, offset: 0).total == 0)
        #expect(try await store.searchEnterprises("\"\"\"", limit: 5, offset: 0).total == 0)
    }

    @Test(arguments: Backend.allCases, ["生物", "医药股份"])
    func resultsComeInSearchOrder(_ backend: Backend, query: String) async throws {
        let store = try await DatabaseFixture.store(backend)
        var all: [EnterpriseSummary] = []
        var offset = 0
        while true {
            let page = try await store.searchEnterprises(query, limit: 100, offset: offset)
            all += page.items
            offset += 100
            if offset >= page.total { #expect(all.count == page.total && page.total > 20); break }
        }
        // Biomedicine firms first; within each group, more employees first (unknown last).
        let flags = all.map(\.isBiomedicine)
        #expect(flags == flags.sorted { $0 && !$1 })
        for group in [true, false] {
            let employees = all.filter { $0.isBiomedicine == group }.map { $0.employees ?? -1 }
            #expect(employees == employees.sorted(by: >))
        }
        #expect(Set(all.map(\.id)).count == all.count)
    }

    @Test(arguments: Backend.allCases) func pagesDoNotOverlap(_ backend: Backend) async throws {
        let store = try await DatabaseFixture.store(backend)
        let first = try await store.searchEnterprises("医药", limit: 10, offset: 0)
        let second = try await store.searchEnterprises("医药", limit: 10, offset: 10)
        #expect(first.total == second.total)
        #expect(Set(first.items.map(\.id)).isDisjoint(with: second.items.map(\.id)))
    }
}

@Suite struct ExactNameSearchTests {
    /// 万科A is three characters (the trigram index on both backends): its exact name comes first.
    @Test(arguments: Backend.allCases) func exactThreeCharacterNameComesFirst(_ backend: Backend) async throws {
        let page = try await DatabaseFixture.store(backend).searchEnterprises("万科A", limit: 5, offset: 0)
        #expect(page.items.first?.id == "000002.SZ")
        #expect(Set(page.items.map(\.id)).count == page.items.count)
    }
}
