/// Where a fact came from and the date it describes, kept on every stored fact.
public struct Provenance: Codable, Sendable, Hashable {
    /// Short source id, e.g. `tushare-stock_company`, `modood-2023`.
    public var source: String
    /// ISO date (or year) the fact is valid for, as stated by the source.
    public var asOf: String

    public init(source: String, asOf: String) {
        self.source = source
        self.asOf = asOf
    }
}
