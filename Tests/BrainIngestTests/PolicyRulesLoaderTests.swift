import Foundation
import Testing
import BrainIngest
import BrainModel

/// The bundled eligibility rules load against the bundled policies, and a bad rule names its position and field.
@Suite struct PolicyRulesLoaderTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data")
    static let source = Provenance(source: "test", asOf: "2024")

    @Test func bundledRulesCoverEveryBundledPolicy() throws {
        let policies = try BundleLoader(folder: Self.data).load().bundle.policies
        let rules = try PolicyRulesLoader.load(dataFolder: Self.data, policies: policies)
        #expect(Set(rules.map(\.policyId)) == Set(policies.map(\.id)))
        #expect(rules.first { $0.policyId == "sz-hq" }?.conditions.map(\.field) == ["biomedicine", "listed"])
    }

    @Test func badRulesAreNamed() {
        let policies = [Policy(id: "p", regionCode: "320500", title: "t", clause: "c", eligibility: "e", maxAmountWan: nil, period: "", provenance: Self.source)]
        #expect(throws: PolicyRulesLoader.RuleError(file: "f", rule: 1, field: "policyId", reason: "no policy q")) {
            try PolicyRulesLoader.validate([PolicyRule(policyId: "q", subject: "enterprise", conditions: [])], policies: policies, file: "f")
        }
        #expect(throws: PolicyRulesLoader.RuleError(file: "f", rule: 2, field: "height", reason: "unknown attribute")) {
            try PolicyRulesLoader.validate([PolicyRule(policyId: "p", subject: "enterprise", conditions: []),
                                            PolicyRule(policyId: "p", subject: "enterprise", conditions: [.init(field: "height", atLeast: 1)])],
                                           policies: policies, file: "f")
        }
        #expect(throws: PolicyRulesLoader.RuleError(file: "f", rule: 1, field: "listed", reason: "needs exactly one test")) {
            try PolicyRulesLoader.validate([PolicyRule(policyId: "p", subject: "enterprise", conditions: [.init(field: "listed")])],
                                           policies: policies, file: "f")
        }
    }
}
