import BrainModel

/// Which firms are linked through the vetted product links (`ProductLinks`): a firm on the chain that makes an input
/// of another chain firm's product supplies it; the other is its customer. Built once per snapshot; `suppliers[f]` and
/// `customers[f]` hold, for each linked firm, one product link as evidence (青霉素 → 阿莫西林胶囊).
public struct FirmLinks: Sendable {
    public let suppliers: [String: [String: ProductLinks.Link]]
    public let customers: [String: [String: ProductLinks.Link]]

    public init(_ index: SnapshotIndex, links: ProductLinks) {
        var suppliers: [String: [String: ProductLinks.Link]] = [:], customers: [String: [String: ProductLinks.Link]] = [:]
        for firm in index.biomedicineEnterprises {
            for product in Set((index.productsByEnterprise[firm.id] ?? []).map(\.product)).sorted() {
                for link in links.inputs[product] ?? [] {
                    for maker in links.makers[link.upstream] ?? [] where maker != firm.id {
                        if suppliers[firm.id]?[maker] == nil { suppliers[firm.id, default: [:]][maker] = link }
                        if customers[maker]?[firm.id] == nil { customers[maker, default: [:]][firm.id] = link }
                    }
                }
            }
        }
        self.suppliers = suppliers
        self.customers = customers
    }

    /// Firms of `among` linked to `firm` either way, with the evidence ("青霉素 → 阿莫西林胶囊").
    public func linked(_ firm: String, among: Set<String>) -> [(firm: String, role: String, evidence: String)] {
        var result: [(String, String, String)] = []
        for (other, link) in customers[firm] ?? [:] where among.contains(other) { result.append((other, "customer", Self.evidence(link))) }
        for (other, link) in suppliers[firm] ?? [:] where among.contains(other) { result.append((other, "supplier", Self.evidence(link))) }
        return result.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }

    static func evidence(_ link: ProductLinks.Link) -> String { "\(link.upstream) → \(link.downstream)" }
}
