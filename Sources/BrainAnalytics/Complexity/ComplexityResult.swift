/// Outputs of `EconomicComplexity.compute`, aligned with the input matrix's labels.
/// `nil` marks a value the method leaves undefined (a region or sector with a zero total, or a NaN in the reference).
public struct ComplexityResult: Sendable {
    public let regions: [String]
    public let sectors: [String]
    /// regions × sectors, row-major.
    public let rca: [Double?]
    public let mcp: [Double?]
    public let density: [Double?]
    public let cog: [Double?]
    /// per region
    public let diversity: [Double?]
    public let eci: [Double?]
    public let coi: [Double?]
    public let fitness: [Double?]
    /// per sector
    public let ubiquity: [Double?]
    public let pci: [Double?]
    public let complexity: [Double?]
    /// sectors × sectors, row-major.
    public let proximity: [Double?]

    public func cell(_ values: [Double?], region r: Int, sector p: Int) -> Double? { values[r * sectors.count + p] }
}
