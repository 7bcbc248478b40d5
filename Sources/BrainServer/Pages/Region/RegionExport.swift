import Foundation
import Hummingbird
import BrainAnalytics
import BrainIngest
import BrainModel
import BrainUseCases

/// The region's lists as a workbook a bureau can filter and forward: summary, chain nodes, 补链/强链/延链, opportunities,
/// peers, cluster criteria, chokepoints, largest firms — one sheet each, figures as in the page.
enum RegionExport {
    /// The workbook in `language`: sheet names, headers, labels and reasons (Chinese unless `lang=en` was asked).
    static func xlsx(_ report: RegionReport, language: DisplayLanguage = .zh) throws -> Response {
        let n = { (value: Double?) in value.map { RegionView.number($0, 4).replacingOccurrences(of: ",", with: "") } ?? "" }
        let zh = language == .zh
        let t = { (chinese: String, english: String) in zh ? chinese : english }
        let text = { (reasons: [Reason]) in ReasonText.render(reasons, in: language) }
        let name = { (node: NodeRef) in zh ? node.nameZh : node.nameEn }
        let yes = t("是", "yes"), no = t("否", "no")
        let region = report.region
        let summary: [[String]] = [
            [t("地区", "Region"), region.name], [t("代码", "Code"), region.code], [t("级别", "Level"), levelName(region.level, language)],
            [t("生物医药上市企业", "Biomedicine firms"), "\(region.biomedicineFirms)"], [t("上市企业（全行业）", "Listed firms (all)"), "\(region.listedFirms)"],
            [t("生物医药从业人员", "Biomedicine employees"), "\(region.biomedicineEmployees)"], [t("高校", "Universities"), "\(region.universities)"],
            [t("产业链完整度", "Chain completeness"), n(report.cluster.indicators.chainCompleteness)],
            [t("集群标准达标", "Cluster criteria met"), "\(report.cluster.met)/\(report.cluster.of)"],
            [t("来源", "Source"), "IndustryBrain /api/regions/\(region.code)/report"],
        ]
        let nodes = [[t("节点编号", "Node ID"), t("节点", "Node"), t("环节", "Tier"), t("上级节点", "Parent"), t("状态", "Status"),
                      t("企业数", "Firms"), t("区位商 LQ", "LQ"), t("相关密度", "Density"), t("理由", "Reasons")]]
            + report.gaps.nodes.map { [$0.node.id, name($0.node), tierName($0.node.tier, language), $0.parentId ?? "",
                                       statusName($0.status, language), n($0.firms), n($0.lq), n($0.density), text($0.reasons)] }
        let kinds = ["fill": t("补链", "fill"), "strengthen": t("强链", "strengthen"), "extend": t("延链", "extend")]
        let actions = [[t("类别", "Kind"), t("节点编号", "Node ID"), t("节点", "Node"), t("得分", "Score"), t("理由", "Reasons")]]
            + (report.gaps.fill + report.gaps.strengthen + report.gaps.extend).map {
                [kinds[$0.kind] ?? $0.kind, $0.node.id, name($0.node), n($0.score), text($0.reasons)]
            }
        let opportunities = [[t("排名", "Rank"), t("节点编号", "Node ID"), t("节点", "Node"), t("相关密度", "Density"), t("复杂度 PCI", "PCI"),
                              t("机会增益 COG", "COG"), t("象限", "Quadrant"), t("本地企业", "Firms here"), t("理由", "Reason")]]
            + report.opportunities.opportunities.map { ["\($0.rank)", $0.node.id, name($0.node), n($0.density), n($0.pci), n($0.cog),
                                                        text([$0.quadrantLabel]), n($0.firmsInRegion), text([$0.reason])] }
        let peers = [[t("指标", "Indicator"), t("本地", "Here"), t("对标中位数", "Peer median"), t("全国中位数", "National median"),
                      t("对标排名", "Rank among peers")]]
            + report.peers.indicators.map { [text([$0.label]), n($0.region), n($0.peerMedian), n($0.nationalMedian), $0.rankAmongPeers.map(String.init) ?? ""] }
            + [[]] + [[t("对标地区", "Peer"), t("代码", "Code"), t("相似度", "Similarity"), t("规模比", "Size ratio")]]
            + report.peers.bySpecialisation.map { [$0.region.name, $0.region.code, n($0.similarity), n($0.sizeRatio)] }
        let cluster = [[t("标准", "Criterion"), t("本地", "Value"), t("门槛", "Threshold"), t("达标", "Met")]]
            + report.cluster.criteria.map { [text([$0.label]), n($0.value), n($0.threshold), $0.met ? yes : no] }
            + [[]] + [[t("年份", "Year"), t("创新指数", "Index"), t("排名", "Rank"), "p5", "p95"]]
            + report.innovationIndex.rows.map { [$0.year ?? "", n($0.score), $0.rank.map(String.init) ?? "",
                                                 $0.rankBand.map { "\($0.p5)" } ?? "", $0.rankBand.map { "\($0.p95)" } ?? ""] }
            + report.innovationIndex.notes.map { [text([$0])] }
        let chokepoints = [[t("节点编号", "Node ID"), t("节点", "Node"), t("全国供应商", "Suppliers"), t("本地供应商", "Here"),
                            t("最大供应商", "Top supplier"), t("判断", "Flags")]]
            + report.chokepoints.map { [$0.node.id, name($0.node), "\($0.suppliers)", $0.suppliersInRegion.map(String.init) ?? "",
                                        $0.topSupplier ?? "", text($0.flags)] }
        let firms = [[t("企业编号", "Firm ID"), t("企业", "Firm"), t("股票代码", "Stock code"), t("城市", "City"), t("员工", "Employees"),
                      t("总资产（亿元）", "Assets (100m yuan)"), t("节点", "Nodes")]]
            + report.largestFirms.map { [$0.id, $0.name, $0.stockCode ?? "", $0.cityName ?? "", $0.employees.map(String.init) ?? "",
                                         n($0.totalAssetsYi), $0.reason ?? ""] }
        let targets = RegionExport.targetRows(report.targets, language: language, number: n)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("region-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try XLSXWriter.write(sheets: [(t("概况", "Summary"), summary), (t("产业链", "Chain"), nodes), (t("补链强链延链", "Actions"), actions),
                                      (t("发展机会", "Opportunities"), opportunities), (t("对标", "Peers"), peers), (t("集群与创新指数", "Cluster"), cluster),
                                      (t("卡脖子", "Chokepoints"), chokepoints), (t("龙头企业", "Largest firms"), firms), (t("招商目标", "Targets"), targets)], to: url)
        var response = JSONResponse.response(.ok, data: try Data(contentsOf: url),
                                             contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response.headers[.contentDisposition] = ContentDisposition.attachment("\(region.name)-\(region.code).xlsx")
        return response
    }

