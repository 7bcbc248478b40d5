/// Herfindahl–Hirschman index on shares in [0, 1]: HHI = Σ sᵢ². Bands as commonly used for market concentration
/// (e.g. the European Commission's 2004 horizontal merger guidelines, rescaled from 10,000 to 1):
/// < 0.15 unconcentrated, 0.15–0.25 moderately concentrated, ≥ 0.25 highly concentrated.
public enum Concentration {
    /// nil when the weights sum to 0.
    public static func hhi(_ weights: [Double]) -> Double? {
        let total = weights.reduce(0, +)
        guard total > 0 else { return nil }
        return weights.reduce(0) { $0 + ($1 / total) * ($1 / total) }
    }

    public static func band(_ hhi: Double?) -> String {
        guard let hhi else { return "undefined" }
        return hhi < 0.15 ? "unconcentrated" : (hhi < 0.25 ? "moderate" : "high")
    }

    /// Import dependence = M / (Q + M − X): the share of domestic use met by imports. nil when use is not positive.
    public static func importDependence(imports m: Double, production q: Double, exports x: Double) -> Double? {
        let use = q + m - x
        return use > 0 ? m / use : nil
    }
}
