/// A policy clause a user imported (`brain import --kind policies`, `POST /api/imports?kind=policies`): the clause as
/// the bundled ones are described (`Policy`) and who may claim it (`PolicyRule`, with the action the firm must take
/// kept apart from its eligibility). `organisation` nil: public (imported by the operator or an admin).
public struct ImportedPolicy: Codable, Sendable, Hashable {
    public var policy: Policy
    public var rule: PolicyRule
    public var organisation: String?
    /// The file's row it came from (1 = the header).
    public var line: Int

    public init(policy: Policy, rule: PolicyRule, organisation: String? = nil, line: Int = 0) {
        (self.policy, self.rule, self.organisation, self.line) = (policy, rule, organisation, line)
    }
}