    static func statusName(_ status: String, _ language: DisplayLanguage) -> String {
        guard let label = RegionView.statusLabels[status] else { return status }
        return language == .zh ? label.zh : label.en
    }

    static func tierName(_ tier: ChainTier, _ language: DisplayLanguage) -> String {
        guard let label = RegionView.tierLabels.first(where: { $0.0 == tier }) else { return tier.rawValue }
        return language == .zh ? label.1 : label.2
    }

    static func levelName(_ level: RegionLevel, _ language: DisplayLanguage) -> String {
        let names: [RegionLevel: (String, String)] = [.country: ("全国", "country"), .province: ("省", "province"),
                                                       .city: ("市", "city"), .district: ("区县", "district")]
        guard let name = names[level] else { return level.rawValue }
        return language == .zh ? name.0 : name.1
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
    /// The 招商 sheet in `language` (Chinese headers by default, English with lang=en): one row per target of the chosen
    /// strategy and page, then the strategy's weights, the diversity rule and the choices, so a forwarded file says how
    /// it was ranked.
    static func targetRows(_ targets: InvestmentTargets.Report, language: DisplayLanguage = .zh, number n: (Double?) -> String) -> [[String]] {
        let zh = language == .zh
        let t = { (chinese: String, english: String) in zh ? chinese : english }
        let role = { (id: String?) in id.flatMap { TargetRegionNodes.roleNames[$0] }.map { zh ? $0.zh : $0.en } ?? "" }
        let status = { (id: String?) in id.flatMap { TargetRegionNodes.statusNames[$0] }.map { zh ? $0.zh : $0.en } ?? "" }
        let header = [t("排名", "Rank"), t("企业编号", "Firm ID"), t("企业", "Firm"), t("省", "Province"), t("市", "City"), t("节点", "Node"),
                      t("环节", "Role"), t("节点现状", "Node here"), t("得分", "Score"), t("节点得分", "Node part"), t("实力", "Strength"),
                      t("关联", "Links"), t("同省", "Same province"), t("风险警示", "Risk warning"), t("理由", "Reasons")]
        let rows = targets.targets.map { target -> [String] in
            [String(target.rank), target.firm.id, target.firm.name, target.firm.provinceName ?? "", target.firm.cityName ?? "",
             target.node.map { zh ? $0.nameZh : $0.nameEn } ?? "", role(target.role), status(target.nodeStatus), n(target.score),
             n(target.fit), n(target.strength), n(target.links), target.sameProvince ? t("是", "yes") : "",
             target.riskWarning ? "ST" : "", ReasonText.render(target.reasons, in: language)]
        }
        let sameProvince = ["include": t("包含", "include"), "flag": t("标注", "flag"), "exclude": t("排除", "exclude")]
        let strategy = [[t("策略", "Strategy"), zh ? targets.strategy.nameZh : targets.strategy.nameEn]]
            + targets.weights.map { [t("权重 · ", "Weight · ") + (zh ? $0.nameZh : $0.nameEn), n($0.weight)] }
            + [[t("多样性", "Diversity"), zh ? targets.diversity.ruleZh : targets.diversity.ruleEn],
               [t("同省企业", "Same province"), sameProvince[targets.sameProvince.rawValue] ?? targets.sameProvince.rawValue],
               [t("风险警示（ST）企业", "Risk-warned (ST) firms"),
                targets.riskWarned == .include ? t("列入并标注", "included, flagged") : t("不列入（\(targets.riskWarnedLeftOut) 家）", "left out (\(targets.riskWarnedLeftOut))")],
               [t("页", "Page"), "\(targets.page) / \(targets.pages)"], [t("候选", "Candidates"), "\(targets.candidates)"]]
        return [header] + rows + [[]] + strategy
    }
}
