import BrainAnalytics
import BrainModel

/// The `/match` page (match.mustache): the demands the caller can see, the imported offers and talents, the demand form
/// (refilled after a rejected post) and the error that rejected it.
struct MarketView: PageView {
    /// Rows shown of imported offers and talents (talents strongest first).
    static let listed = 50

    struct Named: Encodable, Sendable { var id: String; var name: String }
    struct Text: Encodable, Sendable { var zh: String; var en: String }
    struct Demand: Encodable, Sendable {
        var id: Int
        var title: String
        var organisation: String
        var need: String
        var needEn: String
        var node: String
        var region: String
        var budget: String?
        var shared: Bool
        var mine: Bool
    }
    struct Offer: Encodable, Sendable {
        var provider: String
        var node: String
        var region: String
        var capacity: String?
        var organisation: String
        var shared: Bool
    }
    struct Talent: Encodable, Sendable {
        var name: String
        var institution: String?
        var title: String?
        var region: String
        var nodes: String
        var honours: String
        var score: String
        var parts: String
        var organisation: String
        var shared: Bool
    }
    struct NodeOption: Encodable, Sendable { var id: String; var name: String; var nameEn: String; var selected: Bool }
    /// The fields of a rejected post, shown again (nil where the post left them empty).
    struct Form: Encodable, Sendable {
        var title, detail, region, budget, deadline, years, headcount: String?

        init(_ fields: [String: String]) {
            (title, detail, region, budget) = (fields["title"]?.nonEmpty, fields["detail"]?.nonEmpty, fields["region"]?.nonEmpty, fields["budget"]?.nonEmpty)
            (deadline, years, headcount) = (fields["deadline"]?.nonEmpty, fields["years"]?.nonEmpty, fields["headcount"]?.nonEmpty)
        }
    }

    var organisation: Named?
    var csrfToken: String?
    var error: Text?
    var demands: [Demand]
    var offers: Int
    var talents: Int
    var listed: Int
    var hasOffers: Bool
    var hasTalents: Bool
    var offerRows: [Offer]
    var talentRows: [Talent]
    var nodes: [NodeOption]
    var form: Form

    init(organisation: Organisation?, csrfToken: String?, demands: [MarketRecord], offers: [MarketRecord], talents: [MarketRecord],
         index: SnapshotIndex, error: Reason?, form: [String: String]) {
        let nodeName = { (id: String) in index.nodesById[id]?.nameZh ?? id }
        let regionName = { (code: String?) in code.flatMap { index.regionsByCode[$0]?.name } ?? "" }
        let chosenNode = form["node"] ?? "cro"
        let scored = talents.compactMap { r in r.body.talent.map { (r, $0, LeadingTalentScore($0)) } }
            .sorted { ($0.2.total, $1.0.id) > ($1.2.total, $0.0.id) }
        self.organisation = organisation.map { Named(id: $0.id, name: $0.name) }
        self.csrfToken = csrfToken
        self.error = error.map { reason in
            let text = ReasonText.bilingual(reason)
            return Text(zh: text.zh, en: text.en)
        }
        self.demands = demands.compactMap { record in
            guard let d = record.body.demand else { return nil }
            return Demand(id: record.id, title: d.title, organisation: record.organisationName,
                          need: d.need == .service ? "服务" : "人才", needEn: d.need == .service ? "service" : "talent",
                          node: nodeName(d.nodeId), region: regionName(d.regionCode), budget: d.budgetWan.map { RegionView.number($0, 0) },
                          shared: record.shared, mine: record.organisationId == organisation?.id)
        }
        (self.offers, self.talents, listed) = (offers.count, talents.count, Self.listed)
        (hasOffers, hasTalents) = (!offers.isEmpty, !talents.isEmpty)
        offerRows = offers.prefix(Self.listed).compactMap { r in
            guard let o = r.body.offer else { return nil }
            return Offer(provider: o.provider, node: nodeName(o.nodeId), region: regionName(o.regionCode), capacity: o.capacity?.nonEmpty,
                         organisation: r.organisationName, shared: r.shared)
        }
        talentRows = scored.prefix(Self.listed).map { r, t, score in
            Talent(name: t.name, institution: t.institution?.nonEmpty, title: t.title?.nonEmpty, region: regionName(t.regionCode),
                   nodes: t.nodeIds.map(nodeName).joined(separator: "、"), honours: t.honours.map(\.nameZh).joined(separator: "、"),
                   score: RegionView.number(score.total, 0),
                   parts: score.parts.filter { $0.points > 0 }.map { "\($0.name) \(RegionView.number($0.points, 1))/\(Int($0.max))" }.joined(separator: " · "),
                   organisation: r.organisationName, shared: r.shared)
        }
        nodes = index.data.taxonomy.nodes.map { node in
            let star = ServiceNodes.contains(node) ? "★ " : ""
            return NodeOption(id: node.id, name: star + node.nameZh, nameEn: star + node.nameEn, selected: node.id == chosenNode)
        }
        self.form = Form(form)
    }
}

/// The `/match/demands/{id}` page (match-demand.mustache): one demand and who can meet it, with reasons.
struct MarketDemandView: PageView {
    struct Match: Encodable, Sendable {
        var rank: Int
        var name: String
        var firmId: String?
        var source: String
        var place: String
        var score: String
        /// Each reason in both languages (`zh`, `en`): the page's language switch shows one.
        var reasons: [[String: String]]
    }

    var id: Int
    var title: String
    var organisation: String
    var shared: Bool
    var mine: Bool
    var signedIn: Bool
    var csrfToken: String?
    var need: String
    var needEn: String
    var isTalent: Bool
    var node: String
    var region: String
    var detail: String?
    var budget: String?
    var deadline: String?
    var degree: String?
    var years: Int?
    var headcount: Int?
    var formula: String
    var candidates: Int
    var matches: [Match]

    init(_ record: MarketRecord, _ result: DemandMatching.Result, viewer: Organisation?, csrfToken: String?) {
        let d = result.demand
        (id, title, organisation, shared) = (record.id, d.title, record.organisationName, record.shared)
        (mine, signedIn, self.csrfToken) = (record.organisationId == viewer?.id, viewer != nil, csrfToken)
        (need, needEn, isTalent) = (d.need == .service ? "服务" : "人才", d.need == .service ? "service" : "talent", d.need == .talent)
        (node, region, detail) = (result.node.nameZh, result.region.name, d.detail?.nonEmpty)
        (budget, deadline, degree) = (d.budgetWan.map { RegionView.number($0, 0) }, d.deadline?.nonEmpty, d.minDegree?.nameZh.nonEmpty)
        (years, headcount, formula, candidates) = (d.minYears, d.headcount, result.formula, result.candidates)
        matches = result.matches.map { m in
            Match(rank: m.rank, name: m.name, firmId: m.firm?.id.nonEmpty, source: m.source.rawValue,
                  place: m.firm?.cityName ?? m.firm?.provinceName ?? m.regionName ?? "", score: RegionView.number(m.score, 3), reasons: RegionView.reasonViews(m.reasons))
        }
    }
}
