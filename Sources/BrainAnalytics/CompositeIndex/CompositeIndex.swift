import BrainModel
import Foundation

/// Indicator values per unit (region, park, firm) and year.
public struct IndicatorTable: Sendable {
    public struct Row: Sendable {
        public var unit: String
        public var year: String?
        public var values: [String: Double]
        public init(unit: String, year: String?, values: [String: Double]) { self.unit = unit; self.year = year; self.values = values }
    }
    public var indicators: [String]
    public var rows: [Row]
    public init(indicators: [String], rows: [Row]) { self.indicators = indicators; self.rows = rows }
}

public struct IndexResult: Codable, Sendable {
    public struct Change: Codable, Sendable {
        public var fromYear: String
        public var points: Double
        /// nil when the previous score is not positive
        public var percent: Double?
    }
    public struct RankBand: Codable, Sendable {
        public var p5: Int
        public var median: Int
        public var p95: Int
    }
    public struct Row: Codable, Sendable {
        public var unit: String
        public var year: String?
        public var normalised: [String: Double]
        public var score: Double?
        public var coverage: Double
        public var rank: Int?
        public var change: Change?
        public var rankBand: RankBand?
    }
    public var spec: IndexSpec
    public var weights: [String: Double]
    public var rows: [Row]
    public var notes: [Reason]
}

/// A composite index: normalise, weight, aggregate, rank per year, change on the previous year, and a Monte-Carlo rank
/// band over normalisation, weighting and aggregation choices (uncertainty analysis, OECD/JRC Handbook step 7).
public enum CompositeIndex {
    public static func compute(_ table: IndicatorTable, spec: IndexSpec) throws -> IndexResult {
        let weights = try spec.effectiveWeights(for: table.indicators)
        if spec.normalisation == .baseYear, spec.baseYear == nil {
            throw AnalyticsError.invalidInput(Reason("analytics.base-year-needed"))
        }
        var notes: [Reason] = []
        let scores = try scoresFor(table, spec.normalisation, spec.baseYear, weights, spec.aggregation, spec.polarity ?? [:])
        if spec.aggregation == .geometric {
            notes.append(Reason("index.geometric-shift"))
        }
        let ranks = rankPerYear(table, scores.score)
        var rows: [IndexResult.Row] = table.rows.indices.map { i in
            IndexResult.Row(unit: table.rows[i].unit, year: table.rows[i].year, normalised: scores.normalised[i],
                            score: scores.score[i], coverage: Double(scores.normalised[i].count) / Double(max(1, table.indicators.count)),
                            rank: ranks[i], change: nil, rankBand: nil)
        }
        // Change on the unit's previous year in the table.
        let byUnit = Dictionary(grouping: rows.indices.filter { rows[$0].year != nil }, by: { rows[$0].unit })
        for (_, indices) in byUnit {
            let ordered = indices.sorted { rows[$0].year! < rows[$1].year! }
            for (previous, current) in zip(ordered, ordered.dropFirst()) {
                guard let before = rows[previous].score, let now = rows[current].score else { continue }
                rows[current].change = .init(fromYear: rows[previous].year!, points: now - before,
                                             percent: before > 0 ? (now - before) / before * 100 : nil)
            }
        }
        if let monteCarlo = spec.monteCarlo {
            let bands = try rankBands(table, spec: spec, weights: weights, settings: monteCarlo)
            for i in rows.indices { rows[i].rankBand = bands[i] }
            notes.append(Reason("index.rank-band", [
                "draws": String(monteCarlo.draws), "normalisations": normalisations(spec).map(\.rawValue).joined(separator: ", "),
                "low": "\(1 - monteCarlo.weightJitter)", "high": "\(1 + monteCarlo.weightJitter)", "seed": String(monteCarlo.seed),
            ]))
        }
        return IndexResult(spec: spec, weights: weights, rows: rows, notes: notes)
    }

    static func normalisations(_ spec: IndexSpec) -> [IndexSpec.Normalisation] {
        spec.baseYear == nil ? [.minmax, .zscore, .rank] : IndexSpec.Normalisation.allCases
    }

