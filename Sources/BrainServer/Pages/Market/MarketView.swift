import BrainAnalytics
import BrainModel

/// Template values of the market pages.
enum MarketView {
    /// Rows shown of imported offers and talents (talents strongest first).
    static let listed = 50

    static func page(organisation: Organisation?, demands: [MarketRecord], offers: [MarketRecord], talents: [MarketRecord],
                     index: SnapshotIndex, error: Reason?, form: [String: String]) -> [String: Any] {
        let nodes = index.data.taxonomy.nodes
        let nodeName = { (id: String) in index.nodesById[id]?.nameZh ?? id }
        let regionName = { (code: String?) in code.flatMap { index.regionsByCode[$0]?.name } ?? "" }
        let chosenNode = form["node"] ?? "cro"
        let scored = talents.compactMap { r in r.body.talent.map { (r, $0, LeadingTalentScore($0)) } }
            .sorted { ($0.2.total, $1.0.id) > ($1.2.total, $0.0.id) }
        return presentValues([
            "organisation": organisation.map { ["id": $0.id, "name": $0.name] },
            "error": error.map { reason -> [String: String] in
                let text = ReasonText.bilingual(reason)
                return ["zh": text.zh, "en": text.en]
            } as Any,
            "demands": demands.compactMap { record -> [String: Any]? in
                guard let d = record.body.demand else { return nil }
                return presentValues([
                    "id": record.id, "title": d.title, "organisation": record.organisationName, "need": d.need == .service ? "服务" : "人才", "needEn": d.need == .service ? "service" : "talent",
                    "node": nodeName(d.nodeId), "region": regionName(d.regionCode),
                    "budget": d.budgetWan.map { RegionView.number($0, 0) }, "shared": record.shared,
                    "mine": record.organisationId == organisation?.id, "origin": record.origin,
                ])
            },
            "offers": offers.count, "talents": talents.count, "listed": listed, "hasOffers": !offers.isEmpty, "hasTalents": !talents.isEmpty,
            "offerRows": offers.prefix(listed).compactMap { r -> [String: Any]? in
                guard let o = r.body.offer else { return nil }
                return presentValues(["provider": o.provider, "node": nodeName(o.nodeId), "region": regionName(o.regionCode),
                                      "capacity": o.capacity, "organisation": r.organisationName, "shared": r.shared])
            },
            "talentRows": scored.prefix(listed).map { r, t, score in
                presentValues(["name": t.name, "institution": t.institution, "title": t.title, "region": regionName(t.regionCode),
                               "nodes": t.nodeIds.map(nodeName).joined(separator: "、"), "honours": t.honours.map(\.nameZh).joined(separator: "、"),
                               "score": RegionView.number(score.total, 0),
                               "parts": score.parts.filter { $0.points > 0 }.map { "\($0.name) \(RegionView.number($0.points, 1))/\(Int($0.max))" }.joined(separator: " · "),
                               "organisation": r.organisationName, "shared": r.shared])
            },
            "nodes": nodes.map { node in
                ["id": node.id, "name": "\(ServiceNodes.contains(node) ? "★ " : "")\(node.nameZh)",
                 "nameEn": "\(ServiceNodes.contains(node) ? "★ " : "")\(node.nameEn)", "selected": node.id == chosenNode] as [String: Any]
            },
            "form": form.filter { !$0.value.isEmpty },
        ])
    }

    static func demand(_ record: MarketRecord, _ result: DemandMatching.Result, viewer: Organisation?) -> [String: Any] {
        let d = result.demand
        return presentValues([
            "id": record.id, "title": d.title, "organisation": record.organisationName, "shared": record.shared,
            "mine": record.organisationId == viewer?.id, "signedIn": viewer != nil,
            "need": d.need == .service ? "服务" : "人才", "needEn": d.need == .service ? "service" : "talent", "isTalent": d.need == .talent,
            "node": result.node.nameZh, "region": result.region.name, "detail": d.detail,
            "budget": d.budgetWan.map { RegionView.number($0, 0) }, "deadline": d.deadline, "degree": d.minDegree?.nameZh,
            "years": d.minYears, "headcount": d.headcount, "formula": result.formula, "candidates": result.candidates,
            "matches": result.matches.map { m in
                presentValues([
                    "rank": m.rank, "name": m.name, "firmId": m.firm?.id, "source": m.source.rawValue,
                    "place": m.firm?.cityName ?? m.firm?.provinceName ?? m.regionName, "score": RegionView.number(m.score, 3), "reasons": m.reasons,
                ])
            },
        ])
    }
}
