import Foundation
import Testing
import BrainModel
import BrainStore

/// SQLite and PostgreSQL built from the same data give the same answers, value for value: the snapshot analytics
/// reads, region profiles at every level, maps, search pages and enterprise details.
@Suite struct BackendEquivalenceTests {
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func snapshotsAreIdentical() async throws {
        let sqlite = try await DatabaseFixture.store(.sqlite).snapshot()
        let postgres = try await DatabaseFixture.store(.postgres).snapshot()
        #expect(sqlite.enterprises.count > 5_000)
        #expect(try Self.json(sqlite.enterprises) == Self.json(postgres.enterprises))
        #expect(try Self.json(sqlite.assignments) == Self.json(postgres.assignments))
        #expect(try Self.json(sqlite.products) == Self.json(postgres.products))
        #expect(try Self.json(sqlite.productRelations) == Self.json(postgres.productRelations))
        #expect(try Self.json(sqlite.regions) == Self.json(postgres.regions))
        #expect(try Self.json(sqlite.events) == Self.json(postgres.events))
        #expect(try Self.json(sqlite.universities) == Self.json(postgres.universities))
        #expect(try Self.json(sqlite.parks) == Self.json(postgres.parks))
        #expect(try Self.json(sqlite.policies) == Self.json(postgres.policies))
        #expect(try Self.json(sqlite.taxonomy) == Self.json(postgres.taxonomy))
        // The product vocabulary is stored with the chain, so the server's snapshot vets product links as the files do.
        #expect(sqlite.taxonomy.productVocabulary?.genericNames.contains("保理") == true)
    }

    @Test(arguments: ["000000", "320000", "320700", "310000", "310100", "310115", "440300", "320576", "110000"])
    func regionProfilesAndMapsAreIdentical(code: String) async throws {
        let sqlite = try await DatabaseFixture.store(.sqlite), postgres = try await DatabaseFixture.store(.postgres)
        let profile = try #require(try await sqlite.regionProfile(code, largest: 20))
        #expect(try Self.json(profile) == Self.json(try await postgres.regionProfile(code, largest: 20)))
        #expect(try Self.json(try await sqlite.childValues(of: code)) == Self.json(try await postgres.childValues(of: code)))
    }

    @Test(arguments: ["医", "药", "医药", "生物", "恒瑞医", "有限公", "生物科", "ABC", "万科A", "平安银行", "医药股份", "上海医药", "有限公司", "Pharm", "中", "不存在的名字", "%", "_x"])
    func searchPagesAreIdentical(query: String) async throws {
        let sqlite = try await DatabaseFixture.store(.sqlite), postgres = try await DatabaseFixture.store(.postgres)
        for offset in [0, 20] {
            let a = try await sqlite.searchEnterprises(query, limit: 20, offset: offset)
            let b = try await postgres.searchEnterprises(query, limit: 20, offset: offset)
            #expect(try Self.json(a) == Self.json(b), "\(query) at \(offset)")
        }
    }

    @Test func enterpriseDetailsAndNodeCountsAreIdentical() async throws {
        let sqlite = try await DatabaseFixture.store(.sqlite), postgres = try await DatabaseFixture.store(.postgres)
        for id in ["600276.SH", "301520.SZ", "601607.SH", "000001.SZ", "no-such-id"] {
            #expect(try Self.json(try await sqlite.enterprise(id)) == Self.json(try await postgres.enterprise(id)), "\(id)")
        }
        #expect(try Self.json(try await sqlite.nationalNodeCounts()) == Self.json(try await postgres.nationalNodeCounts()))
        #expect(try Self.json(try await sqlite.taxonomy()) == Self.json(try await postgres.taxonomy()))
        var a = try await sqlite.stats(), b = try await postgres.stats()
        (a.builtAt, a.buildSeconds, b.builtAt, b.buildSeconds) = (nil, nil, nil, nil)
        #expect(try Self.json(a) == Self.json(b))
    }

    /// The names, summaries and health reads the name resolver, the firm search and /health use.
    @Test func namesSummariesAndProbesAreIdentical() async throws {
        let sqlite = try await DatabaseFixture.store(.sqlite), postgres = try await DatabaseFixture.store(.postgres)
        let firms = try await sqlite.snapshot().enterprises.prefix(200)
        let keys = Set(firms.flatMap { NameKey.lookupKeys($0.fullName ?? $0.name).chinese } + ["不存在的键"])
        let names = try await sqlite.enterpriseNames(keys: keys)
        #expect(names.count >= firms.count / 2)
        #expect(try Self.json(names) == Self.json(try await postgres.enterpriseNames(keys: keys)))
        for fragment in ["医药", "生物", "Pharma", "Bio", "制药集团", "x"] {
            let a = try await sqlite.aliasNames(containing: fragment, limit: 30)
            #expect(try Self.json(a) == Self.json(try await postgres.aliasNames(containing: fragment, limit: 30)), "\(fragment)")
        }
        let ids = ["no-such-id"] + firms.suffix(40).map(\.id).reversed()
        let summaries = try await sqlite.enterpriseSummaries(ids: ids)
        #expect(summaries.map(\.id) == Array(ids.dropFirst()))
        #expect(try Self.json(summaries) == Self.json(try await postgres.enterpriseSummaries(ids: ids)))
        let (a, b) = (try await sqlite.probe(), try await postgres.probe())
        #expect(a.hasEnterprises && b.hasEnterprises && a.builtAt != nil && b.builtAt != nil && !a.readOnly && !b.readOnly)
        #expect(try await sqlite.integrityProblem() == nil)
        #expect(try await postgres.integrityProblem() == nil)
    }
}
