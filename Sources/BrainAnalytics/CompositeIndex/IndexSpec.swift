import BrainModel

/// How to build a composite index (OECD/JRC Handbook on Constructing Composite Indicators, 2008, steps 5–6).
public struct IndexSpec: Codable, Sendable {
    public enum Normalisation: String, Codable, Sendable, CaseIterable {
        /// 0–100 over the whole panel (all units and years), so that years stay comparable
        case minmax
        /// (x − mean) / population sd over the whole panel
        case zscore
        /// percentile rank 0–100 within each year
        case rank
        /// 100 × x / x in `baseYear` for the same unit
        case baseYear = "base-year"
    }
    public enum Aggregation: String, Codable, Sendable, CaseIterable { case arithmetic, geometric }

    public struct Group: Codable, Sendable {
        public var name: String
        public var weight: Double
        public var indicators: [String: Double]

        public init(name: String, weight: Double, indicators: [String: Double]) {
            self.name = name; self.weight = weight; self.indicators = indicators
        }
    }

    public struct MonteCarlo: Codable, Sendable {
        public var draws: Int = 500
        public var seed: UInt64 = 1
        /// each weight is multiplied by a uniform draw in [1 − jitter, 1 + jitter]
        public var weightJitter: Double = 0.5
        public init() {}
    }

    public var normalisation: Normalisation = .minmax
    public var baseYear: String?
    /// flat weights per indicator; nil and no groups = equal weights
    public var weights: [String: Double]?
    /// two-level weights: groups with a weight, indicators with a weight inside the group
    public var groups: [Group]?
    public var aggregation: Aggregation = .arithmetic
    /// −1 for an indicator where lower is better
    public var polarity: [String: Int]?
    public var monteCarlo: MonteCarlo?

    public init() {}

    /// Effective weight of each indicator, summing to 1. Two-level weights flatten exactly for both aggregations:
    /// Σ_g W_g Σ_i w_gi x_i and Π_g (Π_i x_i^w_gi)^W_g (weights normalised within each level).
    public func effectiveWeights(for indicators: [String]) throws -> [String: Double] {
        var raw: [String: Double] = [:]
        if let groups {
            let groupTotal = groups.reduce(0) { $0 + $1.weight }
            guard groupTotal > 0 else { throw AnalyticsError.invalidInput(Reason("analytics.group-weights-zero")) }
            for group in groups {
                let inner = Self.sum(group.indicators)
                guard inner > 0 else { throw AnalyticsError.invalidInput(Reason("analytics.group-inner-weights-zero", ["group": group.name])) }
                for (indicator, weight) in group.indicators { raw[indicator, default: 0] += group.weight / groupTotal * weight / inner }
            }
        } else if let weights {
            raw = weights
        } else {
            for indicator in indicators { raw[indicator] = 1 }
        }
        for (name, weight) in raw {
            guard indicators.contains(name) else { throw AnalyticsError.invalidInput(Reason("analytics.weight-unknown-indicator", ["name": name])) }
            guard weight >= 0, weight.isFinite else { throw AnalyticsError.invalidInput(Reason("analytics.weight-negative", ["name": name])) }
        }
        let total = Self.sum(raw)
        guard total > 0 else { throw AnalyticsError.invalidInput(Reason("analytics.weights-zero")) }
        return raw.mapValues { $0 / total }
    }

    /// Weights summed in name order, so effective weights are identical run to run (dictionary order is not).
    static func sum(_ weights: [String: Double]) -> Double {
        weights.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
    }
}
