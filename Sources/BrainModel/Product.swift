/// A product an enterprise makes, with the share of revenue it brings where the source states it.
public struct EnterpriseProduct: Codable, Sendable, Hashable {
    public var enterpriseId: String
    public var product: String
    public var revenueShare: Double?
    public var provenance: Provenance

    public init(enterpriseId: String, product: String, revenueShare: Double?, provenance: Provenance) {
        self.enterpriseId = enterpriseId
        self.product = product
        self.revenueShare = revenueShare
        self.provenance = provenance
    }
}

public enum ProductRelationKind: String, Codable, Sendable {
    /// `to` is an upstream material of `from` (上游材料).
    case upstreamMaterial = "upstream"
    /// `to` is a subclass of `from` (产品小类).
    case subclass
    /// `to` is a downstream product of `from` (下游产品).
    case downstreamProduct = "downstream"
}

public struct ProductRelation: Codable, Sendable, Hashable {
    public var from: String
    public var to: String
    public var kind: ProductRelationKind
    public var provenance: Provenance

    public init(from: String, to: String, kind: ProductRelationKind, provenance: Provenance) {
        self.from = from
        self.to = to
        self.kind = kind
        self.provenance = provenance
    }
}