    static func scoresFor(_ table: IndicatorTable, _ normalisation: IndexSpec.Normalisation, _ baseYear: String?,
                          _ weights: [String: Double], _ aggregation: IndexSpec.Aggregation,
                          _ polarity: [String: Int]) throws -> (normalised: [[String: Double]], score: [Double?]) {
        var normalised = [[String: Double]](repeating: [:], count: table.rows.count)
        for indicator in table.indicators {
            let column = table.rows.map { $0.values[indicator] }
            let values = normalise(column, rows: table.rows, indicator: indicator, normalisation, baseYear,
                                   lowerIsBetter: (polarity[indicator] ?? 1) < 0)
            for i in values.indices { if let v = values[i] { normalised[i][indicator] = v } }
        }
        var shifted = normalised
        if aggregation == .geometric {
            for indicator in table.indicators {
                let minimum = normalised.compactMap { $0[indicator] }.min() ?? 1
                if minimum <= 0 { for i in shifted.indices { shifted[i][indicator] = shifted[i][indicator].map { $0 - minimum + 1 } } }
            }
        }
        // Fixed indicator order: sums must not depend on dictionary order, or ties could rank differently run to run.
        let ordered = table.indicators.filter { (weights[$0] ?? 0) > 0 }
        let scores: [Double?] = shifted.map { values in
            let present = ordered.compactMap { name in values[name].map { (weights[name]!, $0) } }
            let total = present.reduce(0) { $0 + $1.0 }
            guard total > 0 else { return nil }
            switch aggregation {
            case .arithmetic: return present.reduce(0) { $0 + $1.0 / total * $1.1 }
            case .geometric: return exp(present.reduce(0) { $0 + $1.0 / total * log($1.1) })
            }
        }
        return (normalised, scores)
    }

    static func normalise(_ column: [Double?], rows: [IndicatorTable.Row], indicator: String, _ method: IndexSpec.Normalisation,
                          _ baseYear: String?, lowerIsBetter: Bool) -> [Double?] {
        let present = column.compactMap { $0 }
        switch method {
        case .minmax:
            guard let lo = present.min(), let hi = present.max() else { return column }
            return column.map { $0.map { x in
                let v = hi > lo ? (x - lo) / (hi - lo) * 100 : 100
                return lowerIsBetter ? 100 - v : v
            } }
        case .zscore:
            let mean = Statistics.mean(present), sd = Statistics.populationStandardDeviation(present)
            return column.map { $0.map { x in (sd > 0 ? (x - mean) / sd : 0) * (lowerIsBetter ? -1 : 1) } }
        case .rank:
            var out = column
            let years = Dictionary(grouping: column.indices, by: { rows[$0].year ?? "" })
            for (_, indices) in years {
                let ranks = Statistics.percentileRanks(indices.map { column[$0] })
                for (k, i) in indices.enumerated() { out[i] = ranks[k].map { lowerIsBetter ? 100 - $0 : $0 } }
            }
            return out
        case .baseYear:
            var base: [String: Double] = [:]
            for (i, row) in rows.enumerated() where row.year == baseYear { base[row.unit] = column[i] }
            return column.indices.map { i in
                guard let x = column[i], let b = base[rows[i].unit], b > 0, x > 0 else { return nil }
                return lowerIsBetter ? 100 * b / x : 100 * x / b
            }
        }
    }

    /// Rank 1 = highest score within the same year; ties share the better rank.
    static func rankPerYear(_ table: IndicatorTable, _ scores: [Double?]) -> [Int?] {
        var ranks = [Int?](repeating: nil, count: scores.count)
        for (_, indices) in Dictionary(grouping: scores.indices, by: { table.rows[$0].year ?? "" }) {
            // Sorted once, best first: a score's rank is 1 + the number of strictly better scores, i.e. the position
            // where its run of equal scores starts (O(n log n); the Monte Carlo bands call this hundreds of times).
            let scored = indices.compactMap { i in scores[i].map { (i, $0) } }.sorted { $0.1 > $1.1 }
            var runStart = 0
            for (position, (i, score)) in scored.enumerated() {
                if position > 0, score != scored[position - 1].1 { runStart = position }
                ranks[i] = runStart + 1
            }
        }
        return ranks
    }

