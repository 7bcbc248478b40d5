import BrainModel

/// World-class cluster criteria (scale, innovative firms, capability, chain completeness) with configurable thresholds:
/// which a region meets and by how much. Thresholds are policy choices, not science: defaults are set for
/// listed-firm data at city level and every report prints the ones it used.
public struct ClusterThresholds: Codable, Sendable {
    /// biomedicine employees in listed firms headquartered in the region
    public var scaleEmployees: Double = 20_000
    public var innovativeFirms: Double = 5
    /// medical / pharmacy universities in the region
    public var medicalUniversities: Double = 2
    /// share of top-level chain nodes with at least one firm
    public var chainCompleteness: Double = 0.5

    public init() {}
}

public struct ClusterReport: Codable, Sendable {
    public struct Criterion: Codable, Sendable {
        /// the criterion's key
        public var criterion: String
        /// its name per language (`cluster.*`)
        public var label: Reason
        public var value: Double
        public var threshold: Double
        public var met: Bool
        /// value − threshold
        public var margin: Double
        /// value / threshold
        public var ratio: Double?
    }
    public var region: RegionRef
    public var level: RegionLevel
    public var thresholds: ClusterThresholds
    public var criteria: [Criterion]
    public var met: Int
    public var of: Int
    public var indicators: RegionIndicators
}

public enum ClusterCriteria {
    public static func report(_ analysis: LevelAnalysis, region code: String,
                              thresholds: ClusterThresholds = ClusterThresholds()) throws -> ClusterReport {
        let r = try analysis.requireRow(code)
        let indicators = RegionIndicators.compute(analysis, row: r)
        let pairs: [(String, String, Double, Double)] = [
            ("scale (biomedicine employees)", "cluster.scale", indicators.biomedicineEmployees, thresholds.scaleEmployees),
            ("innovative firms", "cluster.innovative-firms", indicators.innovativeFirms, thresholds.innovativeFirms),
            ("capability (medical universities)", "cluster.capability", indicators.medicalUniversities, thresholds.medicalUniversities),
            ("chain completeness", "cluster.chain-completeness", indicators.chainCompleteness, thresholds.chainCompleteness),
        ]
        let criteria = pairs.map { name, label, value, threshold in
            ClusterReport.Criterion(criterion: name, label: Reason(label), value: value, threshold: threshold, met: value >= threshold,
                                    margin: value - threshold, ratio: threshold > 0 ? value / threshold : nil)
        }
        return ClusterReport(region: analysis.regionRef(code), level: analysis.level, thresholds: thresholds, criteria: criteria,
                             met: criteria.filter(\.met).count, of: criteria.count, indicators: indicators)
    }
}
