import ArgumentParser
import Foundation
import BrainAnalytics
import BrainModel
import BrainUseCases

/// `brain bench recommend`: the 招商 ranking's backtest on the real data (see `TargetBacktest`): the learned model
/// against density-only, size-only and the fixed formula, on random folds and on a time split, with bootstrap intervals.
struct BenchRecommend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "recommend",
                                                    abstract: "Backtest the 招商 target ranking: precision@10/@50 and AUC with 95% intervals, learned model against baselines, random folds and a time split.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Region level of the backtest.")
    var level: RegionLevel = .city
    @Option(help: "Folds per region: each fold's firms are hidden in turn.")
    var folds = 5
    @Option(help: "Regions need at least this many biomedicine firms.")
    var minimumFirms = 5
    @Option(help: "Seed of the fold split, the region groups and the bootstrap.")
    var seed: UInt64 = 1
    @Option(help: "Region groups of the nested folds: each group is scored by a model fitted on the other groups.")
    var regionGroups = 5
    @Option(help: "L2 penalty of the logistic regression (on standardised features).")
    var lambda = 1.0
    @Option(help: "Bootstrap resamples of the regions.")
    var replicates = 1000
    @Option(help: "Time split: firms listed (or founded, without a listing) in this year or later are hidden; 0 skips it.")
    var timeSplitYear = 2020
    @Option(help: "Score the rankings on this organisation's 招商 outcomes instead (its id or name): leads at 签约/落地 are positives, 放弃 leads are asked to rank below them.")
    var leadsOrg: String?
    @Option(help: "With --leads-org: fewer signed/landed leads than this and no figures are printed.")
    var minimumLabels = 5
    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard folds >= 1, minimumFirms >= 1, regionGroups >= 2, replicates >= 0, lambda >= 0, lambda.isFinite else {
            throw ValidationError("--folds and --minimum-firms must be at least 1, --region-groups at least 2, --replicates and --lambda not negative")
        }
    }

    func run() async throws {
        if let leadsOrg { return try await BenchLeadLabels.run(self, organisation: leadsOrg) }
        let index = try await AnalyticsLoader.index(store.db)
        let (result, seconds) = Measurement.seconds {
            TargetBacktest.run(InvestmentTargets.build(LevelAnalysis(index, level: level)), folds: folds, minimumFirms: minimumFirms, seed: seed,
                               regionGroups: regionGroups, lambda: lambda, replicates: replicates,
                               timeSplitYear: timeSplitYear > 0 ? timeSplitYear : nil)
        }
        if json { return try Output.json(result) }
        let f = result.randomFolds
        print("backtest at \(result.level.rawValue) level, \(String(format: "%.1f", seconds)) s; intervals: 95% bootstrap over regions (\(replicates) resamples)")
        print("")
        print("random folds: \(f.regions) regions with ≥ \(minimumFirms) biomedicine firms, \(f.trials) folds, \(f.positives) hidden firm–region presences, "
              + "\(Int(f.candidates.rounded())) candidates per fold; the model of each region is fitted on the other \(result.regionGroups - 1) of \(result.regionGroups) region groups")
        Self.table(f)
        print(String(format: "hidden firms linked by products to their region's other firms: %.1f%%", result.hiddenLinkedShare * 100))
        if let split = result.timeSplit {
            print("")
            print("time split: \(split.laterFirms) firms listed (or founded) in \(split.year) or later are hidden, \(split.earlierFirms) earlier firms stay; "
                  + "model fitted on \(split.trainingTrials) random folds of the earlier data only; \(split.evaluation.regions) regions with ≥ \(minimumFirms) "
                  + "earlier firms rank the \(split.laterFirms) later firms, \(split.evaluation.positives) of which are theirs")
            Self.table(split.evaluation)
        }
        print("")
        print("learned weights (log-odds per standard deviation; λ = \(result.lambda); \(result.classWeighting)):")
        let timeWeights = result.timeSplit?.weights
        print("feature".padding(toLength: 40, withPad: " ", startingAt: 0) + "  all data" + (timeWeights == nil ? "" : "   before \(result.timeSplit!.year)"))
        for (k, weight) in result.weights.enumerated() {
            print(weight.feature.padding(toLength: 40, withPad: " ", startingAt: 0) + String(format: "  %+8.3f", weight.coefficient)
                  + (timeWeights.map { String(format: "   %+8.3f", $0[k].coefficient) } ?? ""))
        }
        for caveat in result.caveats { print("caveat: \(caveat)") }
    }

    static func table(_ evaluation: TargetBacktest.Evaluation) {
        for line in BacktestTable.lines(evaluation) { print(line) }
    }
}
