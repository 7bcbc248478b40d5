import Foundation
import Hummingbird
import BrainAnalytics
import BrainIngest
import BrainModel

/// The region's lists as a workbook a bureau can filter and forward: summary, chain nodes, 补链/强链/延链, opportunities,
/// peers, cluster criteria, chokepoints, largest firms — one sheet each, figures as in the page.
enum RegionExport {
    static func xlsx(_ report: RegionReport) throws -> Response {
        let n = { (value: Double?) in value.map { RegionView.number($0, 4).replacingOccurrences(of: ",", with: "") } ?? "" }
        let region = report.region
        let summary: [[String]] = [
            ["地区 Region", region.name], ["代码 Code", region.code], ["级别 Level", region.level.rawValue],
            ["生物医药上市企业 Biomedicine firms", "\(region.biomedicineFirms)"], ["上市企业 Listed firms", "\(region.listedFirms)"],
            ["生物医药从业人员 Employees", "\(region.biomedicineEmployees)"], ["高校 Universities", "\(region.universities)"],
            ["产业链完整度 Chain completeness", n(report.cluster.indicators.chainCompleteness)],
            ["集群标准 Cluster criteria met", "\(report.cluster.met)/\(report.cluster.of)"],
            ["来源 Source", "IndustryBrain /api/regions/\(region.code)/report"],
        ]
        let nodes = [["节点ID", "节点 Node", "Node", "环节 Tier", "上级 Parent", "状态 Status", "企业数 Firms", "区位商 LQ", "相关密度 Density", "理由 Reasons"]]
            + report.gaps.nodes.map { [$0.node.id, $0.node.nameZh, $0.node.nameEn, $0.node.tier.rawValue, $0.parentId ?? "", $0.status,
                                       n($0.firms), n($0.lq), n($0.density), $0.reasons.joined(separator: "; ")] }
        let actions = [["类别 Kind", "节点ID", "节点 Node", "得分 Score", "理由 Reasons"]]
            + (report.gaps.fill + report.gaps.strengthen + report.gaps.extend).map {
                [["fill": "补链 fill", "strengthen": "强链 strengthen", "extend": "延链 extend"][$0.kind] ?? $0.kind,
                 $0.node.id, $0.node.nameZh, n($0.score), $0.reasons.joined(separator: "; ")]
            }
        let opportunities = [["排名 Rank", "节点ID", "节点 Node", "相关密度 Density", "复杂度 PCI", "机会增益 COG", "象限 Quadrant", "本地企业 Firms here", "理由 Reason"]]
            + report.opportunities.opportunities.map { ["\($0.rank)", $0.node.id, $0.node.nameZh, n($0.density), n($0.pci), n($0.cog),
                                                        $0.quadrant, n($0.firmsInRegion), $0.reason] }
        let peers = [["指标 Indicator", "本地 Here", "对标中位 Peer median", "全国中位 National median", "对标排名 Rank among peers"]]
            + report.peers.indicators.map { [$0.indicator, n($0.region), n($0.peerMedian), n($0.nationalMedian), $0.rankAmongPeers.map(String.init) ?? ""] }
            + [[]] + [["对标地区 Peer", "代码 Code", "相似度 Similarity", "规模比 Size ratio"]]
            + report.peers.bySpecialisation.map { [$0.region.name, $0.region.code, n($0.similarity), n($0.sizeRatio)] }
        let cluster = [["标准 Criterion", "本地 Value", "门槛 Threshold", "达标 Met"]]
            + report.cluster.criteria.map { [$0.criterion, n($0.value), n($0.threshold), $0.met ? "yes" : "no"] }
            + [[]] + [["年 Year", "创新指数 Index", "排名 Rank", "p5", "p95"]]
            + report.innovationIndex.rows.map { [$0.year ?? "", n($0.score), $0.rank.map(String.init) ?? "",
                                                 $0.rankBand.map { "\($0.p5)" } ?? "", $0.rankBand.map { "\($0.p95)" } ?? ""] }
        let chokepoints = [["节点ID", "节点 Node", "全国供应商 Suppliers", "本地供应商 Here", "最大供应商 Top supplier", "判断 Flags"]]
            + report.chokepoints.map { [$0.node.id, $0.node.nameZh, "\($0.suppliers)", $0.suppliersInRegion.map(String.init) ?? "",
                                        $0.topSupplier ?? "", $0.flags.joined(separator: "; ")] }
        let firms = [["企业ID", "企业 Firm", "股票代码 Stock", "城市 City", "员工 Employees", "总资产(亿元) Assets", "节点 Nodes"]]
            + report.largestFirms.map { [$0.id, $0.name, $0.stockCode ?? "", $0.cityName ?? "", $0.employees.map(String.init) ?? "",
                                         n($0.totalAssetsYi), $0.reason ?? ""] }
        let targets = RegionExport.targetRows(report.targets, number: n)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("region-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try XLSXWriter.write(sheets: [("概况 Summary", summary), ("产业链 Chain", nodes), ("补强延 Actions", actions),
                                      ("机会 Opportunities", opportunities), ("对标 Peers", peers), ("集群 Cluster", cluster),
                                      ("卡脖子 Chokepoints", chokepoints), ("龙头 Firms", firms), ("招商 Targets", targets)], to: url)
        var response = JSONResponse.response(.ok, data: try Data(contentsOf: url),
                                             contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response.headers[.contentDisposition] = ContentDisposition.attachment("\(region.name)-\(region.code).xlsx")
        return response
    }
}

/// `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987), so Chinese names survive.
enum ContentDisposition {
    static func attachment(_ filename: String) -> String {
        let ascii = String(filename.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}

extension RegionExport {
    /// The 招商 sheet: one row per target of the chosen strategy and page, then the strategy's weights and the
    /// diversity rule, so a forwarded file says how it was ranked.
    static func targetRows(_ targets: InvestmentTargets.Report, number n: (Double?) -> String) -> [[String]] {
        let role = { (id: String?) in id.flatMap { TargetRegionNodes.roleNames[$0] }.map { "\($0.zh) \($0.en)" } ?? "" }
        let status = { (id: String?) in id.flatMap { TargetRegionNodes.statusNames[$0]?.zh } ?? "" }
        let header = ["排名 Rank", "企业ID", "企业 Firm", "省 Province", "市 City", "节点 Node", "环节 Role", "节点现状 Node here",
                      "得分 Score", "节点得分 Node part", "实力 Strength", "关联 Links", "同省 Same province", "理由 Reasons", "Reasons (English)"]
        let rows = targets.targets.map { t -> [String] in
            [String(t.rank), t.firm.id, t.firm.name, t.firm.provinceName ?? "", t.firm.cityName ?? "", t.node?.nameZh ?? "", role(t.role),
             status(t.nodeStatus), n(t.score), n(t.fit), n(t.strength), n(t.links), t.sameProvince ? "同省 yes" : "",
             ReasonText.render(t.reasons, in: .zh), ReasonText.render(t.reasons, in: .en)]
        }
        let strategy = [["策略 Strategy", "\(targets.strategy.nameZh) \(targets.strategy.nameEn)"]]
            + targets.weights.map { ["权重 Weight · \($0.nameZh)", n($0.weight)] }
            + [["多样性 Diversity", "\(targets.diversity.ruleZh)（\(targets.diversity.ruleEn)）"],
               ["同省 Same province", targets.sameProvince.rawValue], ["页 Page", "\(targets.page) / \(targets.pages)"],
               ["候选 Candidates", "\(targets.candidates)"]]
        return [header] + rows + [[]] + strategy
    }
}
