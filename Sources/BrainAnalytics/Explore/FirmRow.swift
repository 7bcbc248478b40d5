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
        self.reason = reason
        self.relation = relation
    }

    /// Largest first: total assets, then employees, then name — the order a bureau reads a list of firms in.
    public static func bySize(_ a: Enterprise, _ b: Enterprise) -> Bool {
        (a.totalAssetsYi ?? -1, a.employees ?? -1, b.name) > (b.totalAssetsYi ?? -1, b.employees ?? -1, a.name)
    }
}
