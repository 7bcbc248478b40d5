import Foundation
import Testing
import BrainIngest
import BrainModel
import BrainStore

/// Review findings on the change feed, on both backends: an event alerts the watchers of every node its firm sits
/// on (not only the first by id), the feed's node filter matches a node id literally (`_` and `%` are not
/// wildcards), and ids past 2^31 are written and read back (PostgreSQL's columns were 32-bit).
@Suite struct ChangeFeedFixesTests {
    static let code = "914403001922038216"

    /// A Suzhou firm on three nodes, imported with its watchers added afterwards.
    static func firmOnThreeNodes() -> ImportedEnterprise {
        var firm = ImportStoreTests.firm(2, "苏州丁抗体有限公司", uscc: code)
        firm.assignments = ["antibodies", "cro", "vaccines"].map { NodeEvidence(nodeId: $0, method: "import-scope", confidence: 0.5, evidence: "经营范围") }
        return firm
    }

    static func importEvent(_ store: any ImportingStore) async throws {
        var batches: [[ImportedLink]] = [[.event(line: 2, firm: FirmReference(uscc: code, name: nil), kind: .approval, date: "2025-06-01",
                                                 title: "示例新药获批", detail: nil)]]
        _ = try await store.importLinks(ImportStoreTests.header("events.csv"), rejectUnresolved: true) { batches.isEmpty ? nil : batches.removeFirst() }
    }

    @Test(arguments: Backend.allCases) func anEventAlertsTheWatchersOfEveryNodeOfItsFirm(_ backend: Backend) async throws {
        let store = try await ImportStoreTests().store(backend, "event_nodes")
        _ = try await ImportStoreTests().run(store, ImportStoreTests.header("firms.csv"), [Self.firmOnThreeNodes()])
        for (organisation, node) in [("bureau", "antibodies"), ("park", "cro"), ("lab", "vaccines"), ("other", "cdmo")] {
            _ = try await store.addWatch(WatchlistTests.watch(organisation, .node, node))
        }
        try await Self.importEvent(store)
        let event = try #require(try await store.changes(ChangeQuery(enterpriseId: Self.code)).first)
        #expect(event.code == .eventNew && event.nodeIds == ["antibodies", "cro", "vaccines"])
        for organisation in ["bureau", "park", "lab"] {
            #expect(try await store.alerts(AlertQuery(organisationId: organisation)).map(\.change.id) == [event.id], "\(organisation)")
        }
        #expect(try await store.alerts(AlertQuery(organisationId: "other")).isEmpty)
        #expect(try await store.changes(ChangeQuery(nodeId: "vaccines")).map(\.code).contains(.eventNew))
    }

    @Test(arguments: Backend.allCases) func theNodeFilterTakesUnderscoreAndPercentLiterally(_ backend: Backend) async throws {
        let store = try await ImportStoreTests().store(backend, "feed_like")
        _ = try await ImportStoreTests().run(store, ImportStoreTests.header("firms.csv"), [Self.firmOnThreeNodes()])
        #expect(try await store.changes(ChangeQuery(nodeId: "cro")).count == 1)
        for node in ["cr_", "c_o", "%", "cr%"] {
            #expect(try await store.changes(ChangeQuery(nodeId: node)).isEmpty, "\(node)")
        }
    }

    @Test(arguments: Backend.allCases) func nodeWatchesMatchTheirNodeIdLiterally(_ backend: Backend) async throws {
        let store = try await ImportStoreTests().store(backend, "alert_like")
        for (organisation, node) in [("exact", "cro"), ("underscore", "c_o"), ("percent", "%"), ("prefix", "cr%")] {
            _ = try await store.addWatch(WatchlistTests.watch(organisation, .node, node))
        }
        _ = try await ImportStoreTests().run(store, ImportStoreTests.header("firms.csv"), [Self.firmOnThreeNodes()])
        try await Self.importEvent(store)
        #expect(!(try await store.alerts(AlertQuery(organisationId: "exact"))).isEmpty)
        for organisation in ["underscore", "percent", "prefix"] {
            #expect(try await store.alerts(AlertQuery(organisationId: organisation)).isEmpty, "\(organisation)")
        }
    }

    @Test(arguments: Backend.allCases) func idsPastTwoToTheThirtyFirstAreKept(_ backend: Backend) async throws {
        let location = try await DatabaseFixture.emptyLocation(backend, "big_ids")
        try await location.build(try ImportStoreTests.smallBundle.get())
        let store = try await location.open()
        let start = 3_000_000_000
        switch location {
        case .sqlite:
            try await RawSQL.execute(location, ["INSERT INTO sqlite_sequence (name, seq) VALUES ('watchlist', \(start)), ('changes', \(start))"])
        case .postgres:
            try await RawSQL.execute(location, ["imports", "watchlist", "changes"].map { "ALTER TABLE \($0) ALTER COLUMN id RESTART WITH \(start)" })
        }
        let watch = try await store.addWatch(WatchlistTests.watch("bureau", .node, "antibodies")).item
        #expect(watch.id > Int64(Int32.max))
        let outcome = try await ImportStoreTests().run(store, ImportStoreTests.header("firms.csv"), [Self.firmOnThreeNodes()])
        let alert = try #require(try await store.alerts(AlertQuery(organisationId: "bureau")).first)
        #expect(alert.change.id > Int64(Int32.max) && alert.change.importId == outcome.importId)
        if case .postgres = location { #expect((outcome.importId ?? 0) > Int(Int32.max)) }
        #expect(try await store.changes(ChangeQuery(importId: outcome.importId)).map(\.id) == [alert.change.id])
        #expect(try await store.removeWatch(watch.id, organisation: "bureau")?.id == watch.id)
    }
}
