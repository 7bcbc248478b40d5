import BrainModel

/// A firm as listed on pages and in exports: where it is, how big, and why it is in the list.
public struct FirmRow: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var stockCode: String?
    public var provinceName: String?
    public var cityName: String?
    public var cityCode: String?
    public var employees: Int?
    public var totalAssetsYi: Double?
    /// why the firm is listed: the evidence of its node, or the product link that relates it
    public var reason: String?
    /// the node's evidence as codes (`ChainEvidence`), each with `text` in the request's language in the API; nil when
    /// `reason` is plain text (a product link, an old database's sentence)
    public var evidence: [Reason]?
    /// how the firm relates to another (a peer on its node, a supplier, a customer): a code worded per language
    public var relation: Reason?

    public init(_ enterprise: Enterprise, index: SnapshotIndex, reason: String? = nil, relation: Reason? = nil) {
        id = enterprise.id
        name = enterprise.name
        stockCode = enterprise.stockCode
        provinceName = enterprise.provinceCode.flatMap { index.regionsByCode[$0]?.name }
        cityName = enterprise.cityCode.flatMap { index.regionsByCode[$0]?.name }
        cityCode = enterprise.cityCode
        employees = enterprise.employees
        totalAssetsYi = enterprise.totalAssetsYi
        // Coded evidence reads in Chinese in `reason`, as it did when it was stored as a sentence.
        evidence = reason.flatMap(ChainEvidence.reasons)
        self.reason = evidence.map { ChainEvidence.render($0, in: .zh) } ?? reason
        self.relation = relation
    }

    /// Largest first: total assets, then employees, then name — the order a bureau reads a list of firms in.
    public static func bySize(_ a: Enterprise, _ b: Enterprise) -> Bool {
        (a.totalAssetsYi ?? -1, a.employees ?? -1, b.name) > (b.totalAssetsYi ?? -1, b.employees ?? -1, a.name)
    }
}
