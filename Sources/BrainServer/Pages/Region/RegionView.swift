import Foundation
import BrainAnalytics
import BrainModel
import BrainUseCases

/// A text in both languages, for any template (the page's language switch shows one).
struct BilingualText: Encodable, Sendable { var zh, en: String }

/// The region page's template values (`region.mustache` reads exactly these): numbers formatted, nodes grouped into
/// the chain map's tiers, labels in both languages. Optional text is nil where empty, so its section stays closed.
struct RegionView: PageView {
    typealias Text = BilingualText
    struct Link: Encodable, Sendable { var code: String; var name: String }
    /// A chain-map node; `hasFlag` is always set, so a sub-node never shows its parent's flag (Mustache looks up the stack).
    struct Node: Encodable, Sendable {
        var id, nameZh, nameEn, status, statusZh, statusEn, firms, lq: String
        var reasonsZh, reasonsEn, flagZh, flagEn: String?
        var hasFlag: Bool
        var subs: [Node]
    }
    struct Tier: Encodable, Sendable { var zh, en: String; var nodes: [Node] }
    struct Action: Encodable, Sendable { var id, nameZh, nameEn, score, firms: String; var reasons: [Text] }
    struct Opportunity: Encodable, Sendable { var rank: Int; var id, nameZh, nameEn, density, pci: String; var reason: [Text] }
    struct Peer: Encodable, Sendable { var code, name, similarity: String }
    struct Indicator: Encodable, Sendable { var labelZh, labelEn, region, peerMedian, nationalMedian, rank: String }
    struct Criterion: Encodable, Sendable { var zh, en, value, threshold: String; var met: Bool }
    struct IndexRow: Encodable, Sendable { var year, score, rank, band, change: String }
    struct Chokepoint: Encodable, Sendable { var id, nameZh, nameEn: String; var suppliers: Int; var inRegion: String; var flags: [Text] }
    struct Firm: Encodable, Sendable { var id, name, stock, employees, assets, sectors, sectorsEn: String }
    struct Park: Encodable, Sendable { var id, name, positioning: String }
    struct Target: Encodable, Sendable {
        var rank: Int
        var id, name, score: String
        var place, nodeId, nodeZh, nodeEn, role, roleZh, roleEn: String?
        var sameProvince: Bool?
        var reasons: [Text]
    }
    struct Preset: Encodable, Sendable { var id, nameZh, nameEn: String; var chosen: Bool; var weights, weightsEn: String }
    struct Weight: Encodable, Sendable { var key, nameZh, nameEn, weight: String }
    struct TalentNode: Encodable, Sendable { var nameZh, nameEn, employees: String; var firms, rank, of: Int }
    struct Offer: Encodable, Sendable { var id, name, whyZh, whyEn: String }
    struct Service: Encodable, Sendable { var service, serviceEn: String; var count: Int; var offers: [Offer] }

    var code, name, levelZh, levelEn, coverageZh, coverageEn, biomedicineEmployees, completeness, strongNodes, strongNodesEn: String
    var biomedicineFirms, listedFirms, universities, clusterMet, clusterOf, strongCount, fillMoreCount, indexOf: Int
    var hasFlagged, hasFillMore, hasParks: Bool
    var ancestors: [Link]
    var layerOptions: [LayerOptionView]
    var flagged, caveats, indexNotes: [Text]
    var tiers: [Tier]
    var fill, fillTop, fillMore, strengthen, extend: [Action]
    var opportunities, topOpportunities: [Opportunity]
    var peersBySpecialisation: [Peer]
    var peerIndicators: [Indicator]
    var criteria: [Criterion]
    var indexRows: [IndexRow]
    var chokepoints: [Chokepoint]
    var largest: [Firm]
    var parks: [Park]
    // 招商 targets, talent and services.
    var targets: [Target]
    var targetCandidates, targetPage, targetPages, talentUniversities, talentMedical, talentRank, talentOf: Int
    var talentDemands, talentHeadcount, talentImported: Int
    var targetRuleZh, targetRuleEn, talentMedicalNames, talentDemandZh, talentDemandEn: String
    var targetPresets: [Preset]
    var targetWeights: [Weight]
    var talentNodes: [TalentNode]
    var services: [Service]

