import Foundation
import GRDB
import Testing
import BrainModel
@testable import BrainStore

/// SQLite's full-text index (migration v26): a full name is indexed only where it differs from the name, and the
/// index stays whole through imports that create, rename and remove firms.
@Suite struct FullTextIndexTests {
    @Test func aFullNameEqualToTheNameIsIndexedOnceAndSearchStillFindsIt() async throws {
        let location = try await DatabaseFixture.emptyLocation(.sqlite, "fts_once")
        guard case .sqlite(let path) = location else { Issue.record("not a SQLite location"); return }
        try await location.build(try ImportStoreTests.smallBundle.get())
        let store = try await location.open()
        let tests = ImportStoreTests()
        _ = try await tests.run(store, ImportStoreTests.header("a.csv"), [ImportStoreTests.firm(2, "苏州甲抗体生物科技有限公司"),
                                                                          ImportStoreTests.firm(3, "苏州乙疫苗有限公司", uscc: "914403001922038216")])
        _ = try await tests.run(store, ImportStoreTests.header("b.csv", asOf: "2025-01-01"),
                                [ImportStoreTests.firm(2, "苏州丙疫苗有限公司", uscc: "914403001922038216")])
        for (query, names) in [("甲抗体", ["苏州甲抗体生物科技有限公司"]), ("乙疫苗", []), ("丙疫苗", ["苏州丙疫苗有限公司"]),
                               ("江苏恒瑞医药股份", ["恒瑞医药"])] {
            #expect(try await store.searchEnterprises(query, limit: 10, offset: 0).items.map(\.name) == names, "\(query)")
        }
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            // With rank 1, FTS5 also checks the index against its content (the view), not only its own structure.
            try db.execute(sql: #"INSERT INTO enterprise_fts (enterprise_fts, rank) VALUES ('integrity-check', 1)"#)
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, enterprise_fts, instance)")
            let doubled = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM temp.terms WHERE col = 'full_name' AND doc IN (SELECT rowid FROM enterprises WHERE full_name IS name)
                """)
            let differing = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM temp.terms WHERE col = 'full_name' AND doc IN (SELECT rowid FROM enterprises WHERE full_name IS NOT name)
                """)
            #expect(doubled == 0 && (differing ?? 0) > 0)
            // A firm whose full name differs is indexed under both.
            let listed = try Int.fetchOne(db, sql: "SELECT rowid FROM enterprises WHERE id = '600276.SH'")
            let columns = try String.fetchAll(db, sql: "SELECT DISTINCT col FROM temp.terms WHERE doc = ? ORDER BY col", arguments: [listed])
            #expect(columns == ["full_name", "name"])
        }
        try await queue.close()
    }
}
