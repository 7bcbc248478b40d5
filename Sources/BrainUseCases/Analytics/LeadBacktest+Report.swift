import Foundation
import BrainAnalytics
import BrainModel

/// The backtest's table of rankings as text lines (`brain bench recommend`, with or without `--leads-org`).
public enum BacktestTable {
    /// One line per ranking with precision@10, @50 and AUC and their intervals; `goal: false` leaves out the random
    /// folds' goal line (it is about the random folds only).
    public static func lines(_ evaluation: TargetBacktest.Evaluation, goal: Bool = true) -> [String] {
        var lines = ["ranking".padding(toLength: 46, withPad: " ", startingAt: 0) + "precision@10          precision@50          AUC"]
        let cell = { (x: ConfidenceInterval) in String(format: "%.3f [%.3f, %.3f]", x.value, x.low, x.high).padding(toLength: 22, withPad: " ", startingAt: 0) }
        for ranking in evaluation.rankings {
            lines.append(ranking.name.padding(toLength: 46, withPad: " ", startingAt: 0) + cell(ranking.precisionAt10) + cell(ranking.precisionAt50) + cell(ranking.auc))
        }
        guard goal else { return lines }
        let d = evaluation.aucModelMinusDensity
        let ratio = evaluation.precisionAt50ModelOverSize.map { String(format: "%.2f×", $0) } ?? "n/a (size-only finds none)"
        lines.append(String(format: "AUC learned − density only: %+.3f [%+.3f, %+.3f]; ", d.value, d.low, d.high)
                     + "precision@50 learned / size only: \(ratio); goal (difference > 0 with its interval, precision@50 ≥ 2× size only): "
                     + (evaluation.goalMet ? "met" : "not met"))
        return lines
    }
}

extension LeadBacktest {
    /// The report of `brain bench recommend --leads-org`: how many labels it rests on (and why closed leads were left
    /// out), then the rankings' figures, or a plain "too few labels" instead of figures that would be noise.
    public static func report(_ result: TargetBacktest.LeadEvaluation, organisation: Organisation, level: RegionLevel, seconds: Double,
                              replicates: Int) -> [String] {
        let labels = result.labels
        var out = ["\(organisation.name) (\(organisation.id)) 的线索作为标签 / leads as labels, \(level.rawValue) level, \(String(format: "%.1f", seconds)) s: "
                   + "\(labels.positives) 条签约/落地线索 (positives), \(labels.negatives) 条放弃线索 (dropped), \(labels.openLeads) 条在办线索 (open, not labels)"]
        let skipped = TargetBacktest.LeadSkip.allCases.compactMap { skip in labels.skipped[skip].map { "\(skip.rawValue) \($0)" } }
        if !skipped.isEmpty { out.append("closed leads left out: " + skipped.joined(separator: ", ")) }
        guard let evaluation = result.evaluation else {
            out.append("标签太少 / too few labels: \(labels.positives) 条签约/落地线索, at least \(result.minimumPositives) needed (--minimum-labels); no figures")
            return out
        }
        out.append("intervals: 95% bootstrap over regions (\(replicates) resamples); \(evaluation.regions) regions with signed or landed leads, "
                   + "\(Int(evaluation.candidates.rounded())) candidates per region; the learned model is fitted on random folds of all data")
        out += BacktestTable.lines(evaluation, goal: false)
        if let paired = result.signedOverDropped {
            out.append("signed/landed above dropped (the lead firms of \(paired.regions) regions with both outcomes; AUC is the figure):")
            out += BacktestTable.lines(paired, goal: false)
        } else {
            out.append("signed/landed above dropped: no region has both outcomes")
        }
        return out
    }
}
