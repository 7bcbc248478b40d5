import Foundation
import BrainAnalytics
import BrainModel

/// Template values for the network and SWOT pages: the region picker's choices, the legend and rule, the quadrants.
enum NetworkView {
    static let levelNames: [RegionLevel: (zh: String, en: String)] = [
        .province: ("省级地区", "province"), .city: ("地级市", "city"), .district: ("区县", "district"), .country: ("全国", "country"),
    ]

    /// The regions of the region's level that have listed biomedicine firms, for the picker (a datalist of names; the
    /// script maps a chosen name to its code). A name shared by two regions carries its province to tell them apart.
    static func picker(_ region: RegionRef, cache: AnalyticsCache) async throws -> [String: Any] {
        let analysis = try await cache.analysis(level: region.level)
        let index = analysis.index, sizes = analysis.table.matrix.rowSums
        let rows = analysis.table.matrix.rowLabels.enumerated().filter { sizes[$0.offset] > 0 }
        let names = Dictionary(grouping: rows.compactMap { index.regionsByCode[$0.element] }, by: \.name)
        let choices = rows.compactMap { row -> [String: String]? in
            guard let found = index.regionsByCode[row.element] else { return nil }
            let province = index.lineage(found.code).first { $0.level == .province && $0.code != found.code }?.name
            let label = (names[found.name]?.count ?? 0) > 1 ? "\(found.name)（\(province ?? found.code)）" : found.name
            return ["code": found.code, "label": label, "firms": String(format: "%.0f", sizes[row.offset])]
        }.sorted { ($0["code"] ?? "") < ($1["code"] ?? "") }
        let level = levelNames[region.level] ?? (region.level.rawValue, region.level.rawValue)
        return ["code": region.code, "name": region.name, "regionChoices": choices, "levelZh": level.zh, "levelEn": level.en]
    }

    static func network(_ report: RelatednessNetwork) -> [String: Any] {
        let rule = ReasonText.bilingual(report.rule)
        return ["ruleZh": rule.zh, "ruleEn": rule.en, "caveats": RegionView.reasonViews(report.caveats),
                "threshold": String(format: "%.2f", report.threshold),
                "specialised": report.counts["specialised"] ?? 0, "present": report.counts["present"] ?? 0,
                "absent": report.counts["absent"] ?? 0, "nodeCount": report.nodes.count, "edgeCount": report.edges.count,
                // The table under the chart: the specialised and present nodes, the chart's filled and outlined ones.
                "held": report.nodes.filter { $0.presence != .absent }.sorted { ($0.lq ?? 0) > ($1.lq ?? 0) }.map { node in
                    ["id": node.node.id, "nameZh": node.node.nameZh, "nameEn": node.node.nameEn, "firms": RegionView.number(node.regionFirms, 0),
                     "lq": RegionView.number(node.lq), "density": RegionView.number(node.density),
                     "specialised": node.presence == .specialised]
                }]
    }

    static func swot(_ report: PeerSWOT) -> [String: Any] {
        let sections = report.sections.map { section -> [String: Any] in
            let title = ReasonText.bilingual(section.title)
            var view: [String: Any] = ["quadrant": section.quadrant.rawValue, "titleZh": title.zh, "titleEn": title.en,
                                       "items": section.items.map { item -> [String: Any] in
                                           let reason = ReasonText.bilingual(item.reason)
                                           return ["id": item.node.id, "nameZh": item.node.nameZh, "nameEn": item.node.nameEn,
                                                   "reasonZh": reason.zh, "reasonEn": reason.en]
                                       }]
            if let empty = section.empty {
                let text = ReasonText.bilingual(empty)
                view["empty"] = ["zh": text.zh, "en": text.en]
            }
            return view
        }
        return ["sections": sections, "peers": report.peers.map { ["code": $0.code, "name": $0.name] },
                "defaultPeers": report.defaultPeers, "scope": RegionView.reasonViews(report.scope)]
    }
}
