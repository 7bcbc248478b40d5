import BrainModel

/// Backtest of the 招商 ranking: for every city with at least `minimumFirms` biomedicine firms, its firms are split
/// into `folds` groups; each group in turn is hidden (taken out of the city's row of the region × node matrix, its
/// presences, densities and product links), all firms outside the city plus the hidden ones are ranked, and we ask
/// how high the hidden firms come. Reported per ranking: mean precision@10 and @50 (hidden firms among the top k, over
/// k) and mean AUC (a hidden firm ranked above an outside firm; ties count half), against two baselines — relatedness
/// density alone, and national size (total assets) alone.
///
/// Caveat: node proximities φ and PCI are computed on the full matrix (hiding one city's firms barely moves them), and
/// a firm's true location is one city, so "outside" firms that would fit count as misses.
public enum TargetBacktest {
    public struct Scores: Codable, Sendable {
        public var precisionAt10: Double
        public var precisionAt50: Double
        public var auc: Double
    }
    public struct Result: Codable, Sendable {
        public var level: RegionLevel
        public var regions: Int
        public var trials: Int
        public var hiddenFirms: Int
        public var model: Scores
        public var densityOnly: Scores
        public var sizeOnly: Scores
        /// the share of hidden firms that are linked through products to the city's remaining firms
        public var hiddenLinkedShare: Double
        public var caveats: [String]
    }

    public static func run(_ targets: InvestmentTargets, folds: Int = 5, minimumFirms: Int = 5, seed: UInt64 = 1) -> Result {
        let analysis = targets.analysis, index = analysis.index, c = analysis.complexity
        let m = analysis.nodeIds.count
        let measure = analysis.table.measure
        let columnTotals = analysis.table.nodeTotals
        let total = columnTotals.reduce(0, +)
        let column = Dictionary(uniqueKeysWithValues: analysis.nodeIds.enumerated().map { ($1, $0) })
        func contribution(_ firm: Enterprise) -> [Double] {
            var row = [Double](repeating: 0, count: m)
            for node in index.nodesByEnterprise[firm.id] ?? [] { if let n = column[node] { row[n] += measure.value(of: firm) } }
            return row
        }
        var random = SplitMix64(seed: seed)
        var sums = (model: Scores(precisionAt10: 0, precisionAt50: 0, auc: 0), density: Scores(precisionAt10: 0, precisionAt50: 0, auc: 0),
                    size: Scores(precisionAt10: 0, precisionAt50: 0, auc: 0))
        var trials = 0, regions = 0, hiddenTotal = 0, hiddenLinked = 0
        for region in index.regions(at: analysis.level) {
            guard let r = analysis.row(of: region.code) else { continue }
            var members = index.biomedicineEnterprises.filter { index.enterprise($0, isIn: region) }
            guard members.count >= minimumFirms else { continue }
            regions += 1
            for i in stride(from: members.count - 1, to: 0, by: -1) { members.swapAt(i, random.below(i + 1)) }
            let outside = index.biomedicineEnterprises.filter { !index.enterprise($0, isIn: region) }
            for fold in 0..<folds {
                let hidden = members.enumerated().filter { $0.offset % folds == fold }.map(\.element)
                guard !hidden.isEmpty else { continue }
                let kept = Set(members.map(\.id)).subtracting(hidden.map(\.id))
                // The city's row without the hidden firms, and the column totals without them.
                var row = (0..<m).map { analysis.table.matrix[r, $0] }
                var columns = columnTotals
                var all = total
                for firm in hidden {
                    for (n, value) in contribution(firm).enumerated() where value != 0 { row[n] -= value; columns[n] -= value; all -= value }
                }
                let densities = density(row: row, columns: columns, total: all, proximity: c.proximity, threshold: analysis.lq.threshold)
                let pool = outside + hidden
                let positives = Set(hidden.map(\.id))
                let ranked = targets.rank(pool, densities: densities, members: kept, province: Region.provinceCode(of: region.code))
                hiddenLinked += ranked.filter { positives.contains($0.firm.id) && !$0.linkedFirms.isEmpty }.count
                let byDensity = pool.map { firm in
                    (firm.id, (index.nodesByEnterprise[firm.id] ?? []).compactMap { column[$0].flatMap { densities[$0] } }.max() ?? -1)
                }
                let bySize = pool.map { ($0.id, $0.totalAssetsYi ?? -1) }
                add(&sums.model, scores(ranked.map { ($0.firm.id, $0.score) }, positives: positives))
                add(&sums.density, scores(byDensity, positives: positives))
                add(&sums.size, scores(bySize, positives: positives))
                trials += 1
                hiddenTotal += hidden.count
            }
        }
        let mean = { (s: Scores) in
            trials == 0 ? s : Scores(precisionAt10: s.precisionAt10 / Double(trials), precisionAt50: s.precisionAt50 / Double(trials),
                                     auc: s.auc / Double(trials))
        }
        return Result(level: analysis.level, regions: regions, trials: trials, hiddenFirms: hiddenTotal, model: mean(sums.model),
                      densityOnly: mean(sums.density), sizeOnly: mean(sums.size),
                      hiddenLinkedShare: hiddenTotal == 0 ? 0 : Double(hiddenLinked) / Double(hiddenTotal),
                      caveats: ["proximity and PCI from the full matrix", "firms are located to one city only; outside firms that would fit count as misses",
                                "precision@k is bounded by hidden firms / k (a fold hides about a fifth of a city's firms)"])
    }

    static func add(_ sum: inout Scores, _ value: Scores) {
        sum.precisionAt10 += value.precisionAt10
        sum.precisionAt50 += value.precisionAt50
        sum.auc += value.auc
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
