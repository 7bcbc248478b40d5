import BrainAnalytics
import BrainModel

/// What `enterprise.mustache` reads. Text that may be empty is optional and nil when empty: a Mustache section shows
/// for any present value, and an absent name inside a list reads the page's own (the firm's `source` under a
/// curation without one), as the template was written for.
struct EnterpriseView: PageView {
    struct Location: Encodable, Sendable {
        var level: String
        var regionName: String?
        var regionCode: String?
        var isDistrict: Bool?
        var basisZh: String?
        var basisEn: String?
        var year: String?
        var address: String?
        var reasonZh: String?
        var reasonEn: String?
        var otherCity: String?
    }
    struct Component: Encodable, Sendable {
        var indicatorZh: String
        var indicatorEn: String
        var raw: String
        var normalised: String
    }
    struct Dimension: Encodable, Sendable {
        var dimensionZh: String
        var dimensionEn: String
        var score: String
        var coverage: String
        var components: [Component]
    }
    struct Fact: Encodable, Sendable {
        var field: String
        var fieldZh: String
        var fieldEn: String
        var value: String
        var source: String
        var sourceEn: String
        var asOf: String
        var old: Bool
    }
    struct Product: Encodable, Sendable {
        var product: String
        var productQuery: String
        var share: String
        var source: String
        var asOf: String
    }
    struct Node: Encodable, Sendable {
        var id: String
        var name: String
        var nameEn: String
        var method: String
        var confidence: String
        var evidence: String
        var evidenceText: EvidenceText?
        var source: String
        var asOf: String
    }
    struct Firm: Encodable, Sendable {
        var id: String
        var name: String
        var city: String
        var reason: String
        var reasonEn: String
    }
    struct Event: Encodable, Sendable {
        var date: String
        var kind: String
        var title: String
        /// The title in English where it is ours (listed, founded); nil for an event's stored title, shown as it is.
        var titleEn: String?
        var detail: String
        /// The detail in English where it is ours (the listing's board); nil for an event's stored detail, shown as data.
        var detailEn: String?
        var source: String
    }
    struct CurationRow: Encodable, Sendable {
        var id: String?
        var action: String?
        var target: String?
        var author: String?
        var date: String?
        var reason: String?
        var source: String?
        var revoked: Bool?
        /// The viewer's organisation's own curation, not yet published: listed to it, applied to nobody.
        var unpublished: Bool?
    }
    struct MachineNode: Encodable, Sendable {
        var id: String
        var name: String
        var method: String
        var evidence: String
        var evidenceText: EvidenceText?
        var confidence: String
    }
    var id: String?
    var name: String?
    var fullName: String?
    var stockCode: String?
    var provinceName: String?
    var provinceCode: String?
    var cityName: String?
    var cityCode: String?
    var districtName: String?
    var districtCode: String?
    var location: Location?
    var source: String?
    var asOf: String?
    var score: String?
    var rank: String?
    var of: Int
    var dimensions: [Dimension]
    var facts: [Fact]
    var products: [Product]
    var nodes: [Node]
    /// The policy rows as `PolicyView.row` words them (shared with other pages).
    var policies: [PolicyView.Row]
    var sameNode: [Firm]
    var suppliers: [Firm]
    var customers: [Firm]
    /// The newest 60; `eventCount` all of them.
    var events: [Event]
    var eventCount: Int
    var curations: [CurationRow]
    var machineNodes: [MachineNode]
    var hasMachineNodes: Bool?
}

