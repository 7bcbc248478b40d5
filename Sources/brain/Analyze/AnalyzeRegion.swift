import ArgumentParser
import BrainAnalytics
import BrainModel
import BrainUseCases

struct AnalyzeProfile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "profile", abstract: "Firms, location quotient and complexity per chain node.")
    @OptionGroup var options: RegionAnalysisOptions

    func run() async throws {
        let analysis = try await options.analysis()
        let report = try analytics { try SpecialisationProfile.report(analysis, region: options.region) }
        if options.json { return try Output.json(report) }
        print("\(report.region.name) \(report.region.code) at \(report.level.rawValue) level, measure \(report.measure.rawValue): "
              + "ECI \(Output.number(report.eci)) (rank \(report.eciRank.map(String.init) ?? "–") of \(report.regionsRanked)), diversity \(Output.number(report.diversity, 0))")
        print(Output.row([("node", 30), ("value", -10), ("national", -10), ("LQ", -7), ("present", 8), ("PCI", -7)]))
        for row in report.nodes where row.value > 0 || row.parentId == nil {
            print(Output.row([((row.parentId == nil ? "" : "  ") + row.node.nameZh, 30), (Output.number(row.value, 0), -10),
                              (Output.number(row.nationalValue, 0), -10), (Output.number(row.lq), -7), (row.present ? "yes" : "", 8),
                              (Output.number(row.pci), -7)]))
        }
    }
}

struct AnalyzeOpportunities: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "opportunities", abstract: "Nodes the region lacks, ranked by relatedness and complexity (差异化定位).")
    @OptionGroup var options: RegionAnalysisOptions
    @Option(help: "How many to print.") var top: Int = 15

    func run() async throws {
        let analysis = try await options.analysis()
        let report = try analytics { try Opportunities.report(analysis, region: options.region) }
        let lang = options.lang, zh = lang == .zh
        if options.json { return try Output.json(report, language: lang) }
        print(zh ? "\(report.region.name)的优势节点：\(report.present.map(\.nameZh).joined(separator: "、"))"
                 : "\(report.region.name): specialised in \(report.present.map(\.nameEn).joined(separator: ", "))")
        print(Output.row([("#", -3), (zh ? "节点" : "node", 24), (zh ? "相关密度" : "density", -8), ("PCI", -7),
                          (zh ? "象限" : "quadrant", 34), (zh ? "理由" : "reason", 0)]))
        for item in report.opportunities.prefix(top) {
            print(Output.row([("\(item.rank)", -3), (zh ? item.node.nameZh : item.node.nameEn, 24), (Output.number(item.density), -8),
                              (Output.number(item.pci), -7), (ReasonText.render(item.quadrantLabel, in: lang), 34),
                              (ReasonText.render(item.reason, in: lang), 0)]))
        }
    }
}

struct AnalyzeGaps: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gaps", abstract: "补链 / 强链 / 延链: chain gaps with reasons.")
    @OptionGroup var options: RegionAnalysisOptions
    @Option(help: "LQ at or above which a node is strong.") var strongLq: Double = 1.25

    func run() async throws {
        let (workbench, analysis) = try await options.loaded()
        let links = try await workbench.nodeLinks()
        let report = try analytics { try ChainGaps.report(analysis, links: links, region: options.region, strongLQ: strongLq) }
        let lang = options.lang, zh = lang == .zh
        if options.json { return try Output.json(report, language: lang) }
        let statuses = [("strong", "优势"), ("weak", "薄弱"), ("missing-related", "缺失·可补"), ("missing", "缺失")]
        print("\(report.region.name) \(report.region.code): " + statuses.map { status, name in
            "\(zh ? name : status) \(report.nodes.filter { $0.status == status }.count)" }.joined(separator: zh ? "，" : ", "))
        for (title, actions) in [(zh ? "补链" : "fill", report.fill), (zh ? "强链" : "strengthen", report.strengthen),
                                 (zh ? "延链" : "extend", report.extend)] {
            print("\n\(title):")
            for action in actions.prefix(10) {
                print("  \(zh ? action.node.nameZh : action.node.nameEn) — \(ReasonText.render(action.reasons, in: lang))")
            }
            if actions.isEmpty { print(zh ? "  （无）" : "  (none)") }
        }
    }
}

