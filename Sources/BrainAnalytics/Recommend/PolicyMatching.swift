import Foundation
import BrainModel

/// Policy matching: each clause's rule evaluated on an enterprise's attributes. A condition is met, failed, or unknown
/// (the data does not say, e.g. no approvals recorded); a clause is `eligible` when every condition is met, `possible`
/// when none failed but some are unknown, else `not eligible`. Each result lists its conditions with the firm's value.
public struct PolicyMatcher: Sendable {
    public struct ConditionResult: Codable, Sendable {
        public var condition: String
        public var value: String
        /// nil: unknown
        public var met: Bool?
    }
    public struct Match: Codable, Sendable {
        public var policy: Policy
        public var status: String
        public var conditions: [ConditionResult]
        public var action: String?
        public var maxAmountWan: Double?
    }
    public struct PolicyFirms: Codable, Sendable {
        public var policy: Policy
        public var subject: String
        public var rule: [String]
        public var eligibleCount: Int
        public var possibleCount: Int
        /// the largest firms of each group, at most the limit asked for
        public var eligible: [FirmRow]
        public var possible: [FirmRow]
        public var note: String?
    }

    let index: SnapshotIndex
    let rules: [String: PolicyRule]
    let approvals: [String: [String]]
    /// the date ages are counted to
    let asOf: String

    public init(_ index: SnapshotIndex, rules: [PolicyRule], asOf: String) {
        self.index = index
        self.rules = Dictionary(rules.map { ($0.policyId, $0) }, uniquingKeysWith: { a, _ in a })
        approvals = Dictionary(grouping: index.data.events.filter { $0.kind == .approval }, by: \.enterpriseId)
            .mapValues { $0.map { [$0.title, $0.detail].compactMap { $0 }.joined(separator: " ") } }
        self.asOf = asOf
    }

    /// Every enterprise clause for one firm, eligible first, then possible, then the rest.
    public func matches(enterprise id: String) throws(AnalyticsError) -> [Match] {
        guard let firm = index.enterprisesById[id] else { throw .unknownEnterprise(id) }
        let order = ["eligible": 0, "possible": 1, "not eligible": 2]
        return index.data.policies.compactMap { policy -> Match? in
            guard let rule = rules[policy.id], rule.subject == "enterprise" else { return nil }
            let results = rule.conditions.map { evaluate($0, firm) }
            let status = results.contains { $0.met == false } ? "not eligible" : results.contains { $0.met == nil } ? "possible" : "eligible"
            return Match(policy: policy, status: status, conditions: results, action: rule.action, maxAmountWan: policy.maxAmountWan)
        }.sorted { (order[$0.status] ?? 3, $0.policy.id) < (order[$1.status] ?? 3, $1.policy.id) }
    }

    /// The firms that qualify for one clause (eligible, and possible pending data), larger first.
    public func firms(policy id: String, limit: Int = 200) throws(AnalyticsError) -> PolicyFirms {
        guard let policy = index.data.policies.first(where: { $0.id == id }) else { throw .invalidInput("unknown policy \(id)") }
        guard let rule = rules[id] else {
            return PolicyFirms(policy: policy, subject: "enterprise", rule: [], eligibleCount: 0, possibleCount: 0, eligible: [], possible: [],
                               note: "no eligibility rule recorded for this clause")
        }
        guard rule.subject == "enterprise" else {
            return PolicyFirms(policy: policy, subject: rule.subject, rule: [], eligibleCount: 0, possibleCount: 0, eligible: [], possible: [],
                               note: "a clause for talents: import talents (issue 7's talent model) to match it")
        }
        var eligible: [Enterprise] = [], possible: [Enterprise] = []
        // Industry policies are for the industry's firms: an insurer or a coal miner is never listed, whatever its size.
        for firm in index.biomedicineEnterprises {
            let results = rule.conditions.map { evaluate($0, firm) }
            if results.contains(where: { $0.met == false }) { continue }
            if results.contains(where: { $0.met == nil }) { possible.append(firm) } else { eligible.append(firm) }
        }
        let rows = { (list: [Enterprise]) in list.sorted(by: FirmRow.bySize).prefix(limit).map { FirmRow($0, index: index) } }
        return PolicyFirms(policy: policy, subject: rule.subject, rule: rule.conditions.map(Self.describe), eligibleCount: eligible.count,
                           possibleCount: possible.count, eligible: rows(eligible),
                           possible: rows(possible), note: rule.action.map { "须 must: \($0)" })
    }

    static func describe(_ c: PolicyRule.Condition) -> String {
        if let equals = c.equals { return "\(c.field) = \(equals)" }
        if let anyOf = c.anyOf { return "\(c.field) ∈ {\(anyOf.joined(separator: ", "))}" }
        if let within = c.within { return "\(c.field) within \(within)" }
        if let words = c.anyContains { return "\(c.field) contains one of \(words.joined(separator: " / "))" }
        return [c.atLeast.map { "\(c.field) ≥ \($0)" }, c.atMost.map { "\(c.field) ≤ \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }

    func evaluate(_ c: PolicyRule.Condition, _ firm: Enterprise) -> ConditionResult {
        let text = Self.describe(c)
        func number(_ value: Double?) -> ConditionResult {
            guard let value else { return .init(condition: text, value: "unknown", met: nil) }
            let met = (c.atLeast.map { value >= $0 } ?? true) && (c.atMost.map { value <= $0 } ?? true)
            return .init(condition: text, value: String(format: "%g", value), met: met)
        }
        switch c.field {
        case "biomedicine":
            let value = index.nodesByEnterprise[firm.id] != nil
            return .init(condition: text, value: "\(value)", met: c.equals.map { $0 == value })
        case "listed":
            let value = firm.stockCode != nil
            return .init(condition: text, value: "\(value)", met: c.equals.map { $0 == value })
        case "board":
            guard let market = firm.market else { return .init(condition: text, value: "unknown", met: nil) }
            return .init(condition: text, value: market, met: c.anyOf.map { $0.contains(market) })
        case "region":
            let codes = [firm.provinceCode, firm.cityCode, firm.districtCode].compactMap { $0 }
            guard !codes.isEmpty, let within = c.within else { return .init(condition: text, value: "unknown", met: nil) }
            return .init(condition: text, value: codes.last ?? "", met: codes.contains(within))
        case "nodes":
            let nodes = index.nodesByEnterprise[firm.id] ?? []
            return .init(condition: text, value: nodes.sorted().joined(separator: ","), met: c.anyOf.map { !nodes.isDisjoint(with: $0) })
        case "employees": return number(firm.employees.map(Double.init))
        case "registeredCapitalWan": return number(firm.registeredCapitalWan)
        case "totalAssetsYi": return number(firm.totalAssetsYi)
        case "ageYears":
            guard let founded = firm.setupDate, let year = Int(founded.prefix(4)), let now = Int(asOf.prefix(4)) else { return number(nil) }
            return number(Double(now - year))
        default: // approvals: only a recorded approval can meet it; none recorded is unknown, not a failure
            let held = approvals[firm.id] ?? []
            guard let words = c.anyContains, !held.isEmpty else { return .init(condition: text, value: "none recorded", met: nil) }
            let hit = held.first { title in words.contains { title.contains($0) } }
            return .init(condition: text, value: hit ?? held.joined(separator: "; "), met: hit != nil ? true : nil)
        }
    }
}
