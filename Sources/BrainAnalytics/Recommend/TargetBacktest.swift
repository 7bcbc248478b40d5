import BrainModel

/// Backtest of the 招商 ranking. Random folds: for every city with at least `minimumFirms` biomedicine firms, its
/// firms are split into `folds` groups; each group in turn is hidden (taken out of the city's row of the region × node
/// matrix, its presences, densities and product links), all firms outside the city plus the hidden ones are ranked,
/// and we ask how high the hidden firms come. Time split (`TargetBacktest+TimeSplit`): firms listed from a year on are
/// hidden everywhere, and we ask which cities they are in, from data before them.
///
/// Rankings: the learned model (`TargetScoreModel`, cross-fitted: cities are dealt into groups and each group is
/// scored by a model fitted on the other groups' folds only, so no city's hidden firms train its own model), the fixed
/// formula of `InvestmentTargets`, relatedness density alone and national size (total assets) alone. Per ranking:
/// precision@10 and @50 (hidden firms among the top k, over k) and AUC (a hidden firm ranked above an outside firm;
/// ties count half), each the mean over folds with a 95 % bootstrap interval that resamples cities (`Bootstrap`).
///
/// Caveat: node proximities φ and PCI are computed on the full matrix in the random folds (hiding one city's firms
/// barely moves them), and a firm's true location is one city, so "outside" firms that would fit count as misses.
public enum TargetBacktest {
    public struct Scores: Codable, Sendable {
        public var precisionAt10: Double
        public var precisionAt50: Double
        public var auc: Double
    }
    public struct Ranking: Codable, Sendable {
        public var name: String
        public var nameZh: String
        public var precisionAt10: ConfidenceInterval
        public var precisionAt50: ConfidenceInterval
        public var auc: ConfidenceInterval
    }
    public struct Evaluation: Codable, Sendable {
        public var regions: Int
        public var trials: Int
        /// hidden firm–region presences: the positives
        public var positives: Int
        /// candidates ranked per trial, on average
        public var candidates: Double
        /// learned model, density only, size only, fixed formula
        public var rankings: [Ranking]
        /// AUC of the learned model minus AUC of density alone, paired per trial
        public var aucModelMinusDensity: ConfidenceInterval
        /// precision@50 of the learned model over that of size alone
        public var precisionAt50ModelOverSize: Double?
        /// the goal: the AUC difference's interval above 0 and precision@50 at least twice size-only's
        public var goalMet: Bool
    }
    public struct Result: Codable, Sendable {
        public var level: RegionLevel
        public var regions: Int
        public var trials: Int
        public var hiddenFirms: Int
        /// random folds, mean over trials (the intervals are in `randomFolds`)
        public var model: Scores
        public var densityOnly: Scores
        public var sizeOnly: Scores
        public var fixedFormula: Scores
        /// the share of hidden firms that are linked through products to the city's remaining firms
        public var hiddenLinkedShare: Double
        public var randomFolds: Evaluation
        public var timeSplit: TimeSplit?
        /// standardised coefficients of the model fitted on every random-fold trial (what a page would show)
        public var weights: [TargetScoreModel.Weight]
        public var lambda: Double
        public var regionGroups: Int
        public var classWeighting: String
        public var caveats: [String]
    }

    /// One ranking of one (region, hidden set): the candidates' features, labels and the baselines' scores.
    struct Trial: Sendable {
        var region: String
        var ids: [String] = []
        var rows: [[Double]] = []
        var labels: [Bool] = []
        var formula: [Double] = []
        var density: [Double] = []
        var size: [Double] = []
    }

    public static let rankingNames = [("learned model", "学习模型"), ("density only", "仅相关密度"), ("size only (total assets)", "仅规模(总资产)"),
                                      ("fixed formula 0.6·fit+0.2·strength+0.2·links", "固定公式")]

    public static func run(_ targets: InvestmentTargets, folds: Int = 5, minimumFirms: Int = 5, seed: UInt64 = 1, regionGroups: Int = 5,
                           lambda: Double = 1, replicates: Int = 1000, timeSplitYear: Int? = nil) -> Result {
        let referenceYear = latestYear(targets.analysis.index)
        let collected = collectTrials(targets, folds: folds, minimumFirms: minimumFirms, seed: seed, referenceYear: referenceYear)
        let trials = collected.trials
        let fit = { (training: [Trial]) -> ([Double]) -> Double in
            let model = TargetScoreModel.fit(training.flatMap(\.rows), labels: training.flatMap(\.labels), lambda: lambda)
            return model.score
        }
        let modelScores = crossFit(trials, groups: regionGroups, seed: seed, fit: fit)
        let (evaluation, means) = evaluate(trials, modelScores: modelScores, replicates: replicates, seed: seed)
        let everything = TargetScoreModel.fit(trials.flatMap(\.rows), labels: trials.flatMap(\.labels), lambda: lambda)
        let hidden = trials.reduce(0) { $0 + $1.labels.filter { $0 }.count }
        let split = timeSplitYear.map {
            timeSplit(targets.analysis, year: $0, folds: folds, minimumFirms: minimumFirms, seed: seed, lambda: lambda, replicates: replicates)
        }
        return Result(level: targets.analysis.level, regions: collected.regions, trials: trials.count, hiddenFirms: hidden,
                      model: means[0], densityOnly: means[1], sizeOnly: means[2], fixedFormula: means[3],
                      hiddenLinkedShare: hidden == 0 ? 0 : Double(collected.hiddenLinked) / Double(hidden),
                      randomFolds: evaluation, timeSplit: split, weights: everything.weights, lambda: lambda,
                      regionGroups: min(regionGroups, max(collected.regions, 1)),
                      classWeighting: "each negative weighs positives/negatives of the training rows, each positive 1 (classes weigh the same)",
                      caveats: ["random folds: proximity and PCI from the full matrix",
                                "firms are located to one city only; outside firms that would fit count as misses",
                                "precision@k is bounded by hidden firms / k (a fold hides about a fifth of a city's firms)",
                                "the candidate's own location (same province, distance) is not a feature: a hidden firm's distance to its city is 0 by construction"])
    }