    init(_ report: RegionReport, layers: [LayerChoice.Option]) {
        let region = report.region, n = Self.number
        let statusById = Dictionary(report.gaps.nodes.map { ($0.node.id, $0) }, uniquingKeysWith: { a, _ in a })
        func node(_ status: ChainGapReport.NodeStatus, subs: [Node] = []) -> Node {
            let label = Self.statusLabels[status.status] ?? (status.status, status.status)
            return Node(id: status.node.id, nameZh: status.node.nameZh, nameEn: status.node.nameEn, status: status.status,
                        statusZh: label.zh, statusEn: label.en, firms: n(status.firms, 0), lq: n(status.lq, 2),
                        reasonsZh: ReasonText.render(status.reasons, in: .zh).nonEmpty, reasonsEn: ReasonText.render(status.reasons, in: .en).nonEmpty,
                        flagZh: CoverageText.flag(status.flag), flagEn: CoverageText.flagEn(status.flag)?.nonEmpty, hasFlag: status.flag != nil, subs: subs)
        }
        func actions(_ list: some Sequence<ChainGapReport.Action>) -> [Action] {
            list.map { Action(id: $0.node.id, nameZh: $0.node.nameZh, nameEn: $0.node.nameEn, score: n($0.score, 2),
                              firms: n(statusById[$0.node.id]?.firms, 0), reasons: Self.texts($0.reasons)) }
        }
        (coverageZh, coverageEn) = (CoverageText.zh(report.coverage), CoverageText.en(report.coverage))
        // Both languages, as every note on the page: the English page read this warning in Chinese.
        flagged = report.gaps.nodes.compactMap { s in
            guard let zh = CoverageText.flag(s.flag), let en = CoverageText.flagEn(s.flag) else { return nil }
            return Text(zh: "\(s.node.nameZh) LQ \(n(s.lq, 2))（\(zh)）", en: "\(s.node.nameEn) LQ \(n(s.lq, 2)) (\(en))")
        }
        hasFlagged = !flagged.isEmpty
        layerOptions = LayerOptionView.list(layers)
        (code, name, levelZh, levelEn) = (region.code, region.name, RegionExport.levelName(region.level, .zh), RegionExport.levelName(region.level, .en))
        ancestors = region.ancestors.filter { $0.code != "000000" }.map { Link(code: $0.code, name: $0.name) }
        (biomedicineFirms, listedFirms, universities) = (region.biomedicineFirms, region.listedFirms, region.universities)
        biomedicineEmployees = n(Double(region.biomedicineEmployees), 0)
        completeness = n(report.cluster.indicators.chainCompleteness * 100, 0)
        let strong = report.gaps.nodes.filter { $0.status == "strong" }
        (strongNodes, strongNodesEn, strongCount) = (strong.map(\.node.nameZh).joined(separator: "、"), strong.map(\.node.nameEn).joined(separator: ", "), strong.count)
        (clusterMet, clusterOf) = (report.cluster.met, report.cluster.of)
        tiers = Self.tierLabels.map { tier, zh, en in
            let top = report.gaps.nodes.filter { $0.node.tier == tier && $0.parentId == nil }
            return Tier(zh: zh, en: en, nodes: top.map { parent in
                node(parent, subs: report.gaps.nodes.filter { $0.parentId == parent.node.id }.map { node($0) })
            })
        }
        // 补链 shows its first five; the rest wait behind 展开 (a 招商 team reads the top of the list).
        (fill, fillTop, fillMore) = (actions(report.gaps.fill), actions(report.gaps.fill.prefix(5)), actions(report.gaps.fill.dropFirst(5)))
        (fillMoreCount, hasFillMore) = (max(0, report.gaps.fill.count - 5), report.gaps.fill.count > 5)
        (strengthen, extend) = (actions(report.gaps.strengthen), actions(report.gaps.extend))
        opportunities = report.opportunities.opportunities.prefix(10).map { o in
            Opportunity(rank: o.rank, id: o.node.id, nameZh: o.node.nameZh, nameEn: o.node.nameEn, density: n(o.density, 2),
                        pci: n(o.pci, 2), reason: Self.texts([o.reason]))
        }
        topOpportunities = Array(opportunities.prefix(5))
        peersBySpecialisation = report.peers.bySpecialisation.map { Peer(code: $0.region.code, name: $0.region.name, similarity: n($0.similarity, 2)) }
        peerIndicators = report.peers.indicators.map { i in
            Indicator(labelZh: ReasonText.render(i.label, in: .zh), labelEn: ReasonText.render(i.label, in: .en), region: n(i.region, 2),
                      peerMedian: n(i.peerMedian, 2), nationalMedian: n(i.nationalMedian, 2), rank: i.rankAmongPeers.map(String.init) ?? "–")
        }
        criteria = report.cluster.criteria.map { c in
            Criterion(zh: ReasonText.render(c.label, in: .zh), en: ReasonText.render(c.label, in: .en), value: n(c.value, 2),
                      threshold: n(c.threshold, 2), met: c.met)
        }
        indexRows = report.innovationIndex.rows.map { row in
            IndexRow(year: row.year ?? "", score: n(row.score, 1), rank: row.rank.map(String.init) ?? "–",
                     band: row.rankBand.map { "\($0.p5)–\($0.p95)" } ?? "–",
                     change: row.change.map { (($0.points >= 0) ? "+" : "") + n($0.points, 1) } ?? "–")
        }
        indexOf = report.innovationIndex.of
        chokepoints = report.chokepoints.prefix(12).map { c in
            Chokepoint(id: c.node.id, nameZh: c.node.nameZh, nameEn: c.node.nameEn, suppliers: c.suppliers,
                       inRegion: c.suppliersInRegion.map(String.init) ?? "–", flags: Self.texts(c.flags))
        }
        largest = report.largestFirms.map { f in
            Firm(id: f.id, name: f.name, stock: f.stockCode ?? "", employees: n(f.employees.map(Double.init), 0), assets: n(f.totalAssetsYi, 2),
                 sectors: f.reason ?? "", sectorsEn: report.largestFirmNodesEn[f.id] ?? f.reason ?? "")
        }
        (parks, hasParks) = (region.parks.map { Park(id: $0.id, name: $0.name, positioning: $0.positioning.joined(separator: "、")) }, !region.parks.isEmpty)
        let targets = report.targets
        self.targets = Self.targetRows(targets)
        (targetCandidates, targetPage, targetPages) = (targets.candidates, targets.page, targets.pages)
        (targetRuleZh, targetRuleEn) = (targets.diversity.ruleZh, targets.diversity.ruleEn)
        targetPresets = targets.presets.map { preset in
            let shown = preset.shownWeights.filter { $0.weight > 0 }
            return Preset(id: preset.id, nameZh: preset.nameZh, nameEn: preset.nameEn, chosen: preset.id == targets.strategy.id,
                          weights: shown.map { "\($0.nameZh) \(n($0.weight, 2))" }.joined(separator: "，"),
                          weightsEn: shown.map { "\($0.nameEn) \(n($0.weight, 2))" }.joined(separator: ", "))
        }
        targetWeights = targets.weights.map { Weight(key: $0.key, nameZh: $0.nameZh, nameEn: $0.nameEn, weight: n($0.weight, 2)) }
        let talent = report.talent
        (talentUniversities, talentMedical, talentRank, talentOf) = (talent.universities, talent.medicalUniversities, talent.universitiesRank, talent.regionsRanked)
        talentMedicalNames = talent.medicalUniversityNames.joined(separator: "、")
        (talentDemandZh, talentDemandEn) = Self.talentNote(talent.demand)
        (talentDemands, talentHeadcount, talentImported) = (talent.demand.demands, talent.demand.headcount, talent.demand.talents)
        talentNodes = talent.nodes.prefix(12).map {
            TalentNode(nameZh: $0.node.nameZh, nameEn: $0.node.nameEn, employees: n(Double($0.employees), 0), firms: $0.firms, rank: $0.rank, of: $0.of)
        }
        services = report.services.map { match in
            Service(service: match.service.nameZh, serviceEn: match.service.nameEn, count: match.offers, offers: match.matches.map { offer in
                // The first reason names the service, already the row's heading.
                let why = Array(offer.reasons.dropFirst())
                return Offer(id: offer.firm.id, name: offer.firm.name, whyZh: ReasonText.render(why, in: .zh, separator: "; "),
                             whyEn: ReasonText.render(why, in: .en, separator: "; "))
            })
        }
        (caveats, indexNotes) = (Self.texts(report.opportunities.caveats), Self.texts(report.innovationIndex.notes))
    }

