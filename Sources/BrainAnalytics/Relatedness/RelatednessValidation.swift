import BrainModel
/// Out-of-sample check of relatedness: hide a fold of the present cells (set M = 0), recompute proximity and density
/// from what is left, and ask whether the hidden cells score higher density than the truly absent ones.
/// The AUC is the probability that a hidden present cell outranks an absent one (0.5 = no signal).
public enum RelatednessValidation {
    public struct Result: Codable, Sendable {
        public var folds: Int
        public var hiddenCells: Int
        public var absentCells: Int
        public var auc: Double?
    }

    public static func auc(_ result: ComplexityResult, folds: Int = 5, seed: UInt64 = 1) -> Result {
        // The kept block: rows and columns with a defined presence.
        let rows = result.regions.indices.filter { result.diversity[$0] != nil }
        let columns = result.sectors.indices.filter { result.ubiquity[$0] != nil }
        let n = rows.count, m = columns.count
        var mcp = [Double](repeating: 0, count: n * m)
        for (i, r) in rows.enumerated() {
            for (j, c) in columns.enumerated() { mcp[i * m + j] = result.cell(result.mcp, region: r, sector: c) ?? 0 }
        }
        var present = mcp.indices.filter { mcp[$0] == 1 }
        var random = SplitMix64(seed: seed)
        present.shuffle(using: &random)
        let absent = mcp.indices.filter { mcp[$0] == 0 }
        var scores: [Double] = [], labels: [Bool] = []
        for fold in 0..<folds {
            let hidden = stride(from: fold, to: present.count, by: folds).map { present[$0] }
            var training = mcp
            for cell in hidden { training[cell] = 0 }
            let ubiquity = (0..<m).map { c in (0..<n).reduce(0.0) { $0 + training[$1 * m + c] } }
            let phi = ProductSpace.proximity(mcp: training, rows: n, columns: m, ubiquity: ubiquity)
                .map { $0.isNaN ? 0 : $0 }  // a node left with no presence relates to nothing
            let density = ProductSpace.density(mcp: training, proximity: phi, rows: n, columns: m)
            for cell in hidden { scores.append(density[cell].isNaN ? 0 : density[cell]); labels.append(true) }
            // Each absent cell is scored once, in the fold whose index matches it, so every cell counts once.
            for (k, cell) in absent.enumerated() where k % folds == fold {
                scores.append(density[cell].isNaN ? 0 : density[cell]); labels.append(false)
            }
        }
        return Result(folds: folds, hiddenCells: present.count, absentCells: absent.count,
                      auc: Statistics.auc(scores: scores, labels: labels))
    }
}