    /// The model fitted on every random fold of `targets`' data (the bench's "all data" weights): what a ranking
    /// strategy would use, scoring `InvestmentTargets.features` of its targets with `referenceYear` = `latestYear`.
    public static func fittedModel(_ targets: InvestmentTargets, folds: Int = 5, minimumFirms: Int = 5, seed: UInt64 = 1,
                                   lambda: Double = 1) -> TargetScoreModel {
        let trials = collectTrials(targets, folds: folds, minimumFirms: minimumFirms, seed: seed,
                                   referenceYear: latestYear(targets.analysis.index)).trials
        return TargetScoreModel.fit(trials.flatMap(\.rows), labels: trials.flatMap(\.labels), lambda: lambda)
    }

    /// The folds of every city with enough firms, ranked by `targets`; `excluded` firms are neither members nor
    /// candidates (the time split's later firms when training on earlier data).
    static func collectTrials(_ targets: InvestmentTargets, folds: Int, minimumFirms: Int, seed: UInt64, referenceYear: Int,
                              excluded: Set<String> = []) -> (trials: [Trial], regions: Int, hiddenLinked: Int) {
        let analysis = targets.analysis, index = analysis.index
        let firms = index.biomedicineEnterprises.filter { !excluded.contains($0.id) }
        var random = SplitMix64(seed: seed)
        var trials: [Trial] = [], regions = 0, hiddenLinked = 0
        for region in index.regions(at: analysis.level) {
            guard let r = analysis.row(of: region.code) else { continue }
            var members = firms.filter { index.enterprise($0, isIn: region) }
            guard members.count >= minimumFirms else { continue }
            regions += 1
            for i in stride(from: members.count - 1, to: 0, by: -1) { members.swapAt(i, random.below(i + 1)) }
            let outside = firms.filter { !index.enterprise($0, isIn: region) }
            for fold in 0..<max(folds, 1) {
                let hidden = members.enumerated().filter { $0.offset % max(folds, 1) == fold }.map(\.element)
                guard !hidden.isEmpty else { continue }
                let kept = Set(members.map(\.id)).subtracting(hidden.map(\.id))
                let densities = hiddenDensities(targets, row: r, hidden: hidden)
                let positives = Set(hidden.map(\.id))
                let ranked = targets.rank(outside + hidden, densities: densities, members: kept, province: Region.provinceCode(of: region.code))
                hiddenLinked += ranked.filter { positives.contains($0.firm.id) && !$0.linkedFirms.isEmpty }.count
                trials.append(trial(region.code, ranked, positives: positives, targets: targets, densities: densities, referenceYear: referenceYear))
            }
        }
        return (trials, regions, hiddenLinked)
    }

    static func trial(_ region: String, _ ranked: [InvestmentTargets.Target], positives: Set<String>, targets: InvestmentTargets,
                      densities: [Double?], referenceYear: Int) -> Trial {
        var trial = Trial(region: region)
        let column = targets.nodeColumns
        for target in ranked {
            let row = targets.features(target, densities: densities, referenceYear: referenceYear, column: column)
            trial.ids.append(target.firm.id)
            trial.rows.append(row)
            trial.labels.append(positives.contains(target.firm.id))
            trial.formula.append(target.score)
            // Density alone: the best of the firm's nodes, −1 for a firm on no node with a density.
            trial.density.append((targets.analysis.index.nodesByEnterprise[target.firm.id] ?? []).isEmpty ? -1 : row[1])
            trial.size.append(target.firm.totalAssetsYi ?? -1)
        }
        return trial
    }

