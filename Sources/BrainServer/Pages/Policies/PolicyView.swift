import BrainAnalytics
import BrainModel

/// Policy results as the pages show them: every condition, status and action in both languages (the language
/// switch shows one).
enum PolicyView {
    static let statusWords: [String: (zh: String, en: String)] = [
        "eligible": ("符合", "eligible"), "possible": ("可能符合", "possible"), "not eligible": ("不符合", "not eligible"),
    ]
    /// The firm's values the matcher writes in words.
    static let valueWords: [String: (zh: String, en: String)] = [
        "true": ("是", "yes"), "false": ("否", "no"), "unknown": ("未知", "unknown"), "none recorded": ("无记录", "none recorded"),
    ]

    /// A clause's maximum amount: 万元 in Chinese, million yuan in English (1 万元 = 10,000 yuan).
    static func amount(_ wan: Double?, _ language: DisplayLanguage) -> String {
        guard let wan else { return "–" }
        if language == .zh { return RegionView.number(wan, 0) + " 万元" }
        let million = wan / 100
        return RegionView.number(million, million == million.rounded() ? 0 : 2) + " million yuan"
    }

    /// One clause for one firm, as the enterprise page shows it (nil where there is nothing to show).
    struct Row: Encodable, Sendable {
        var id: String?
        var clause: String?
        var title: String?
        var statusZh: String?
        var statusEn: String?
        var eligible: Bool?
        var amount: String?
        var amountEn: String?
        var actionZh: String?
        var actionEn: String?
        var conditionsZh: String?
        var conditionsEn: String?
    }

    /// One clause for one firm (the enterprise page).
    static func row(_ match: PolicyMatcher.Match) -> Row {
        // Eligibility is the conditions only; a clause that also asks the firm to act (move its HQ to 苏州, set up an
        // entity) is not "符合" as it stands: its status says the conditions are met and the action has its own column.
        let status: (zh: String, en: String) = match.action != nil && match.status == "eligible" ? ("符合条件，尚需行动", "conditions met; action needed")
            : statusWords[match.status] ?? (match.status, match.status)
        func conditions(_ language: DisplayLanguage) -> String {
            match.conditions.map { result in
                let value = (language == .zh ? result.valueZh : result.valueEn)
                    ?? valueWords[result.value].map { language == .zh ? $0.zh : $0.en } ?? result.value
                let mark = result.met.map { $0 ? "✔" : "✘" } ?? "?"
                return "\(ReasonText.render(result.reason, in: language))（\(value)）\(mark)"
            }.joined(separator: language == .zh ? "；" : "; ")
        }
        let action = match.actionReason.map(ReasonText.bilingual)
        return Row(id: match.policy.id.nonEmpty, clause: match.policy.clause.nonEmpty, title: match.policy.title.nonEmpty,
                   statusZh: status.zh.nonEmpty, statusEn: status.en.nonEmpty, eligible: match.status == "eligible" && match.action == nil ? true : nil,
                   amount: amount(match.maxAmountWan, .zh), amountEn: amount(match.maxAmountWan, .en),
                   actionZh: action?.zh.nonEmpty, actionEn: action?.en.nonEmpty,
                   conditionsZh: conditions(.zh).nonEmpty, conditionsEn: conditions(.en).nonEmpty)
    }

    /// One clause with the firms that qualify (the /policies page); nil where there is nothing to show.
    struct Clause: Encodable, Sendable {
        struct Firm: Encodable, Sendable { var id: String; var name: String }
        var id: String?
        var title: String?
        var clause: String?
        var eligibility: String?
        var region: String?
        var amount: String
        var amountEn: String
        var subject: String?
        var ruleZh: String?
        var ruleEn: String?
        var noteZh: String?
        var noteEn: String?
        var eligible: Int
        var possible: Int
        var firms: [Firm]
        var source: String?
    }

    static func clause(_ item: PolicyMatcher.PolicyFirms) -> Clause {
        let note = item.noteReason.map(ReasonText.bilingual)
        return Clause(id: item.policy.id.nonEmpty, title: item.policy.title.nonEmpty, clause: item.policy.clause.nonEmpty,
                      eligibility: item.policy.eligibility.nonEmpty, region: item.policy.regionCode.nonEmpty,
                      amount: amount(item.policy.maxAmountWan, .zh), amountEn: amount(item.policy.maxAmountWan, .en),
                      subject: item.subject.nonEmpty,
                      ruleZh: ReasonText.render(item.ruleReasons, in: .zh).nonEmpty, ruleEn: ReasonText.render(item.ruleReasons, in: .en).nonEmpty,
                      noteZh: note?.zh.nonEmpty, noteEn: note?.en.nonEmpty,
                      eligible: item.eligibleCount, possible: item.possibleCount,
                      firms: item.eligible.prefix(8).map { Clause.Firm(id: $0.id, name: $0.name) },
                      source: item.policy.provenance.source.nonEmpty)
    }
}

/// The /policies page: every clause with the firms that qualify.
struct PoliciesView: PageView {
    var policies: [PolicyView.Clause]

    init(_ list: [PolicyMatcher.PolicyFirms]) { policies = list.map(PolicyView.clause) }
}
