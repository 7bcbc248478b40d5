import ArgumentParser
import Foundation
import BrainAnalytics
import BrainModel
import BrainUseCases

struct Recommend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recommendations with their reasons: 招商 targets for a region, where a project should land, partners of an enterprise.",
        subcommands: [RecommendTargets.self, RecommendPark.self, RecommendPartners.self])
}

extension InvestmentTargets.SameProvince: ExpressibleByArgument {}
extension InvestmentTargets.RiskWarned: ExpressibleByArgument {}

/// `brain recommend targets 320500`: firms outside the region ranked by fit, strength and product links, each with why.
struct RecommendTargets: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "targets", abstract: "Rank firms outside a region as 招商 targets, with reasons.")
    @OptionGroup var options: RegionAnalysisOptions
    @Option(help: "Firms of the same province: include, flag (default) or exclude.")
    var sameProvince: InvestmentTargets.SameProvince = .flag
    @Option(help: "Firms under risk warning (ST, *ST): exclude (default) or include, flagged.")
    var riskWarned: InvestmentTargets.RiskWarned = .exclude
    @Option(help: "How many targets to list (one page).")
    var limit = 20
    @Option(help: "Which page of the list, from 1.")
    var page = 1
    @Option(help: "Strategy: balanced (default), fill 补链, strengthen 强链, extend 延链, complexity 高附加值.")
    var strategy = "balanced"

    func run() async throws {
        let (workbench, analysis) = try await options.loaded()
        let targets = try await workbench.investmentTargets(level: analysis.level, measure: options.measure, threshold: options.threshold)
        let chosen: TargetStrategy
        do { chosen = try TargetStrategy.parse(strategy: strategy, weights: [:]) } catch { throw CommandFailure(error.description) }
        let report = try targets.report(region: options.region, sameProvince: sameProvince, riskWarned: riskWarned, strategy: chosen, page: page, size: limit)
        // Reasons carry their Chinese text too, for readers without the catalogue (as the API's default).
        if options.json { return try Output.json(report, language: .zh) }
        let weights = report.weights.filter { $0.weight > 0 }.map { "\($0.nameZh) \($0.weight)" }.joined(separator: "，")
        print("招商 targets for \(report.region.name) (\(report.region.code), compared at \(report.level.rawValue) level) — "
              + "\(report.candidates) candidates, page \(report.page)/\(report.pages); 策略 \(report.strategy.nameZh) score = \(weights)；\(report.diversityRule)")
        for target in report.targets {
            let place = [target.firm.provinceName, target.firm.cityName].compactMap { $0 }.joined(separator: " ")
            print(String(format: "%3d  %.3f  ", target.rank, target.score) + "\(target.firm.name) (\(target.firm.id), \(place))"
                  + (target.sameProvince ? "  [同省]" : "") + (target.riskWarning ? "  [风险警示 ST]" : ""))
            for reason in target.reasons { print("          · \(ReasonText.render(reason, in: .zh))") }
        }
    }
}

/// `brain recommend partners 600276.SH`: suppliers, customers and same-node firms, same city first, each with why.
struct RecommendPartners: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "partners", abstract: "Suppliers, customers and peers of an enterprise, nearest first.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Enterprise id, e.g. 600276.SH.")
    var enterprise: String
    @Option(help: "How many of each kind.")
    var limit = 10
    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let workbench = try await AnalyticsLoader.workbench(store.db)
        let (index, links) = (workbench.index, try await workbench.productLinks())
        let report = try AnalyticsLoader.answer { () throws(AnalyticsError) in
            try RelatedFirms.report(index, links: links, enterprise: enterprise, limit: limit)
        }
        if json { return try Output.json(report) }
        print("partners of \(report.enterprise.name) (\(report.enterprise.id), \(report.enterprise.cityName ?? "–"))")
        for (title, rows) in [("suppliers 供应商", report.suppliers), ("customers 客户", report.customers), ("same node 同链", report.sameNode)] {
            print("\(title): \(rows.isEmpty ? "none found in the product graph" : "")")
            for row in rows { print("  \(row.name) (\(row.id), \(row.cityName ?? "–")) — \(row.reason ?? "")") }
        }
    }
}

/// `brain recommend park --project project.json`: parks ranked for a project, each with what decided it.
struct RecommendPark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "park", abstract: "Rank parks for a project (nodes, stage, needs, origin, preferred area).")
    @OptionGroup var store: StoreOptions
    @Option(help: "JSON file: {\"nodes\": [\"antibodies\"], \"stage\": \"rnd|pilot|manufacturing\", \"needsLand\": true, \"needsGMP\": true, \"landMu\": 200, \"preferredArea\": \"江苏 or 320000\", \"areaMode\": \"boost|filter\", \"origin\": \"310115\"}.")
    var project: String
    @Option(help: "How many parks to list.")
    var limit = 10
    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let input: ParkLanding.Project
        do { input = try JSONDecoder().decode(ParkLanding.Project.self, from: try Data(contentsOf: URL(fileURLWithPath: project))) } catch {
            throw CommandFailure("\(project): not a project file (\(error.localizedDescription)); see docs/examples/project-zhangjiang-manufacturing.json")
        }
        let workbench = try await AnalyticsLoader.workbench(store.db)
        let (index, links) = (workbench.index, try await workbench.nodeLinks())
        let report = try AnalyticsLoader.answer({ () throws(AnalyticsError) in try ParkLanding(index, links: links).rank(input, limit: limit) },
                                                failure: { CommandFailure("\(project): \($0.description)") })
        if json { return try Output.json(report) }
        print("parks for \(input.name ?? "the project") (\(input.nodes.joined(separator: ", ")), \(input.stage)) — \(report.formula)")
        for park in report.parks {
            print(String(format: "%3d  %.3f  ", park.rank, park.score) + "\(park.park.name) (\(park.region.name))")
            for reason in park.reasons { print("          · \(reason)") }
        }
    }
}