    /// Scores every trial with a model fitted only on trials of other regions: regions are shuffled and dealt into
    /// `groups` groups (fewer when there are fewer regions); each group's trials are scored by `fit` of the rest.
    static func crossFit(_ trials: [Trial], groups: Int, seed: UInt64, fit: ([Trial]) -> ([Double]) -> Double) -> [[Double]] {
        var regions = Array(Set(trials.map(\.region))).sorted()
        var random = SplitMix64(seed: seed &+ 0x5EED)
        for i in stride(from: regions.count - 1, to: 0, by: -1) { regions.swapAt(i, random.below(i + 1)) }
        let k = min(max(groups, 1), max(regions.count, 1))
        let group = Dictionary(uniqueKeysWithValues: regions.enumerated().map { ($1, $0 % k) })
        var scores = trials.map { [Double](repeating: 0, count: $0.rows.count) }
        for g in 0..<k {
            let held = trials.indices.filter { group[trials[$0].region] == g }
            guard !held.isEmpty else { continue }
            let score = fit(trials.filter { group[$0.region] != g })
            for t in held { scores[t] = trials[t].rows.map(score) }
        }
        return scores
    }

    /// Per-ranking figures with intervals that resample regions, and the per-ranking means.
    static func evaluate(_ trials: [Trial], modelScores: [[Double]], replicates: Int, seed: UInt64) -> (Evaluation, [Scores]) {
        let perTrial: [[Scores]] = trials.indices.map { t in
            let positives = Set(zip(trials[t].ids, trials[t].labels).filter(\.1).map(\.0))
            return [modelScores[t], trials[t].density, trials[t].size, trials[t].formula].map {
                scores(Array(zip(trials[t].ids, $0)), positives: positives)
            }
        }
        let regions = Array(Set(trials.map(\.region))).sorted()
        let trialsOf = Dictionary(grouping: trials.indices, by: { trials[$0].region })
        func interval(_ value: (Int) -> Double) -> ConfidenceInterval {
            Bootstrap.meanInterval(groups: regions.map { (trialsOf[$0] ?? []).map(value) }, replicates: replicates, seed: seed)
        }
        let rankings = rankingNames.enumerated().map { k, name in
            Ranking(name: name.0, nameZh: name.1, precisionAt10: interval { perTrial[$0][k].precisionAt10 },
                    precisionAt50: interval { perTrial[$0][k].precisionAt50 }, auc: interval { perTrial[$0][k].auc })
        }
        let difference = interval { perTrial[$0][0].auc - perTrial[$0][1].auc }
        let size50 = rankings[2].precisionAt50.value
        let ratio = size50 > 0 ? rankings[0].precisionAt50.value / size50 : nil
        let evaluation = Evaluation(regions: regions.count, trials: trials.count, positives: trials.reduce(0) { $0 + $1.labels.filter { $0 }.count },
                                    candidates: trials.isEmpty ? 0 : Double(trials.reduce(0) { $0 + $1.ids.count }) / Double(trials.count),
                                    rankings: rankings, aucModelMinusDensity: difference, precisionAt50ModelOverSize: ratio,
                                    goalMet: difference.low > 0 && (ratio ?? (rankings[0].precisionAt50.value > 0 ? .infinity : 0)) >= 2)
        let means = rankings.map { Scores(precisionAt10: $0.precisionAt10.value, precisionAt50: $0.precisionAt50.value, auc: $0.auc.value) }
        return (evaluation, means)
    }

    /// The latest year any firm's founding or listing names: the random folds' "today" for firm ages.
    public static func latestYear(_ index: SnapshotIndex) -> Int {
        index.data.enterprises.compactMap { [$0.setupDate, $0.listDate].compactMap { $0.flatMap(InvestmentTargets.year) }.max() }.max() ?? 2024
    }

    /// Precision@10, @50 and AUC of a scored pool (higher first; ties broken by id so runs repeat).
    public static func scores(_ scored: [(String, Double)], positives: Set<String>) -> Scores {
        let ordered = scored.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        let precision = { (k: Int) in Double(ordered.prefix(k).filter { positives.contains($0.0) }.count) / Double(k) }
        let positiveScores = scored.filter { positives.contains($0.0) }.map(\.1)
        let negativeScores = scored.filter { !positives.contains($0.0) }.map(\.1).sorted()
        var wins = 0.0
        for score in positiveScores {
            let below = Statistics.lowerBound(negativeScores, score), notAbove = Statistics.upperBound(negativeScores, score)
            wins += Double(below) + 0.5 * Double(notAbove - below)
        }
        let pairs = Double(positiveScores.count * negativeScores.count)
        return Scores(precisionAt10: precision(10), precisionAt50: precision(50), auc: pairs == 0 ? 0.5 : wins / pairs)
    }

    /// Relatedness density of one region row (ecomplexity conventions: RCA within the matrix, presence at the
    /// threshold, ω_p = Σ_q M_q φ_pq / Σ_q φ_pq).
    static func density(row: [Double], columns: [Double], total: Double, proximity: [Double?], threshold: Double) -> [Double?] {
        let m = row.count
        let rowTotal = row.reduce(0, +)
        let presence = (0..<m).map { n -> Double in
            guard rowTotal > 0, columns[n] > 0, total > 0 else { return 0 }
            return (row[n] / rowTotal) / (columns[n] / total) >= threshold ? 1 : 0
        }
        return (0..<m).map { p in
            var sum = 0.0, weight = 0.0
            for q in 0..<m { if let phi = proximity[p * m + q], !phi.isNaN { sum += presence[q] * phi; weight += phi } }
            return weight > 0 ? sum / weight : nil
        }
    }
}