struct AnalyzePeers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "peers", abstract: "Peer regions and an indicator table against peers and the national median.")
    @OptionGroup var options: RegionAnalysisOptions
    @Option(help: "Peers per list.") var count: Int = 5

    func run() async throws {
        let analysis = try await options.analysis()
        let report = try analytics { try Peers.report(analysis, region: options.region, count: count) }
        let lang = options.lang, zh = lang == .zh
        if options.json { return try Output.json(report, language: lang) }
        guard !zh else { return printChinese(report) }
        print("peers of \(report.region.name) by specialisation: " + report.bySpecialisation.map { "\($0.region.name) (\(Output.number($0.similarity)))" }.joined(separator: ", "))
        print("peers by size: " + report.bySize.map { "\($0.region.name) (\(Output.number($0.sizeRatio)))" }.joined(separator: ", "))
        print(Output.row([("indicator", 22), ("region", -12), ("peer median", -12), ("national median", -16), ("rank", -5)]))
        for row in report.indicators {
            print(Output.row([(ReasonText.render(row.label, in: .en), 30), (Output.number(row.region), -12), (Output.number(row.peerMedian), -12),
                              (Output.number(row.nationalMedian), -16), (row.rankAmongPeers.map(String.init) ?? "–", -5)]))
        }
    }

    func printChinese(_ report: PeerReport) {
        print("\(report.region.name)结构相近的对标地区：" + report.bySpecialisation.map { "\($0.region.name)（\(Output.number($0.similarity))）" }.joined(separator: "、"))
        print("规模相近的地区：" + report.bySize.map { "\($0.region.name)（\(Output.number($0.sizeRatio))）" }.joined(separator: "、"))
        print(Output.row([("指标", 30), ("本地", -12), ("对标中位数", -12), ("全国中位数", -16), ("排名", -5)]))
        for row in report.indicators {
            print(Output.row([(ReasonText.render(row.label, in: .zh), 30), (Output.number(row.region), -12), (Output.number(row.peerMedian), -12),
                              (Output.number(row.nationalMedian), -16), (row.rankAmongPeers.map(String.init) ?? "–", -5)]))
        }
    }
}

struct AnalyzeCluster: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cluster", abstract: "Cluster criteria: which the region meets and by how much.")
    @OptionGroup var options: RegionAnalysisOptions
    @Option(help: "Scale threshold: biomedicine employees.") var scaleEmployees: Double = ClusterThresholds().scaleEmployees
    @Option(help: "Innovative firms threshold.") var innovativeFirms: Double = ClusterThresholds().innovativeFirms
    @Option(help: "Medical universities threshold.") var medicalUniversities: Double = ClusterThresholds().medicalUniversities
    @Option(help: "Chain completeness threshold (0–1).") var chainCompleteness: Double = ClusterThresholds().chainCompleteness

    func run() async throws {
        let analysis = try await options.analysis()
        var thresholds = ClusterThresholds()
        thresholds.scaleEmployees = scaleEmployees; thresholds.innovativeFirms = innovativeFirms
        thresholds.medicalUniversities = medicalUniversities; thresholds.chainCompleteness = chainCompleteness
        let report = try analytics { try ClusterCriteria.report(analysis, region: options.region, thresholds: thresholds) }
        let lang = options.lang
        if options.json { return try Output.json(report, language: lang) }
        print(lang == .zh ? "\(report.region.name)：达到 \(report.of) 项集群标准中的 \(report.met) 项" : "\(report.region.name): meets \(report.met) of \(report.of) criteria")
        for c in report.criteria {
            let name = ReasonText.render(c.label, in: lang), value = Output.number(c.value), threshold = Output.number(c.threshold)
            print(lang == .zh ? "  \(c.met ? "✓" : "✗") \(name)：\(value)，门槛 \(threshold)（差额 \(Output.number(c.margin))）"
                              : "  \(c.met ? "✓" : "✗") \(name): \(value) vs \(threshold) (margin \(Output.number(c.margin)))")
        }
    }
}
