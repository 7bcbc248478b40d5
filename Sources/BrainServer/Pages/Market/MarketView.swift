import BrainAnalytics
import BrainModel

/// Template values of the market pages.
enum MarketView {
    static func page(organisation: Organisation?, demands: [MarketRecord], offers: Int, talents: Int, nodes: [ChainNode],
                     error: String?, form: [String: String]) -> [String: Any] {
        let chosenNode = form["node"] ?? "cro"
        return presentValues([
            "organisation": organisation.map { ["id": $0.id, "name": $0.name] },
            "error": error,
            "demands": demands.compactMap { record -> [String: Any]? in
                guard let d = record.body.demand else { return nil }
                return presentValues([
                    "id": record.id, "title": d.title, "organisation": record.organisationName, "need": d.need == .service ? "服务 service" : "人才 talent",
                    "node": nodes.first { $0.id == d.nodeId }?.nameZh ?? d.nodeId, "region": d.regionCode,
                    "budget": d.budgetWan.map { RegionView.number($0, 0) }, "shared": record.shared,
                    "mine": record.organisationId == organisation?.id, "origin": record.origin,
                ])
            },
            "offers": offers, "talents": talents,
            "nodes": nodes.map { node in
                ["id": node.id, "name": "\(ServiceNodes.contains(node) ? "★ " : "")\(node.nameZh) \(node.nameEn)", "selected": node.id == chosenNode] as [String: Any]
            },
            "form": form.filter { !$0.value.isEmpty },
        ])
    }

    static func demand(_ record: MarketRecord, _ result: DemandMatching.Result, viewer: Organisation?) -> [String: Any] {
        let d = result.demand
        return presentValues([
            "id": record.id, "title": d.title, "organisation": record.organisationName, "shared": record.shared,
            "mine": record.organisationId == viewer?.id, "signedIn": viewer != nil,
            "need": d.need == .service ? "服务 service" : "人才 talent", "isTalent": d.need == .talent,
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
