import Foundation
import Testing
import BrainIngest
import BrainModel
@testable import BrainStore

/// A large import into SQLite drops the indexes it never reads and builds them again before it commits; its foreign
/// keys are off meanwhile. Afterwards the store must be exactly as a row-by-row import leaves it, and a failed
/// import must leave the indexes as they were.
@Suite struct DeferredIndexesTests {
    static let firms = DeferredIndexes.minimumRows + 1_500
    static let code = "914403001922038216"

    static func batches(failingAfter failing: Int? = nil) -> () throws -> [ImportedEnterprise]? {
        var next = 0
        return {
            if let failing, next >= failing { throw CancellationError() }
            guard next < firms else {
                // The last batch renames nothing but moves the first firm's head count: an update across the drop.
                guard next == firms else { return nil }
                next += 1
                return [ImportStoreTests.firm(firms + 2, "苏州第0号生物医药有限公司", uscc: code, employees: 99_999)]
            }
            let batch = (next..<min(next + 1_000, firms)).map { n in
                ImportStoreTests.firm(n + 2, "苏州第\(n)号生物医药有限公司", uscc: n == 0 ? code : nil, city: n.isMultiple(of: 2) ? "320500" : "320200",
                                      employees: n)
            }
            next += batch.count
            return batch
        }
    }

    static func count(_ location: StoreLocation, _ sql: String) async throws -> Int { try await RawSQL.integer(location, sql) }

    static let indexCount = "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'index'"

    @Test func aLargeImportLeavesEveryIndexWholeAndNoOrphans() async throws {
        let location = try await DatabaseFixture.emptyLocation(.sqlite, "deferred-indexes")
        try await location.build(try ImportStoreTests.smallBundle.get())
        let store = try await location.open()
        let indexes = try await Self.count(location, Self.indexCount)
        let outcome = try await store.importEnterprises(ImportStoreTests.header("large.csv"), next: Self.batches())
        #expect(outcome.created == Self.firms && outcome.updated == 1, "\(outcome)")
        #expect(try await Self.count(location, Self.indexCount) == indexes)
        #expect(try await Self.count(location, "SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'") == 0)
        #expect(try await Self.count(location, "SELECT COUNT(*) FROM pragma_foreign_key_check") == 0)
        // The rebuilt indexes hold the import's rows, the update included.
        #expect(try await Self.count(location, """
            SELECT COUNT(*) FROM enterprises INDEXED BY enterprises_on_city_code_largest WHERE city_code = '320200' AND source LIKE 'import:%'
            """) == Self.firms / 2)
        #expect(try await Self.count(location, """
            SELECT MAX(employees) FROM enterprises INDEXED BY enterprises_on_city_code_largest WHERE city_code = '320500'
            """) == 99_999)
        #expect(try await Self.count(location, """
            SELECT COUNT(*) FROM chain_assignments INDEXED BY chain_assignments_on_node_id WHERE node_id = 'antibodies' AND method = 'import-scope'
            """) == Self.firms)
        #expect(try await Self.count(location, "SELECT COUNT(*) FROM changes INDEXED BY changes_on_import WHERE import_id = \(outcome.importId ?? 0)") > 0)
        // The writer's foreign keys are back on after the import (its own connection, not a new one).
        let writer = try #require(store as? SQLStore).driver
        #expect(try await writer.transaction { s in try await s.count("SELECT foreign_keys AS n FROM pragma_foreign_keys", []) } == 1)
    }

    @Test func aLargeImportThatFailsLeavesTheIndexesAsTheyWere() async throws {
        let location = try await DatabaseFixture.emptyLocation(.sqlite, "deferred-indexes-failed")
        try await location.build(try ImportStoreTests.smallBundle.get())
        let store = try await location.open()
        let (indexes, firms) = (try await Self.count(location, Self.indexCount), try await Self.count(location, "SELECT COUNT(*) FROM enterprises"))
        await #expect(throws: CancellationError.self) {
            _ = try await store.importEnterprises(ImportStoreTests.header("failed.csv"), next: Self.batches(failingAfter: Self.firms - 500))
        }
        #expect(try await Self.count(location, Self.indexCount) == indexes)
        #expect(try await Self.count(location, "SELECT COUNT(*) FROM enterprises") == firms)
        #expect(try await Self.count(location, "SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'") == 0)
        // The same store takes the next import.
        var small = [[ImportStoreTests.firm(2, "苏州第0号生物医药有限公司")]]
        let outcome = try await store.importEnterprises(ImportStoreTests.header("small.csv")) { small.isEmpty ? nil : small.removeFirst() }
        #expect(outcome.created == 1)
    }

    @Test func theIndexesGoAtTheThresholdAndComeBackWithTheirStatistics() async throws {
        let location = try await DatabaseFixture.emptyLocation(.sqlite, "deferred-indexes-threshold")
        try await location.build(try ImportStoreTests.smallBundle.get())
        try await RawSQL.execute(location, ["ANALYZE"])
        let store = try #require(try await location.open() as? SQLStore)
        let statistics = "SELECT group_concat(rowid || ':' || idx || ':' || stat, ';') AS stats FROM (SELECT rowid, * FROM sqlite_stat1 ORDER BY rowid)"
        let before = try await store.driver.read { s in try await s.rows(statistics, []) { try $0.optionalText("stats") } }
        let counts = try await store.driver.importTransaction(wholeFile: true) { s in
            let indexes = { try await s.count(Self.indexCount, []) }
            var deferred = DeferredIndexes(ImportPlanner.deferrableIndexes, backend: .sqlite, storedFirms: 0)
            let initial = try await indexes()
            try await deferred.dropOnceLarge(s, rowsPlanned: DeferredIndexes.minimumRows - 1)
            let below = try await indexes()
            try await deferred.dropOnceLarge(s, rowsPlanned: DeferredIndexes.minimumRows)
            let dropped = try await indexes()
            try await s.run(deferred.restoring())
            return [initial, below, dropped, try await indexes()]
        }
        #expect(counts == [counts[0], counts[0], counts[0] - ImportPlanner.deferrableIndexes.count, counts[0]])
        let after = try await store.driver.read { s in try await s.rows(statistics, []) { try $0.optionalText("stats") } }
        #expect(after == before && before.first??.contains("enterprises_on_city_code_largest") == true)
    }

    @Test func onlySQLiteDefersAndOnlyLargeImports() {
        #expect(DeferredIndexes(ImportPlanner.deferrableIndexes, backend: .postgres, storedFirms: 0).defers == false)
        #expect(DeferredIndexes(LinkPlanner.deferrableIndexes, backend: .sqlite, storedFirms: 0).defers == false)
        #expect(DeferredIndexes(ImportPlanner.deferrableIndexes, backend: .sqlite, storedFirms: 600_000).threshold == 100_000)
        #expect(DeferredIndexes(ImportPlanner.deferrableIndexes, backend: .sqlite, storedFirms: 10_000).threshold == DeferredIndexes.minimumRows)
    }
}
