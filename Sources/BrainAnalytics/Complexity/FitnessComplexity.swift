/// Fitness–complexity algorithm, Tacchella, Cristelli, Caldarelli, Gabrielli & Pietronero (2012),
/// "A New Metrics for Countries' Fitness and Products' Complexity", Scientific Reports 2:723.
///
///   F̃_c⁽ⁿ⁾ = Σ_p M_cp Q_p⁽ⁿ⁻¹⁾,   Q̃_p⁽ⁿ⁾ = 1 / Σ_c M_cp / F_c⁽ⁿ⁻¹⁾,   each then divided by its mean; F⁽⁰⁾ = Q⁽⁰⁾ = 1.
///
/// The map need not converge to a positive fixed point for non-nested matrices (fitness of some regions tends to 0),
/// so it runs a fixed number of iterations, stopping early when nothing changes by more than 1e-14 (relative).
public enum FitnessComplexity {
    public static let defaultIterations = 200

    /// Returns (fitness per row, complexity per column); NaN for a column nobody makes.
    public static func compute(mcp: [Double], rows n: Int, columns m: Int,
                               iterations: Int = defaultIterations) -> ([Double], [Double]) {
        var fitness = [Double](repeating: 1, count: n), complexity = [Double](repeating: 1, count: m)
        let made = (0..<m).map { p in (0..<n).contains { mcp[$0 * m + p] != 0 } }
        guard n > 0, made.contains(true) else {
            return (fitness.map { _ in .nan }, complexity.map { _ in .nan })
        }
        // Work on the present cells only: presence matrices are sparse.
        let presentByRow = (0..<n).map { c in (0..<m).filter { mcp[c * m + $0] != 0 } }
        let presentByColumn = (0..<m).map { p in (0..<n).filter { mcp[$0 * m + p] != 0 } }
        for _ in 0..<iterations {
            var nextFitness = presentByRow.map { row in row.reduce(0.0) { $0 + complexity[$1] } }
            var nextComplexity = (0..<m).map { p -> Double in
                guard made[p] else { return .nan }
                return 1 / presentByColumn[p].reduce(0.0) { $0 + 1 / fitness[$1] }
            }
            let meanFitness = nextFitness.reduce(0, +) / Double(n)
            let madeComplexity = nextComplexity.filter { !$0.isNaN }
            let meanComplexity = madeComplexity.reduce(0, +) / Double(madeComplexity.count)
            nextFitness = nextFitness.map { $0 / meanFitness }
            nextComplexity = nextComplexity.map { $0 / meanComplexity }
            let change = zip(nextFitness, fitness).map { abs($0 - $1) / max(abs($1), 1e-300) }.max() ?? 0
            fitness = nextFitness
            complexity = nextComplexity
            if change < 1e-14 { break }
        }
        return (fitness, complexity)
    }
}
