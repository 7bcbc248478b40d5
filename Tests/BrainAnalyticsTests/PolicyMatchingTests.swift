import Foundation
import Testing
import BrainAnalytics
import BrainModel

/// Policy rules on the hand-built chain: which clause a firm meets, fails, or cannot be judged on.
@Suite struct PolicyMatchingTests {
    static func matcher() throws -> PolicyMatcher {
        var data = try ExploreFixture.index().data
        let source = ExploreFixture.source
        data.enterprises[0].stockCode = "600001"                      // A: listed, in 苏州
        data.enterprises[1].setupDate = "2021-03-01"                  // B: young, unlisted
        data.events = [EnterpriseEvent(enterpriseId: "B", kind: .approval, date: "2023-05-01", title: "取得药品注册批件 阿莫西林胶囊",
                                       detail: nil, provenance: source)]
        data.policies = ["hq", "approval", "young", "people"].map {
            Policy(id: $0, regionCode: "320500", title: "测试政策", clause: $0, eligibility: "…", maxAmountWan: 100, period: "2020-2030", provenance: source)
        }
        let rules = [
            PolicyRule(policyId: "hq", subject: "enterprise", conditions: [.init(field: "listed", equals: true), .init(field: "region", within: "320000")]),
            PolicyRule(policyId: "approval", subject: "enterprise", conditions: [.init(field: "approvals", anyContains: ["药品注册"])]),
            PolicyRule(policyId: "young", subject: "enterprise", conditions: [.init(field: "ageYears", atMost: 5), .init(field: "nodes", anyOf: ["chemical-drugs"])]),
            PolicyRule(policyId: "people", subject: "talent", conditions: []),
        ]
        return PolicyMatcher(SnapshotIndex(data), rules: rules, asOf: "2024-06-30")
    }

    @Test func eachClauseIsEligiblePossibleOrNot() throws {
        let matcher = try Self.matcher()
        let a = Dictionary(uniqueKeysWithValues: try matcher.matches(enterprise: "A").map { ($0.policy.id, $0) })
        #expect(a["hq"]?.status == "eligible")
        #expect(a["approval"]?.status == "possible")        // no approval recorded: unknown, not a failure
        #expect(a["young"]?.status == "not eligible")       // API maker, not a chemical-drug maker
        #expect(a["people"] == nil)                          // a talent clause is not an enterprise's
        let b = Dictionary(uniqueKeysWithValues: try matcher.matches(enterprise: "B").map { ($0.policy.id, $0) })
        #expect(b["hq"]?.status == "not eligible")
        #expect(b["hq"]?.conditions.first?.met == false)
        #expect(b["approval"]?.status == "eligible")
        #expect(b["approval"]?.conditions.first?.value == "取得药品注册批件 阿莫西林胶囊")
        #expect(b["young"]?.status == "eligible")
        #expect(b["young"]?.conditions.first?.value == "3")
        #expect(try matcher.matches(enterprise: "A").first?.status == "eligible")
        // The firm's chain nodes read as the nodes' names per language; `value` keeps the ids for the API.
        let nodes = try #require(b["young"]?.conditions.last)
        let index = try ExploreFixture.index()
        let ids = nodes.value.split(separator: ",").map(String.init)
        #expect(!ids.isEmpty)
        #expect(nodes.valueZh == ids.map { index.nodesById[$0]?.nameZh ?? "?" }.joined(separator: "、"))
        #expect(nodes.valueEn == ids.map { index.nodesById[$0]?.nameEn ?? "?" }.joined(separator: ", "))
        #expect(!(nodes.valueZh ?? "").contains("-") && nodes.valueZh != nodes.value)
    }

    @Test func aClauseListsItsFirms() throws {
        let matcher = try Self.matcher()
        let hq = try matcher.firms(policy: "hq")
        #expect(hq.eligible.map(\.id) == ["A"] && hq.eligibleCount == 1)
        let approval = try matcher.firms(policy: "approval")
        #expect(approval.eligible.map(\.id) == ["B"])
        #expect(approval.possibleCount == 3)
        #expect(try matcher.firms(policy: "people").note?.contains("人才") == true)
        #expect(throws: AnalyticsError.self) { try matcher.firms(policy: "nope") }
    }
}
