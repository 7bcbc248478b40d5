import Foundation
import Testing
import BrainModel
import BrainStore

/// Imported policy clauses on both backends: written in one transaction, keyed by organisation and id, private to
/// the importing organisation or public, and read back with their rule (eligibility and action apart).
@Suite struct PolicyStoreTests {
    static func clause(_ id: String, action: String? = "在苏州市设立地区总部", amount: Double? = 500) -> ImportedPolicy {
        ImportedPolicy(policy: Policy(id: id, regionCode: "320500", title: "若干措施（测试）", clause: "条款 \(id)", eligibility: "",
                                      maxAmountWan: amount, period: "", provenance: Provenance(source: "test.csv", asOf: "2025-01-01")),
                       rule: PolicyRule(policyId: id, subject: "enterprise",
                                        conditions: [.init(field: "nodes", anyOf: ["antibodies"]), .init(field: "employees", atLeast: 50)],
                                        action: action))
    }

    static func batches(_ rows: [ImportedPolicy]) -> () throws -> [ImportedPolicy]? {
        var left = [rows]
        return { left.isEmpty ? nil : left.removeFirst() }
    }

    @Test(arguments: Backend.allCases) func clausesArePrivateToTheirOrganisationOrPublic(_ backend: Backend) async throws {
        let store = try await MarketStoreTests().store(backend, "policies")
        let first = try await store.importPolicies(organisation: "bureau", next: Self.batches([Self.clause("a"), Self.clause("b", action: nil)]))
        #expect(first.created == 2 && first.updated == 0)
        let public_ = try await store.importPolicies(organisation: nil, next: Self.batches([Self.clause("a")]))
        #expect(public_.created == 1, "the same id in another organisation is another clause")
        // The same rows again change nothing; a changed amount updates the one clause.
        let again = try await store.importPolicies(organisation: "bureau", next: Self.batches([Self.clause("a"), Self.clause("b", action: nil)]))
        #expect(again.created == 0 && again.unchanged == 2)
        let changed = try await store.importPolicies(organisation: "bureau", next: Self.batches([Self.clause("a", amount: 800)]))
        #expect(changed.updated == 1 && changed.created == 0)

        let mine = try await store.importedPolicies(visibleTo: "bureau")
        #expect(mine.map { "\($0.organisation ?? "-")/\($0.policy.id)" } == ["-/a", "bureau/a", "bureau/b"])
        let a = try #require(mine.first { $0.organisation == "bureau" && $0.policy.id == "a" })
        #expect(a.policy.maxAmountWan == 800 && a.rule == Self.clause("a").rule && a.policy.provenance.asOf == "2025-01-01")
        #expect(mine.first { $0.policy.id == "b" }?.rule.action == nil)
        #expect(try await store.importedPolicies(visibleTo: "platform").map(\.policy.id) == ["a"])
        #expect(try await store.importedPolicies(visibleTo: nil).map(\.organisation) == [nil])
    }

    struct Abandoned: Error {}

    @Test(arguments: Backend.allCases) func anAbandonedImportWritesNothing(_ backend: Backend) async throws {
        let store = try await MarketStoreTests().store(backend, "policies_abandoned")
        await #expect(throws: Abandoned.self) {
            var handed = 0
            return try await store.importPolicies(organisation: nil) {
                handed += 1
                if handed > 1 { throw Abandoned() }
                return [Self.clause("x")]
            }
        }
        #expect(try await store.importedPolicies(visibleTo: nil).isEmpty)
    }
}
