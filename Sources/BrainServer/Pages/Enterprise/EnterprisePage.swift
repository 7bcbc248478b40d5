import Foundation
import Hummingbird
import BrainAnalytics
import BrainModel
import BrainStore

/// `/enterprises/{id}`: the portrait — quality radar with components, facts with source and date, products, chain
/// nodes with evidence, related firms, and a timeline of events.
struct EnterprisePage: Sendable {
    let store: any ImportingStore
    let cache: AnalyticsCache
    let renderer: PageRenderer

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/enterprises/:id/portrait") { _, context in
            try JSONResponse.ok(try await EnterprisePortrait.build(store: store, cache: cache, id: context.parameters.get("id") ?? ""))
        }
        // Partner discovery: suppliers and customers through product relations and firms of the same node, nearest first.
        router.get("/api/enterprises/:id/partners") { _, context in
            let id = context.parameters.get("id") ?? ""
            do {
                return try JSONResponse.ok(try RelatedFirms.report(try await cache.index(), links: try await cache.productLinks(), enterprise: id, limit: 30))
            } catch let error as AnalyticsError {
                throw PageError.from(error)
            }
        }
        router.get("/enterprises/:id") { _, context in
            try await renderer.page {
                let portrait = try await EnterprisePortrait.build(store: store, cache: cache, id: context.parameters.get("id") ?? "")
                return try renderer.render("enterprise", nav: "search", context: Self.context(portrait), data: portrait)
            }
        }
    }

    /// A value for a URL query, percent-encoded (the template then only HTML-escapes it).
    static func queryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    /// Events, plus founding and listing from the firm's own record when no event states them, newest first.
    static func timeline(_ p: EnterprisePortrait) -> [[String: String]] {
        let firm = p.detail.enterprise
        var items = p.detail.events.map {
            ["date": $0.date, "kind": $0.kind.rawValue, "title": $0.title, "detail": $0.detail ?? "", "source": $0.provenance.source]
        }
        if let listed = firm.listDate, !p.detail.events.contains(where: { $0.kind == .ipo }) {
            items.append(["date": listed, "kind": "ipo", "title": "上市 listed", "detail": [firm.stockCode, firm.market].compactMap { $0 }.joined(separator: " "),
                          "source": firm.provenance.source])
        }
        if let founded = firm.setupDate {
            items.append(["date": founded, "kind": "founded", "title": "成立 founded", "detail": "", "source": firm.provenance.source])
        }
        return items.sorted { ($0["date"] ?? "") > ($1["date"] ?? "") }
    }

    /// Words for a location's basis and reason, per language (the JSON keeps the codes).
    static let basisWords: [EnterpriseLocation.Basis: (zh: String, en: String)] = [
        .registered: ("注册地址", "registered address"), .office: ("办公地址", "office address"),
        .listingCity: ("上市公司资料所在城市", "city of the listing profile"),
    ]
    static let reasonWords: [EnterpriseLocation.Reason: (zh: String, en: String)] = [
        .noAddress: ("地址数据中无该公司（多为 2022 年后上市）", "no address on file (mostly listed after 2022)"),
        .noDistrictInAddress: ("地址未写明区县或开发区", "the address names no district or zone"),
        .cityMismatch: ("地址所在城市与公司所在城市不一致，保留城市", "the address lies in another city; the known city is kept"),
        .unresolved: ("地址无法识别", "the address could not be read"),
        .cityWithoutDistricts: ("该市不设区县", "the city has no districts"),
    ]

    static func location(_ l: EnterprisePortrait.Location) -> [String: Any] {
        presentValues([
            "level": l.level.rawValue, "regionName": l.regionName, "regionCode": l.regionCode, "isDistrict": l.level == .district ? true : nil,
            "basisZh": basisWords[l.basis]?.zh, "basisEn": basisWords[l.basis]?.en, "year": l.reportYear.map(String.init),
            "address": l.address, "reasonZh": l.reason.flatMap { reasonWords[$0]?.zh }, "reasonEn": l.reason.flatMap { reasonWords[$0]?.en },
            "otherCity": l.reasonValueName,
        ])
    }

    static func context(_ p: EnterprisePortrait) -> [String: Any] {
        let firm = p.detail.enterprise
        let timeline = Self.timeline(p)
        let firms = { (rows: [FirmRow]) in
            rows.map { ["id": $0.id, "name": $0.name, "city": $0.cityName ?? "", "reason": $0.reason ?? ""] as [String: Any] }
        }
        return presentValues([
            "id": firm.id, "name": firm.name, "fullName": firm.fullName, "stockCode": firm.stockCode,
            "provinceName": p.detail.provinceName, "provinceCode": firm.provinceCode,
            "cityName": p.detail.cityName, "cityCode": firm.cityCode, "districtName": p.districtName,
            "districtCode": firm.districtCode, "location": p.location.map(Self.location),
            "source": firm.provenance.source, "asOf": firm.provenance.asOf,
            "score": RegionView.number(p.quality?.score, 1), "rank": p.quality?.rank.map(String.init) ?? "–", "of": p.quality?.of ?? 0,
            "dimensions": (p.quality?.dimensions ?? []).map { d in
                ["dimensionZh": QualityWords.dimension(d.dimension).zh, "dimensionEn": QualityWords.dimension(d.dimension).en,
                 "score": RegionView.number(d.score, 1), "coverage": RegionView.number(d.coverage * 100, 0),
                 "components": d.components.map {
                     ["indicatorZh": QualityWords.indicator($0.indicator).zh, "indicatorEn": QualityWords.indicator($0.indicator).en,
                      "raw": RegionView.number($0.raw), "normalised": RegionView.number($0.normalised, 1)]
                 }]
            },
            "facts": p.facts.map { ["field": $0.field, "fieldZh": $0.label.zh, "fieldEn": $0.label.en, "value": $0.value, "source": $0.source, "asOf": $0.asOf, "old": !$0.current] },
            "products": p.detail.products.sorted { ($0.revenueShare ?? -1) > ($1.revenueShare ?? -1) }.map {
                ["product": $0.product, "productQuery": Self.queryValue($0.product), "share": $0.revenueShare.map { RegionView.number($0 * ($0 <= 1 ? 100 : 1), 1) + "%" } ?? "–",
                 "source": $0.provenance.source, "asOf": $0.provenance.asOf]
            },
            "nodes": p.detail.assignments.map {
                ["id": $0.nodeId, "name": p.nodeNames[$0.nodeId] ?? $0.nodeId, "method": $0.method, "confidence": RegionView.number($0.confidence),
                 "evidence": $0.evidence, "source": $0.provenance.source, "asOf": $0.provenance.asOf]
            },
            "policies": p.policies.map(PolicyView.row),
            "sameNode": firms(p.related.sameNode), "suppliers": firms(p.related.suppliers), "customers": firms(p.related.customers),
            "events": Array(timeline.prefix(60)),
            "eventCount": timeline.count,
            "curations": Self.curationRows(p), "machineNodes": Self.machineNodeRows(p),
            "hasMachineNodes": p.detail.curations.isEmpty ? nil : true,
        ])
    }
}
