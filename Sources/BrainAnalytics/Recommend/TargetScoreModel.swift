import Foundation
import BrainModel

/// A learned 招商 target score: an L2-regularised logistic regression (`LogisticRegression`) over standardised
/// features of a (region, candidate firm) pair, fitted on which firms a region actually holds. Positives and
/// negatives are weighted so that each class carries the same total weight (a region holds a handful of firms among
/// hundreds of candidates; without weights the intercept would absorb nearly everything). `score` is the log-odds:
/// only its order matters to a ranking.
public struct TargetScoreModel: Codable, Sendable {
    /// The features, in row order. The candidate's own location (same province, distance) is left out on purpose:
    /// in every backtest a positive is a firm located in the region, so its distance is 0 by construction and the
    /// feature would learn the label, not a firm's propensity to come.
    public static let featureNames = ["density at the chosen node", "highest density over the firm's nodes", "PCI percentile",
                                      "quality without location", "linked local firms (log)", "total assets (log)",
                                      "employees (log)", "age in years"]
    public static let featureNamesZh = ["所选节点相关密度", "企业各节点最高相关密度", "产品复杂度 PCI 百分位", "发展质量(不含区位)",
                                        "本地上下游企业数(对数)", "总资产(对数)", "员工数(对数)", "成立年限"]

    public struct Weight: Codable, Sendable, Equatable {
        public var feature: String
        public var featureZh: String
        /// change of the log-odds per standard deviation of the feature
        public var coefficient: Double
    }

    public var means: [Double]
    public var scales: [Double]
    public var regression: LogisticRegression
    public var lambda: Double
    /// what each negative row weighed (each positive weighs 1)
    public var negativeWeight: Double

    public var weights: [Weight] {
        Self.featureNames.indices.map {
            Weight(feature: Self.featureNames[$0], featureZh: Self.featureNamesZh[$0],
                   coefficient: $0 < regression.coefficients.count ? regression.coefficients[$0] : 0)
        }
    }

    /// Standardises on `rows` (mean 0, standard deviation 1 over the known values; a missing value, NaN, becomes the
    /// mean) and fits. λ is fixed in advance, never chosen on the folds a figure is reported for.
    public static func fit(_ rows: [[Double]], labels: [Bool], lambda: Double = 1) -> TargetScoreModel {
        let width = featureNames.count
        var means = [Double](repeating: 0, count: width), scales = [Double](repeating: 1, count: width)
        for j in 0..<width {
            let known = rows.compactMap { $0.count > j && $0[j].isFinite ? $0[j] : nil }
            guard !known.isEmpty else { continue }
            let mean = known.reduce(0, +) / Double(known.count)
            let variance = known.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(known.count)
            means[j] = mean
            scales[j] = variance > 1e-12 ? variance.squareRoot() : 1
        }
        let positives = labels.filter { $0 }.count, negatives = labels.count - positives
        let negativeWeight = negatives == 0 ? 1 : Double(max(positives, 1)) / Double(negatives)
        var model = TargetScoreModel(means: means, scales: scales, regression: LogisticRegression(intercept: 0, coefficients: []),
                                     lambda: lambda, negativeWeight: negativeWeight)
        let standardised = rows.map(model.standardise)
        model.regression = LogisticRegression.fit(standardised, labels: labels, weights: labels.map { $0 ? 1 : negativeWeight }, lambda: lambda)
        return model
    }

    func standardise(_ row: [Double]) -> [Double] {
        means.indices.map { j in
            guard j < row.count, row[j].isFinite else { return 0 }
            return (row[j] - means[j]) / scales[j]
        }
    }

    /// The log-odds of a raw feature row (as `InvestmentTargets.features` gives it).
    public func score(_ features: [Double]) -> Double { regression.logit(standardise(features)) }
}

extension InvestmentTargets {
    /// The model's raw features of a ranked target (`TargetScoreModel.featureNames`): what `rank` computed plus the
    /// firm's facts. `densities` is the region row the target was ranked against; `referenceYear` dates the age.
    public func features(_ target: Target, densities: [Double?], referenceYear: Int) -> [Double] {
        features(target, densities: densities, referenceYear: referenceYear, column: nodeColumns)
    }

    /// The same, with the node → column map computed once by the caller (the backtest scores ~10⁵ targets).
    func features(_ target: Target, densities: [Double?], referenceYear: Int, column: [String: Int]) -> [Double] {
        let index = analysis.index
        let nodes = index.nodesByEnterprise[target.firm.id] ?? []
        let highest = nodes.compactMap { column[$0].flatMap { densities[$0] } }.max() ?? 0
        let pci = target.node.flatMap { column[$0.id] }.map { pciPercentile[$0] } ?? 0
        let firm = index.enterprisesById[target.firm.id]
        let assets = firm?.totalAssetsYi.map { log1p(max($0, 0)) } ?? .nan
        let employees = firm?.employees.map { log1p(Double(max($0, 0))) } ?? .nan
        let age = (firm?.setupDate).flatMap(Self.year).map { Double(referenceYear - $0) } ?? .nan
        return [target.density ?? 0, highest, pci, target.strength, log1p(Double(Set(target.linkedFirms).count)), assets, employees, age]
    }

    var nodeColumns: [String: Int] { Dictionary(uniqueKeysWithValues: analysis.nodeIds.enumerated().map { ($1, $0) }) }

    /// The year of an ISO-like date (`2019-06-30`, `20190630`, `2019`), if it has one.
    static func year(_ date: String) -> Int? {
        guard date.count >= 4, let year = Int(date.prefix(4)), (1800...2200).contains(year) else { return nil }
        return year
    }
}