extension String {
    /// nil for "": what a template section should not show.
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension Optional<String> {
    var nonEmpty: String? { flatMap(\.nonEmpty) }
}

extension EnterpriseView {
    init(_ p: EnterprisePortrait) {
        let firm = p.detail.enterprise
        let timeline = Self.timeline(p)
        let firms = { (rows: [FirmRow]) in rows.map { firm in
            let relation = firm.relation.map(ReasonText.bilingual)
            return Firm(id: firm.id, name: firm.name, city: firm.cityName ?? "", reason: relation?.zh ?? firm.reason ?? "", reasonEn: relation?.en ?? firm.reason ?? "")
        } }
        id = firm.id.nonEmpty
        name = firm.name.nonEmpty
        fullName = firm.fullName.nonEmpty
        stockCode = firm.stockCode.nonEmpty
        provinceName = p.detail.provinceName.nonEmpty
        provinceCode = firm.provinceCode.nonEmpty
        cityName = p.detail.cityName.nonEmpty
        cityCode = firm.cityCode.nonEmpty
        districtName = p.districtName.nonEmpty
        districtCode = firm.districtCode.nonEmpty
        location = p.location.map(Self.location)
        source = firm.provenance.source.nonEmpty
        asOf = firm.provenance.asOf.nonEmpty
        score = RegionView.number(p.quality?.score, 1).nonEmpty
        rank = (p.quality?.rank.map(String.init) ?? "–").nonEmpty
        of = p.quality?.of ?? 0
        dimensions = (p.quality?.dimensions ?? []).map { d in
            Dimension(dimensionZh: QualityWords.dimension(d.dimension).zh, dimensionEn: QualityWords.dimension(d.dimension).en,
                      score: RegionView.number(d.score, 1), coverage: RegionView.number(d.coverage * 100, 0),
                      components: d.components.map {
                          Component(indicatorZh: QualityWords.indicator($0.indicator).zh, indicatorEn: QualityWords.indicator($0.indicator).en,
                                    raw: RegionView.number($0.raw), normalised: RegionView.number($0.normalised, 1))
                      })
        }
        facts = p.facts.map { Fact(field: $0.field, fieldZh: $0.label.zh, fieldEn: $0.label.en, value: $0.value,
                                  source: $0.sourceReason.map { ReasonText.render($0, in: .zh) } ?? $0.source,
                                  sourceEn: $0.sourceReason.map { ReasonText.render($0, in: .en) } ?? $0.source, asOf: $0.asOf, old: !$0.current) }
        products = p.detail.products.sorted { ($0.revenueShare ?? -1) > ($1.revenueShare ?? -1) }.map {
            Product(product: $0.product, productQuery: EnterprisePage.queryValue($0.product),
                    share: $0.revenueShare.map { RegionView.number($0 * ($0 <= 1 ? 100 : 1), 1) + "%" } ?? "–",
                    source: $0.provenance.source, asOf: $0.provenance.asOf)
        }
        nodes = p.detail.assignments.map {
            Node(id: $0.nodeId, name: p.nodeNames[$0.nodeId] ?? $0.nodeId, nameEn: p.nodeNamesEn?[$0.nodeId] ?? p.nodeNames[$0.nodeId] ?? $0.nodeId, method: $0.method, confidence: RegionView.number($0.confidence),
                 evidence: $0.evidence, evidenceText: EvidenceText(stored: $0.evidence), source: $0.provenance.source, asOf: $0.provenance.asOf)
        }
        policies = p.policies.map(PolicyView.row)
        sameNode = firms(p.related.sameNode)
        suppliers = firms(p.related.suppliers)
        customers = firms(p.related.customers)
        events = Array(timeline.prefix(60))
        eventCount = timeline.count
        curations = Self.curationRows(p)
        machineNodes = Self.machineNodeRows(p)
        hasMachineNodes = p.detail.curations.contains { $0.curation.isPublic } ? true : nil
    }

    /// Tushare's board names (`stock_basic.market`) in English; another board shows as written, quoted.
    static let boardNames = ["主板": "Main Board", "创业板": "ChiNext", "科创板": "STAR Market", "北交所": "Beijing Stock Exchange"]

    /// Events, plus founding and listing from the firm's own record when no event states them, newest first.
    static func timeline(_ p: EnterprisePortrait) -> [Event] {
        let firm = p.detail.enterprise
        var items = p.detail.events.map {
            Event(date: $0.date, kind: $0.kind.rawValue, title: $0.title, titleEn: nil, detail: $0.detail ?? "", source: $0.provenance.source)
        }
        if let listed = firm.listDate, !p.detail.events.contains(where: { $0.kind == .ipo }) {
            let board = firm.market.map { (zh: $0, en: Self.boardNames[$0] ?? "“\($0)”") }
            items.append(Event(date: listed, kind: "ipo", title: "上市", titleEn: "listed",
                               detail: [firm.stockCode, board?.zh].compactMap { $0 }.joined(separator: " "),
                               detailEn: [firm.stockCode, board?.en].compactMap { $0 }.joined(separator: " "), source: firm.provenance.source))
        }
        if let founded = firm.setupDate {
            items.append(Event(date: founded, kind: "founded", title: "成立", titleEn: "founded", detail: "", source: firm.provenance.source))
        }
        return items.sorted { $0.date > $1.date }
    }

    static func location(_ l: EnterprisePortrait.Location) -> Location {
        let basis = EnterprisePage.basisWords[l.basis], reason = l.reason.flatMap { EnterprisePage.reasonWords[$0] }
        return Location(level: l.level.rawValue, regionName: l.regionName.nonEmpty, regionCode: l.regionCode.nonEmpty,
                        isDistrict: l.level == .district ? true : nil, basisZh: basis?.zh.nonEmpty, basisEn: basis?.en.nonEmpty,
                        year: l.reportYear.map(String.init), address: l.address.nonEmpty, reasonZh: reason?.zh.nonEmpty,
                        reasonEn: reason?.en.nonEmpty, otherCity: l.reasonValueName.nonEmpty)
    }
}
