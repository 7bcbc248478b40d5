import Foundation
import Testing
@testable import BrainAnalytics
import BrainModel

/// The learned target score: its solver against scikit-learn, the bootstrap's intervals, and the nested folds.
@Suite struct TargetScoreModelTests {
    static let x: [[Double]] = [[0.5, 1.0], [1.5, -0.5], [2.0, 0.3], [-1.0, 0.8], [-0.5, -1.2], [0.0, 0.0], [1.0, 2.0], [-2.0, -0.3],
                                [2.5, -1.0], [-1.5, 1.5]]
    static let y = [true, true, true, false, false, false, true, false, true, false]
    static let w: [Double] = [1, 1, 2, 1, 0.5, 1, 1, 1, 1, 3]

    /// Reference numbers from scikit-learn 1.9.1, computed offline:
    /// `LogisticRegression(C=1/λ, solver="newton-cg", tol=1e-12).fit(X, y, sample_weight=w)` (intercept not penalised).
    @Test func solverMatchesScikitLearnOnAWeightedProblem() {
        for (lambda, expected) in [(1.0, (-0.5001489463165747, 1.5483005009836197, 0.26364268059885104)),
                                   (4.0, (-0.24023338627600324, 0.8596701569707799, 0.03683708179879999))] {
            let fit = LogisticRegression.fit(Self.x, labels: Self.y, weights: Self.w, lambda: lambda)
            #expect(abs(fit.intercept - expected.0) < 1e-6, "λ \(lambda): intercept \(fit.intercept)")
            #expect(abs(fit.coefficients[0] - expected.1) < 1e-6, "λ \(lambda): β1 \(fit.coefficients[0])")
            #expect(abs(fit.coefficients[1] - expected.2) < 1e-6, "λ \(lambda): β2 \(fit.coefficients[1])")
        }
    }

    /// Separable data has no unpenalised optimum; with λ = 1 scikit-learn gives β = 1.1761260473786044, intercept 0.
    @Test func separableDataConvergesToTheRegularisedOptimum() {
        let fit = LogisticRegression.fit([[-2], [-1], [-0.5], [0.5], [1], [2]], labels: [false, false, false, true, true, true], lambda: 1)
        #expect(abs(fit.coefficients[0] - 1.1761260473786044) < 1e-6)
        #expect(abs(fit.intercept) < 1e-6)
        #expect(fit.probability([3]) > 0.95 && fit.probability([-3]) < 0.05)
    }

    @Test func oneClassOrNoRowsLearnsNothing() {
        #expect(LogisticRegression.fit([[1], [2]], labels: [true, true], lambda: 1).coefficients == [0])
        #expect(LogisticRegression.fit([], labels: [], lambda: 1).coefficients.isEmpty)
    }

    /// Standardised: a feature that separates the classes gets a positive weight whatever its scale; a missing value
    /// scores as the training mean; negatives are weighted so both classes weigh the same.
    @Test func modelStandardisesImputesAndBalances() {
        let width = TargetScoreModel.featureNames.count
        var rows: [[Double]] = [], labels: [Bool] = []
        for i in 0..<40 {
            var row = [Double](repeating: 0, count: width)
            row[5] = 1000 + Double(i % 10)          // noise
            row[0] = i < 4 ? 5000 + Double(i) : Double(i) // positives far out on feature 0
            rows.append(row)
            labels.append(i < 4)
        }
        let model = TargetScoreModel.fit(rows, labels: labels, lambda: 1)
        #expect(model.weights[0].coefficient > 1)
        #expect(abs(model.negativeWeight - 4.0 / 36.0) < 1e-12)
        var missing = rows[10]
        missing[0] = .nan
        var atMean = rows[10]
        atMean[0] = model.means[0]
        #expect(abs(model.score(missing) - model.score(atMean)) < 1e-12)
        #expect(model.score(rows[0]) > model.score(rows[20]))
    }

    @Test func bootstrapIntervalsAreSane() {
        // Constant values: no spread.
        let constant = Bootstrap.meanInterval(groups: [[0.3, 0.3], [0.3], [0.3]], replicates: 200, seed: 3)
        #expect(constant == ConfidenceInterval(value: 0.3, low: 0.3, high: 0.3))
        // 50 groups of 0 and 50 of 1: mean 0.5, standard error 0.05, so about [0.40, 0.60].
        let coin = Bootstrap.meanInterval(groups: (0..<100).map { [$0 < 50 ? 0 : 1] }, replicates: 2000, seed: 3)
        #expect(coin.value == 0.5)
        #expect(coin.low > 0.38 && coin.low < 0.44 && coin.high > 0.56 && coin.high < 0.62, "\(coin)")
        // Repeatable, and the value is the mean over every value (a group of two counts twice).
        #expect(Bootstrap.meanInterval(groups: [[1, 1], [0]], seed: 9) == Bootstrap.meanInterval(groups: [[1, 1], [0]], seed: 9))
        #expect(abs(Bootstrap.meanInterval(groups: [[1, 1], [0]]).value - 2.0 / 3.0) < 1e-12)
        #expect(Bootstrap.meanInterval(groups: []) == ConfidenceInterval(value: 0, low: 0, high: 0))
    }