    static let statusLabels: [String: (zh: String, en: String)] = [
        "strong": ("优势", "strong"), "weak": ("薄弱", "weak"),
        "missing-related": ("缺失·可补", "missing, related"), "missing": ("缺失", "missing"),
    ]
    static let tierLabels: [(ChainTier, String, String)] = [(.upstream, "上游", "Upstream"), (.midstream, "中游", "Midstream"),
                                                            (.downstream, "下游", "Downstream")]

    /// Reasons for a template: each one's Chinese and English.
    static func texts(_ reasons: [Reason]) -> [Text] {
        reasons.map { reason in
            let text = ReasonText.bilingual(reason)
            return Text(zh: text.zh, en: text.en)
        }
    }

    /// Reasons as `zh`/`en` dictionaries, for the match page's view (`MarketView`), which still reads them so.
    static func reasonViews(_ reasons: [Reason]) -> [[String: String]] { texts(reasons).map { ["zh": $0.zh, "en": $0.en] } }

    /// What the talent counts cover, in words (the analytics' note is English and names a CLI command).
    static func talentNote(_ demand: TalentCube.TalentDemand) -> (zh: String, en: String) {
        demand.demands == 0 && demand.talents == 0
            ? ("此处暂无您可见的人才需求或人才：默认数据不含个人信息；可在「供需对接」发布需求，或导入人才名单。",
               "No talent demands or talents you can see here: the default data holds no people; post a demand under Match or import a list of talents.")
            : ("您可见的人才需求与人才：本机构自有的，以及其他机构共享的。",
               "Talent demands and talents you can see: your organisation's own and those others share.")
    }

    static func number(_ value: Double?, _ digits: Int = 2) -> String {
        guard let value, value.isFinite else { return "–" }
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = digits
        formatter.minimumFractionDigits = 0
        return formatter.string(from: NSNumber(value: value)) ?? "\(value)"
    }

    /// The 招商 rows: the node with what it is for the region (补链/强链/延链), the score, and each reason in both languages.
    static func targetRows(_ targets: InvestmentTargets.Report) -> [Target] {
        targets.targets.map { t in
            let role = t.role.flatMap { TargetRegionNodes.roleNames[$0] }
            return Target(rank: t.rank, id: t.firm.id, name: t.firm.name, score: number(t.score, 3),
                          place: [t.firm.provinceName, t.firm.cityName].compactMap { $0 }.joined(separator: " ").nonEmpty, nodeId: t.node?.id.nonEmpty, nodeZh: t.node?.nameZh.nonEmpty, nodeEn: t.node?.nameEn.nonEmpty,
                          role: t.role?.nonEmpty, roleZh: role?.zh.nonEmpty, roleEn: role?.en.nonEmpty, sameProvince: t.sameProvince ? true : nil,
                          reasons: texts(t.reasons))
        }
    }
}
