import ArgumentParser
import BrainAnalytics
import BrainModel

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
        if options.json { return try Output.json(report) }
        print("\(report.region.name): specialised in \(report.present.map(\.nameZh).joined(separator: "、"))")
        print(Output.row([("#", -3), ("node", 24), ("density", -8), ("PCI", -7), ("quadrant", 34), ("reason", 0)]))
        for item in report.opportunities.prefix(top) {
            print(Output.row([("\(item.rank)", -3), (item.node.nameZh, 24), (Output.number(item.density), -8), (Output.number(item.pci), -7),
                              (item.quadrant, 34), (item.reason, 0)]))
        }
    }
}

struct AnalyzeGaps: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gaps", abstract: "补链 / 强链 / 延链: chain gaps with reasons.")
    @OptionGroup var options: RegionAnalysisOptions
    @Option(help: "LQ at or above which a node is strong.") var strongLq: Double = 1.25

    func run() async throws {
        let analysis = try await options.analysis()
        let report = try analytics { try ChainGaps.report(analysis, links: NodeLinks(analysis.index), region: options.region, strongLQ: strongLq) }
        if options.json { return try Output.json(report) }
        print("\(report.region.name) \(report.region.code): " + ["strong", "weak", "missing-related", "missing"].map { status in
            "\(status) \(report.nodes.filter { $0.status == status }.count)" }.joined(separator: ", "))
        for (title, actions) in [("补链 fill", report.fill), ("强链 strengthen", report.strengthen), ("延链 extend", report.extend)] {
            print("\n\(title):")
            for action in actions.prefix(10) { print("  \(action.node.nameZh) — \(action.reasons.joined(separator: "; "))") }
            if actions.isEmpty { print("  (none)") }
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
        if options.json { return try Output.json(report) }
        print("peers of \(report.region.name) by specialisation: " + report.bySpecialisation.map { "\($0.region.name) (\(Output.number($0.similarity)))" }.joined(separator: ", "))
        print("peers by size: " + report.bySize.map { "\($0.region.name) (\(Output.number($0.sizeRatio)))" }.joined(separator: ", "))
        print(Output.row([("indicator", 22), ("region", -12), ("peer median", -12), ("national median", -16), ("rank", -5)]))
        for row in report.indicators {
            print(Output.row([(row.indicator, 22), (Output.number(row.region), -12), (Output.number(row.peerMedian), -12),
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
        if options.json { return try Output.json(report) }
        print("\(report.region.name): meets \(report.met) of \(report.of) criteria")
        for c in report.criteria {
            print("  \(c.met ? "✓" : "✗") \(c.criterion): \(Output.number(c.value)) vs \(Output.number(c.threshold)) (margin \(Output.number(c.margin)))")
        }
    }
}