    /// Every trial is scored by a model fitted without any trial of its own region. The fake fitter remembers the
    /// regions it was trained on and scores a row 1 when the row's region was among them: every score must be 0.
    @Test func nestedFoldsNeverTrainOnTheHeldOutRegion() {
        let regions = ["110000", "310000", "320500", "330100", "440300", "510100", "320100"]
        var trials: [TargetBacktest.Trial] = []
        for (r, region) in regions.enumerated() {
            for fold in 0..<3 {
                var trial = TargetBacktest.Trial(region: region)
                trial.ids = ["a\(fold)", "b\(fold)"]
                trial.rows = [[Double(r)], [Double(r)]]
                trial.labels = [true, false]
                trials.append(trial)
            }
        }
        var fits = 0
        let scores = TargetBacktest.crossFit(trials, groups: 3, seed: 11) { training in
            fits += 1
            let seen = Set(training.map { Int($0.rows[0][0]) })
            #expect(!seen.isEmpty)
            return { row in seen.contains(Int(row[0])) ? 1 : 0 }
        }
        #expect(fits == 3)
        #expect(scores.count == trials.count && scores.allSatisfy { $0 == [0, 0] })
        // Folds of one region share a group: a region's three trials are all scored by the same fit.
        #expect(scores.allSatisfy { $0.count == 2 })
    }

    /// On the hand-built cities: the run is repeatable, every figure is a probability, the time split hides the firms
    /// listed from its year on, and the weights name every feature.
    @Test func backtestWithModelAndTimeSplitOnTheFixture() throws {
        let index = try InvestmentTargetsTests.index()
        let targets = InvestmentTargets.build(LevelAnalysis(index, level: .city))
        let first = TargetBacktest.run(targets, folds: 2, minimumFirms: 2, seed: 7, replicates: 100, timeSplitYear: 2020)
        let again = TargetBacktest.run(targets, folds: 2, minimumFirms: 2, seed: 7, replicates: 100, timeSplitYear: 2020)
        #expect(first.randomFolds.regions == 3 && first.randomFolds.positives == 6)
        #expect(first.randomFolds.rankings.map(\.auc) == again.randomFolds.rankings.map(\.auc))
        #expect(first.randomFolds.rankings.count == 4)
        for ranking in first.randomFolds.rankings {
            #expect((0...1).contains(ranking.auc.value) && ranking.auc.low <= ranking.auc.value && ranking.auc.value <= ranking.auc.high)
        }
        #expect(first.weights.map(\.feature) == TargetScoreModel.featureNames)
        // The fixture's firms carry no dates: nothing is later than 2020, so the split has nothing to rank.
        #expect(first.timeSplit?.laterFirms == 0 && first.timeSplit?.evaluation.trials == 0)
    }

    /// S2 (苏州) and H1 (杭州) listed in 2021: with the split at 2020 they leave the map; 苏州 and 杭州 keep one earlier
    /// firm each and rank the two later firms, one of which is theirs.
    @Test func timeSplitHidesLaterFirmsAndRanksThemPerCity() throws {
        var data = try InvestmentTargetsTests.index().data
        for i in data.enterprises.indices where ["S2", "H1"].contains(data.enterprises[i].id) { data.enterprises[i].listDate = "2021-03-01" }
        data.enterprises[0].setupDate = "1999-01-01"
        let analysis = LevelAnalysis(SnapshotIndex(data), level: .city)
        let split = try #require(TargetBacktest.run(InvestmentTargets.build(analysis), folds: 2, minimumFirms: 1, seed: 7, replicates: 50,
                                                    timeSplitYear: 2020).timeSplit)
        #expect(split.laterFirms == 2 && split.earlierFirms == 5)
        #expect(split.evaluation.regions == 2 && split.evaluation.trials == 2 && split.evaluation.positives == 2)
        #expect(split.evaluation.candidates == 2)
        // Later by 2021 but not by 2022: the split moves with the year.
        let none = try #require(TargetBacktest.run(InvestmentTargets.build(analysis), folds: 2, minimumFirms: 1, seed: 7, replicates: 50,
                                                   timeSplitYear: 2022).timeSplit)
        #expect(none.laterFirms == 0)
    }
}
