/// Small statistics with numpy's conventions (NaN propagates; standard deviation is the population one, ddof = 0),
/// because results are compared with numpy-based reference implementations.
public enum Statistics {
    public static func mean(_ x: [Double]) -> Double {
        x.isEmpty ? .nan : x.reduce(0, +) / Double(x.count)
    }

    public static func populationStandardDeviation(_ x: [Double]) -> Double {
        let m = mean(x)
        return (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count)).squareRoot()
    }

    /// Pearson correlation; NaN when either series is constant (as `np.corrcoef`).
    public static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        let mx = mean(x), my = mean(y)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx); syy += (y[i] - my) * (y[i] - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }

    /// -1, 0 or 1; NaN stays NaN (as `np.sign`).
    public static func sign(_ x: Double) -> Double { x.isNaN ? .nan : (x > 0 ? 1 : (x < 0 ? -1 : 0)) }

    public static func median(_ x: [Double]) -> Double? {
        let sorted = x.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { return nil }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// Area under the ROC curve: the probability that a random positive scores above a random negative (ties count ½).
    public static func auc(scores: [Double], labels: [Bool]) -> Double? {
        let ranked = zip(scores, labels).sorted { $0.0 < $1.0 }
        let positives = labels.filter { $0 }.count, negatives = labels.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        var rankSum = 0.0, i = 0
        while i < ranked.count {
            var j = i
            while j + 1 < ranked.count && ranked[j + 1].0 == ranked[i].0 { j += 1 }
            let averageRank = Double(i + j) / 2 + 1
            for k in i...j where ranked[k].1 { rankSum += averageRank }
            i = j + 1
        }
        return (rankSum - Double(positives * (positives + 1)) / 2) / Double(positives * negatives)
    }

    /// Percentile rank on 0–100 among the non-missing values: (number below + ½ number equal) / n × 100.
    public static func percentileRanks(_ values: [Double?]) -> [Double?] {
        let present = values.compactMap { $0 }.sorted()
        guard !present.isEmpty else { return values.map { _ in nil } }
        return values.map { value in
            guard let value else { return nil }
            let below = lowerBound(present, value), equalOrBelow = upperBound(present, value)
            return (Double(below) + Double(equalOrBelow - below) / 2) / Double(present.count) * 100
        }
    }

    static func lowerBound(_ sorted: [Double], _ x: Double) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi { let mid = (lo + hi) / 2; if sorted[mid] < x { lo = mid + 1 } else { hi = mid } }
        return lo
    }
    static func upperBound(_ sorted: [Double], _ x: Double) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi { let mid = (lo + hi) / 2; if sorted[mid] <= x { lo = mid + 1 } else { hi = mid } }
        return lo
    }
}