    /// The Monte Carlo rank bands. Each draw picks a normalisation, an aggregation and jittered weights, scores every
    /// row and ranks it within its year, exactly as `scoresFor` and `rankPerYear` would (same operations in the same
    /// order, so the same numbers); but the normalised columns depend only on the method, so they are computed once per
    /// method, not once per draw, and rows are arrays, not dictionaries. (The district index, 3,177 districts × 5 years
    /// × 200 draws, took seconds rebuilding 15,885 dictionaries per draw; a district page's first view waited on it.)
    static func rankBands(_ table: IndicatorTable, spec: IndexSpec, weights: [String: Double],
                          settings: IndexSpec.MonteCarlo) throws -> [IndexResult.RankBand?] {
        guard settings.draws > 0 else { throw AnalyticsError.invalidInput(Reason("analytics.draws-positive")) }
        var random = SplitMix64(seed: settings.seed)
        var samples = [[Int]](repeating: [], count: table.rows.count)
        for i in samples.indices { samples[i].reserveCapacity(settings.draws) }
        let methods = normalisations(spec)
        let polarity = spec.polarity ?? [:]
        let prepared = try methods.map { try NormalisedColumns(table, $0, spec.baseYear, polarity) }
        let years = Array(Dictionary(grouping: table.rows.indices, by: { table.rows[$0].year ?? "" }).values)
        let names = weights.keys.sorted()
        var scores = [Double?](repeating: nil, count: table.rows.count)
        for _ in 0..<settings.draws {
            let method = random.below(methods.count)
            let aggregation: IndexSpec.Aggregation = random.next() % 2 == 0 ? .arithmetic : .geometric
            var drawn: [String: Double] = [:]
            for name in names {
                drawn[name] = weights[name]! * (1 - settings.weightJitter + 2 * settings.weightJitter * random.unit())
            }
            let total = drawn.keys.sorted().reduce(0) { $0 + drawn[$1]! }
            drawn = drawn.mapValues { $0 / total }
            prepared[method].score(weights: drawn, aggregation, into: &scores)
            for group in years {
                // As rankPerYear: rank = 1 + the number of strictly better scores in the year.
                let scored = group.compactMap { i in scores[i].map { (i, $0) } }.sorted { $0.1 > $1.1 }
                var runStart = 0
                for (position, (i, score)) in scored.enumerated() {
                    if position > 0, score != scored[position - 1].1 { runStart = position }
                    samples[i].append(runStart + 1)
                }
            }
        }
        return samples.map { ranks in
            guard !ranks.isEmpty else { return nil }
            let sorted = ranks.sorted()
            func percentile(_ p: Double) -> Int { sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))] }
            return .init(p5: percentile(0.05), median: percentile(0.5), p95: percentile(0.95))
        }
    }
}

/// One normalisation of every indicator column, ready to be weighted: the values as `scoresFor` normalises them for
/// arithmetic aggregation, and the logarithms of the shifted values it uses for geometric aggregation.
struct NormalisedColumns {
    let indicators: [String]
    let values: [[Double?]]
    let logsOfShifted: [[Double?]]

    init(_ table: IndicatorTable, _ method: IndexSpec.Normalisation, _ baseYear: String?, _ polarity: [String: Int]) throws {
        indicators = table.indicators
        values = table.indicators.map { indicator in
            CompositeIndex.normalise(table.rows.map { $0.values[indicator] }, rows: table.rows, indicator: indicator, method, baseYear,
                                     lowerIsBetter: (polarity[indicator] ?? 1) < 0)
        }
        logsOfShifted = values.map { column in
            let minimum = column.compactMap { $0 }.min() ?? 1
            return column.map { $0.map { log(minimum <= 0 ? $0 - minimum + 1 : $0) } }
        }
    }

    /// Each row's score under `weights` (indicators with a positive weight, in table order; nil without any value).
    func score(weights: [String: Double], _ aggregation: IndexSpec.Aggregation, into scores: inout [Double?]) {
        let used = indicators.indices.filter { (weights[indicators[$0]] ?? 0) > 0 }
        let weight = used.map { weights[indicators[$0]]! }
        let columns = used.map { aggregation == .arithmetic ? values[$0] : logsOfShifted[$0] }
        for row in scores.indices {
            var total = 0.0
            for k in columns.indices where columns[k][row] != nil { total += weight[k] }
            guard total > 0 else { scores[row] = nil; continue }
            var sum = 0.0
            for k in columns.indices { if let v = columns[k][row] { sum += weight[k] / total * v } }
            scores[row] = aggregation == .arithmetic ? sum : exp(sum)
        }
    }
}
