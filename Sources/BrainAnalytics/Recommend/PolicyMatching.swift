import Foundation
import BrainModel

/// Policy matching: each clause's rule evaluated on an enterprise's attributes. A condition is met, failed, or unknown
/// (the data does not say, e.g. no approvals recorded); a clause is `eligible` when every condition is met, `possible`
/// when none failed but some are unknown, else `not eligible`. Each result lists its conditions with the firm's value.
public struct PolicyMatcher: Sendable {
    public struct ConditionResult: Codable, Sendable {
        /// The condition in Chinese; `reason` is the same as data, to render in either language.
        public var condition: String
        public var value: String
        /// nil: unknown
        public var met: Bool?
        public var reason: Reason
        /// The value in words per language where `value` is ids (a firm's chain nodes: 医疗器械 / Medical devices, not
        /// medical-devices); nil where `value` reads as it is.
        public var valueZh: String?
        public var valueEn: String?

        init(condition: Reason, value: String, met: Bool?, valueZh: String? = nil, valueEn: String? = nil) {
            (self.condition, self.reason, self.value, self.met) = (ReasonText.render(condition, in: .zh), condition, value, met)
            (self.valueZh, self.valueEn) = (valueZh, valueEn)
        }
    }
    public struct Match: Codable, Sendable {
        public var policy: Policy
        public var status: String
        public var conditions: [ConditionResult]
        public var action: String?
        /// What the firm must do to claim the clause (apart from eligibility), worded per language.
        public var actionReason: Reason?
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
        /// `rule` and `note` in Chinese; `ruleReasons` and `noteReason` the same as data, to render in either language.
        public var note: String?
        public var ruleReasons: [Reason] = []
        public var noteReason: Reason?
    }

    let index: SnapshotIndex
    /// The bundled clauses, then those imported that the viewer may see (`including`).
    public private(set) var clauses: [Policy]
    var rules: [String: PolicyRule]
    let approvals: [String: [String]]
    /// the date ages are counted to
    let asOf: String

    public init(_ index: SnapshotIndex, rules: [PolicyRule], asOf: String) {
        self.index = index
        self.rules = Dictionary(rules.map { ($0.policyId, $0) }, uniquingKeysWith: { a, _ in a })
        clauses = index.data.policies
        approvals = Dictionary(grouping: index.data.events.filter { $0.kind == .approval }, by: \.enterpriseId)
            .mapValues { $0.map { [$0.title, $0.detail].compactMap { $0 }.joined(separator: " ") } }
        self.asOf = asOf
    }

    /// This matcher with users' imported clauses added. A clause whose id is already taken (a bundled clause, or one
    /// imported by the viewer's organisation and publicly) is shown under "id@organisation" so that neither hides the
    /// other; one path segment, so `/api/policies/{id}` routes it.
    public func including(_ imported: [ImportedPolicy]) -> PolicyMatcher {
        var matcher = self
        for clause in imported {
            var (policy, rule) = (clause.policy, clause.rule)
            if matcher.rules[policy.id] != nil || matcher.clauses.contains(where: { $0.id == policy.id }) {
                policy.id = "\(policy.id)@\(clause.organisation ?? "public")"
                rule.policyId = policy.id
            }
            matcher.clauses.append(policy)
            matcher.rules[policy.id] = rule
        }
        return matcher
    }

    /// Every enterprise clause for one firm, eligible first, then possible, then the rest.
    public func matches(enterprise id: String) throws(AnalyticsError) -> [Match] {
        guard let firm = index.enterprisesById[id] else { throw .unknownEnterprise(id) }
        let order = ["eligible": 0, "possible": 1, "not eligible": 2]
        return clauses.compactMap { policy -> Match? in
            guard let rule = rules[policy.id], rule.subject == "enterprise" else { return nil }
            let results = rule.conditions.map { evaluate($0, firm) }
            let status = results.contains { $0.met == false } ? "not eligible" : results.contains { $0.met == nil } ? "possible" : "eligible"
            return Match(policy: policy, status: status, conditions: results, action: rule.action,
                         actionReason: rule.action.map(Self.actionReason), maxAmountWan: policy.maxAmountWan)
        }.sorted { (order[$0.status] ?? 3, $0.policy.id) < (order[$1.status] ?? 3, $1.policy.id) }
    }

