import BrainModel

/// A figure with its 95 % interval.
public struct ConfidenceInterval: Codable, Sendable, Equatable {
    public var value: Double
    public var low: Double
    public var high: Double

    public init(value: Double, low: Double, high: Double) {
        self.value = value
        self.low = low
        self.high = high
    }

    public func contains(_ x: Double) -> Bool { low <= x && x <= high }
}

/// Percentile bootstrap over groups (Efron & Tibshirani 1993, ch. 13). The backtest's trials are not independent —
/// the folds of one city share its row, its neighbours and its hidden-firm mix — so whole groups (regions) are
/// resampled with replacement and the statistic is the mean over every value of the drawn groups.
public enum Bootstrap {
    /// The mean of all values, and the 2.5 % and 97.5 % percentiles of the means of `replicates` resamples of
    /// `groups`. Empty groups are ignored; with none left the interval is (0, 0, 0).
    public static func meanInterval(groups: [[Double]], replicates: Int = 1000, seed: UInt64 = 1, coverage: Double = 0.95) -> ConfidenceInterval {
        let groups = groups.filter { !$0.isEmpty }
        let all = groups.flatMap { $0 }
        guard !all.isEmpty else { return ConfidenceInterval(value: 0, low: 0, high: 0) }
        let value = all.reduce(0, +) / Double(all.count)
        guard replicates > 0 else { return ConfidenceInterval(value: value, low: value, high: value) }
        let sums = groups.map { $0.reduce(0, +) }, counts = groups.map { Double($0.count) }
        var random = SplitMix64(seed: seed)
        var means: [Double] = []
        means.reserveCapacity(replicates)
        for _ in 0..<replicates {
            var sum = 0.0, count = 0.0
            for _ in groups.indices {
                let g = random.below(groups.count)
                sum += sums[g]
                count += counts[g]
            }
            means.append(sum / count)
        }
        means.sort()
        let tail = (1 - coverage) / 2
        return ConfidenceInterval(value: value, low: percentile(means, tail), high: percentile(means, 1 - tail))
    }

    /// Linear interpolation between order statistics (numpy's default), on sorted values.
    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        guard let first = sorted.first else { return 0 }
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
        guard lower >= 0 else { return first }
        let fraction = position - Double(lower)
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
    }
}
