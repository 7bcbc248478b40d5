import Foundation
import BrainModel

/// Reads `policies/eligibility.json`: one rule per policy clause. A rule naming an unknown clause or attribute, or a
/// condition with no test, is an error that names the file, the rule's position and the field.
public enum PolicyRulesLoader {
    public struct RuleError: Error, CustomStringConvertible, Equatable {
        public let file: String
        public let rule: Int
        public let field: String
        public let reason: String
        public var description: String { "\(file): rule \(rule), \(field): \(reason)" }

        public init(file: String, rule: Int, field: String, reason: String) {
            (self.file, self.rule, self.field, self.reason) = (file, rule, field, reason)
        }
    }

    public static func load(dataFolder: URL, policies: [Policy]) throws -> [PolicyRule] {
        let url = dataFolder.appendingPathComponent("policies/eligibility.json")
        let rules: [PolicyRule]
        do {
            rules = try JSONDecoder().decode([PolicyRule].self, from: try Data(contentsOf: url))
        } catch let error as DecodingError {
            throw RuleError(file: "policies/eligibility.json", rule: 0, field: "-", reason: "not a list of rules: \(error)")
        }
        try validate(rules, policies: policies, file: "policies/eligibility.json")
        return rules
    }

    public static func validate(_ rules: [PolicyRule], policies: [Policy], file: String) throws {
        let known = Set(policies.map(\.id))
        for (i, rule) in rules.enumerated() {
            let position = i + 1
            guard known.contains(rule.policyId) else { throw RuleError(file: file, rule: position, field: "policyId", reason: "no policy \(rule.policyId)") }
            guard ["enterprise", "talent"].contains(rule.subject) else {
                throw RuleError(file: file, rule: position, field: "subject", reason: "is enterprise or talent, not \(rule.subject)")
            }
            for condition in rule.conditions {
                guard PolicyRule.Condition.fields.contains(condition.field) else {
                    throw RuleError(file: file, rule: position, field: condition.field, reason: "unknown attribute")
                }
                let tests = [condition.equals != nil, condition.anyOf != nil, condition.atLeast != nil || condition.atMost != nil,
                             condition.within != nil, condition.anyContains != nil].filter { $0 }.count
                guard tests == 1 else { throw RuleError(file: file, rule: position, field: condition.field, reason: "needs exactly one test") }
            }
        }
    }
}