    /// The firms that qualify for one clause (eligible, and possible pending data), larger first.
    public func firms(policy id: String, limit: Int = 200) throws(AnalyticsError) -> PolicyFirms {
        guard let policy = clauses.first(where: { $0.id == id }) else { throw .invalidInput(Reason("analytics.unknown-policy", ["id": id])) }
        guard let rule = rules[id] else {
            return PolicyFirms(policy: policy, subject: "enterprise", rule: [], eligibleCount: 0, possibleCount: 0, eligible: [], possible: [],
                               note: Self.text(Reason("policy.no-rule")), noteReason: Reason("policy.no-rule"))
        }
        guard rule.subject == "enterprise" else {
            return PolicyFirms(policy: policy, subject: rule.subject, rule: [], eligibleCount: 0, possibleCount: 0, eligible: [], possible: [],
                               note: Self.text(Reason("policy.for-talents")), noteReason: Reason("policy.for-talents"))
        }
        var eligible: [Enterprise] = [], possible: [Enterprise] = []
        // Industry policies are for the industry's firms: an insurer or a coal miner is never listed, whatever its size.
        for firm in index.biomedicineEnterprises {
            let results = rule.conditions.map { evaluate($0, firm) }
            if results.contains(where: { $0.met == false }) { continue }
            if results.contains(where: { $0.met == nil }) { possible.append(firm) } else { eligible.append(firm) }
        }
        let rows = { (list: [Enterprise]) in list.sorted(by: FirmRow.bySize).prefix(limit).map { FirmRow($0, index: index) } }
        let conditions = rule.conditions.map { Self.describe($0, nodes: index.nodesById) }
        let note = rule.action.map(Self.actionReason)
        return PolicyFirms(policy: policy, subject: rule.subject, rule: conditions.map(Self.text), eligibleCount: eligible.count,
                           possibleCount: possible.count, eligible: rows(eligible),
                           possible: rows(possible), note: note.map(Self.text), ruleReasons: conditions, noteReason: note)
    }

    static func text(_ reason: Reason) -> String { ReasonText.render(reason, in: .zh) }

    /// A condition as a reason (ReasonCatalogue+Landing, `policy.`): the attribute's name in both languages.
    /// Node ids in a `nodes` condition are shown by the nodes' names (医疗器械, not medical-devices).
    static func describe(_ c: PolicyRule.Condition, nodes: [String: ChainNode] = [:]) -> Reason {
        let names = PolicyFieldNames.words[c.field] ?? (c.field, c.field)
        var values = ["field": names.zh, "field.en": names.en]
        if let equals = c.equals {
            values["value"] = equals ? "是" : "否"
            values["value.en"] = equals ? "yes" : "no"
            return Reason("policy.equals", values)
        }
        if let anyOf = c.anyOf {
            values["list"] = anyOf.map { c.field == "nodes" ? nodes[$0]?.nameZh ?? $0 : $0 }.joined(separator: "、")
            values["list.en"] = anyOf.map { c.field == "nodes" ? nodes[$0]?.nameEn ?? $0 : $0 }.joined(separator: ", ")
            return Reason("policy.any-of", values)
        }
        if let within = c.within { values["place"] = within; return Reason("policy.within", values) }
        if let words = c.anyContains { values["words"] = words.joined(separator: " / "); return Reason("policy.contains", values) }
        values["bounds"] = [c.atLeast.map { "≥ \(String(format: "%g", $0))" }, c.atMost.map { "≤ \(String(format: "%g", $0))" }]
            .compactMap { $0 }.joined(separator: ", ")
        return Reason("policy.range", values)
    }

    /// The data writes an action as "中文 English" (eligibility.json): the Chinese part, then the English part.
    static func actionReason(_ action: String) -> Reason {
        let (zh, en) = BilingualText.split(action)
        return Reason("policy.action", ["action": zh, "action.en": en])
    }

    func evaluate(_ c: PolicyRule.Condition, _ firm: Enterprise) -> ConditionResult {
        let text = Self.describe(c, nodes: index.nodesById)
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
            let named = nodes.sorted().map { index.nodesById[$0] }
            return .init(condition: text, value: nodes.sorted().joined(separator: ","), met: c.anyOf.map { !nodes.isDisjoint(with: $0) },
                         valueZh: zip(nodes.sorted(), named).map { $1?.nameZh ?? $0 }.joined(separator: "、"),
                         valueEn: zip(nodes.sorted(), named).map { $1?.nameEn ?? $0 }.joined(separator: ", "))
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

/// The firm attributes a policy rule can test, named in each language.
enum PolicyFieldNames {
    static let words: [String: (zh: String, en: String)] = [
        "biomedicine": ("生物医药企业", "biomedicine firm"), "listed": ("上市企业", "listed"), "board": ("上市板块", "board"),
        "region": ("所在地", "location"), "nodes": ("产业链环节", "chain nodes"), "employees": ("从业人员", "employees"),
        "registeredCapitalWan": ("注册资本（万元）", "registered capital (10k yuan)"), "totalAssetsYi": ("总资产（亿元）", "total assets (100m yuan)"),
        "ageYears": ("成立年限", "years since founding"), "approvals": ("持有批件", "approvals held"),
    ]
}
