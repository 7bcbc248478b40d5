import Foundation
import Testing
import BrainModel
import BrainStore

/// The change feed's node and quality changes on both backends: an update that moves a firm to other chain nodes is a
/// `firm.node` change naming what it added and removed, heard by the watchers of either node; an update that changes
/// an input of the quality score is a `firm.quality` change; a watch on a parent node hears of its sub-nodes' firms.
@Suite struct ChangeFeedNodeTests {
    static let code = "914403001922038216"

    static func firm(_ name: String, node: String, asOf employees: Int?, capital: String? = nil) -> ImportedEnterprise {
        var record = ImportStoreTests.firm(2, name, uscc: code, employees: employees, extra: capital.map { ["registered_capital": $0] } ?? [:])
        record.assignments = [NodeEvidence(nodeId: node, method: "import-scope", confidence: 0.5, evidence: "经营范围")]
        return record
    }

    @Test(arguments: Backend.allCases) func anUpdateOnOtherNodesIsANodeChangeHeardByBothNodesWatchers(_ backend: Backend) async throws {
        let store = try await ImportStoreTests().store(backend, "changes-node")
        _ = try await store.addWatch(WatchlistTests.watch("bureau", .node, "cro"))
        _ = try await store.addWatch(WatchlistTests.watch("lab", .node, "antibodies"))
        _ = try await store.addWatch(WatchlistTests.watch("other", .node, "medical-devices"))
        _ = try await ImportStoreTests().run(store, ImportStoreTests.header("2024.csv"), [Self.firm("丙医药有限公司", node: "antibodies", asOf: 10)])
        // The same firm a year later on CRO instead of antibodies, with more staff.
        _ = try await ImportStoreTests().run(store, ImportStoreTests.header("2025.csv", asOf: "2025-01-01"),
                                             [Self.firm("丙医药有限公司", node: "cro", asOf: 25)])
        let changes = try await store.changes(ChangeQuery(enterpriseId: Self.code))
        #expect(Set(changes.map(\.code)) == [.firmNew, .firmNode, .firmQuality])
        let node = try #require(changes.first { $0.code == .firmNode })
        #expect(node.values["added"] == "cro" && node.values["removed"] == "antibodies")
        #expect(node.nodeIds == ["cro", "antibodies"] && node.cityCode == "320500")
        let quality = try #require(changes.first { $0.code == .firmQuality })
        #expect(quality.values["field"] == "employees" && quality.values["before"] == "10" && quality.values["after"] == "25")
        // Watchers of the node it joined and of the node it left hear of it; others do not.
        #expect(try await store.alerts(AlertQuery(organisationId: "bureau")).map(\.change.code).sorted { $0.rawValue < $1.rawValue }
                == [.firmNode, .firmQuality])
        #expect(try await store.alerts(AlertQuery(organisationId: "lab")).contains { $0.change.code == .firmNode })
        #expect(try await store.alerts(AlertQuery(organisationId: "other")).isEmpty)
        // The same nodes and staff again with another capital: a quality change, no node change.
        _ = try await ImportStoreTests().run(store, ImportStoreTests.header("2026.csv", asOf: "2026-01-01"),
                                             [Self.firm("丙医药有限公司", node: "cro", asOf: 25, capital: "5000 CNY")])
        let later = try await store.changes(ChangeQuery(enterpriseId: Self.code))
        #expect(later.filter { $0.code == .firmNode }.count == 1)
        // The earlier rows had no capital: there is nothing to compare it with, so no change.
        #expect(later.filter { $0.code == .firmQuality }.count == 1)
    }

    @Test(arguments: Backend.allCases) func aParentNodesWatchCoversItsSubNodes(_ backend: Backend) async throws {
        let store = try await ImportStoreTests().store(backend, "changes-parent")
        let parent = try #require(try await store.taxonomy().nodes.first { $0.id == "antibodies" }?.parentId)
        #expect(parent == "biologics")
        _ = try await store.addWatch(WatchlistTests.watch("bureau", .node, parent))
        _ = try await store.addWatch(WatchlistTests.watch("lab", .node, "cro"))
        _ = try await ImportStoreTests().run(store, ImportStoreTests.header("a.csv"), [ImportStoreTests.firm(2, "苏州甲抗体生物科技有限公司")])
        let alerts = try await store.alerts(AlertQuery(organisationId: "bureau"))
        #expect(alerts.count == 1 && alerts.first?.watchTarget == "biologics" && alerts.first?.change.nodeIds == ["antibodies"])
        #expect(try await store.alerts(AlertQuery(organisationId: "lab")).isEmpty)
    }
}
