import Foundation
import BrainAnalytics
import BrainModel

/// Template values for the network and SWOT pages: the region picker's choices, the legend and rule, the quadrants.
enum NetworkView {
    static let levelNames: [RegionLevel: (zh: String, en: String)] = [
        .province: ("省级地区", "province"), .city: ("地级市", "city"), .district: ("区县", "district"), .country: ("全国", "country"),
    ]

    /// What `region-picker.mustache` reads: the regions of the region's level that have listed biomedicine firms
    /// (a datalist of names; the script maps a chosen name to its code).
    struct Picker: Encodable, Sendable {
        struct Choice: Encodable, Sendable { var code, label, firms: String }
        var levelZh, levelEn: String
        var regionChoices: [Choice]
    }

    /// `network.mustache`'s values.
    struct Network: PageView {
        struct Held: Encodable, Sendable { var id, nameZh, nameEn, firms, lq, density: String; var specialised: Bool }
        var code, name, ruleZh, ruleEn: String
        var picker: Picker
        var caveats: [BilingualText]
        var specialised, present, absent, nodeCount, edgeCount: Int
        /// The table under the chart: the specialised and present nodes, the chart's filled and outlined ones.
        var held: [Held]
    }

    /// `swot.mustache`'s values.
    struct SWOT: PageView {
        struct Item: Encodable, Sendable { var id, nameZh, nameEn, reasonZh, reasonEn: String }
        struct Section: Encodable, Sendable { var quadrant, titleZh, titleEn: String; var items: [Item]; var empty: BilingualText? }
        var code, name: String
        var picker: Picker
        var sections: [Section]
        var peers: [RegionView.Link]
        var defaultPeers: Bool
        var scope: [BilingualText]
    }

    /// A name shared by two regions carries its province to tell them apart.
    static func picker(_ region: RegionRef, cache: AnalyticsCache) async throws -> Picker {
        let analysis = try await cache.analysis(level: region.level)
        let index = analysis.index, sizes = analysis.table.matrix.rowSums
        let rows = analysis.table.matrix.rowLabels.enumerated().filter { sizes[$0.offset] > 0 }
        let names = Dictionary(grouping: rows.compactMap { index.regionsByCode[$0.element] }, by: \.name)
        let choices = rows.compactMap { row -> Picker.Choice? in
            guard let found = index.regionsByCode[row.element] else { return nil }
            let province = index.lineage(found.code).first { $0.level == .province && $0.code != found.code }?.name
            let label = (names[found.name]?.count ?? 0) > 1 ? "\(found.name)（\(province ?? found.code)）" : found.name
            return Picker.Choice(code: found.code, label: label, firms: String(format: "%.0f", sizes[row.offset]))
        }.sorted { $0.code < $1.code }
        let level = levelNames[region.level] ?? (region.level.rawValue, region.level.rawValue)
        return Picker(levelZh: level.zh, levelEn: level.en, regionChoices: choices)
    }

    static func network(_ report: RelatednessNetwork, picker: Picker) -> Network {
        let rule = ReasonText.bilingual(report.rule), n = RegionView.number
        return Network(code: report.region.code, name: report.region.name, ruleZh: rule.zh, ruleEn: rule.en, picker: picker,
                       caveats: RegionView.texts(report.caveats), specialised: report.counts["specialised"] ?? 0,
                       present: report.counts["present"] ?? 0, absent: report.counts["absent"] ?? 0,
                       nodeCount: report.nodes.count, edgeCount: report.edges.count,
                       held: report.nodes.filter { $0.presence != .absent }.sorted { ($0.lq ?? 0) > ($1.lq ?? 0) }.map { node in
                           Network.Held(id: node.node.id, nameZh: node.node.nameZh, nameEn: node.node.nameEn, firms: n(node.regionFirms, 0),
                                        lq: n(node.lq, 2), density: n(node.density, 2), specialised: node.presence == .specialised)
                       })
    }

    static func swot(_ report: PeerSWOT, picker: Picker) -> SWOT {
        let sections = report.sections.map { section in
            let title = ReasonText.bilingual(section.title)
            return SWOT.Section(quadrant: section.quadrant.rawValue, titleZh: title.zh, titleEn: title.en, items: section.items.map { item in
                let reason = ReasonText.bilingual(item.reason)
                return SWOT.Item(id: item.node.id, nameZh: item.node.nameZh, nameEn: item.node.nameEn, reasonZh: reason.zh, reasonEn: reason.en)
            }, empty: section.empty.map { RegionView.texts([$0])[0] })
        }
        return SWOT(code: report.region.code, name: report.region.name, picker: picker, sections: sections,
                    peers: report.peers.map { RegionView.Link(code: $0.code, name: $0.name) },
                    defaultPeers: report.defaultPeers, scope: RegionView.texts(report.scope))
    }
}
