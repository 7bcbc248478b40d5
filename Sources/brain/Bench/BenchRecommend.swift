import ArgumentParser
import Foundation
import BrainAnalytics
import BrainModel

/// `brain bench recommend`: the 招商 ranking's backtest on the real data (see `TargetBacktest`), with its baselines.
struct BenchRecommend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "recommend",
                                                    abstract: "Backtest the 招商 target ranking: precision@10/@50 and AUC against baselines.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Region level of the backtest.")
    var level: RegionLevel = .city
    @Option(help: "Folds per region: each fold's firms are hidden in turn.")
    var folds = 5
    @Option(help: "Regions need at least this many biomedicine firms.")
    var minimumFirms = 5
    @Option(help: "Seed of the fold split.")
    var seed: UInt64 = 1
    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let index = try await AnalyticsLoader.index(store.db)
        let (result, seconds) = Measurement.seconds {
            TargetBacktest.run(InvestmentTargets.build(LevelAnalysis(index, level: level)), folds: folds, minimumFirms: minimumFirms, seed: seed)
        }
        if json { return try Output.json(result) }
        print("backtest at \(result.level.rawValue) level: \(result.regions) regions with ≥ \(minimumFirms) biomedicine firms, "
              + "\(result.trials) folds, \(result.hiddenFirms) hidden firm–region presences, \(String(format: "%.1f", seconds)) s")
        print("ranking                 precision@10  precision@50     AUC")
        for (name, scores) in [("model (fit+strength+links)", result.model), ("density only", result.densityOnly), ("national size only", result.sizeOnly)] {
            print(name.padding(toLength: 26, withPad: " ", startingAt: 0)
                  + String(format: "  %10.3f  %12.3f  %6.3f", scores.precisionAt10, scores.precisionAt50, scores.auc))
        }
        print(String(format: "hidden firms linked by products to their city's other firms: %.1f%%", result.hiddenLinkedShare * 100))
        for caveat in result.caveats { print("caveat: \(caveat)") }
    }
}
