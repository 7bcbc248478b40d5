import BrainModel

/// Which firms are linked through the product graph: a firm that makes an input of another's product supplies it;
/// the other is its customer. Built once per snapshot; `suppliers[f]` and `customers[f]` hold, for each linked firm,
/// one product pair as evidence ("青霉素 → 阿莫西林胶囊").
public struct FirmLinks: Sendable {
    public let suppliers: [String: [String: String]]
    public let customers: [String: [String: String]]

    public init(_ index: SnapshotIndex, graph: ProductGraph) {
        var suppliers: [String: [String: String]] = [:], customers: [String: [String: String]] = [:]
        for firm in index.biomedicineEnterprises {
            for product in Set((index.productsByEnterprise[firm.id] ?? []).map(\.product)) where graph.isSpecific(product) {
                for edge in graph.inputs(of: product) where graph.isSpecific(edge.upstream) {
                    for maker in graph.makers[edge.upstream] ?? [] where maker != firm.id && index.nodesByEnterprise[maker] != nil {
                        let evidence = "\(edge.upstream) → \(product)"
                        if suppliers[firm.id]?[maker] == nil { suppliers[firm.id, default: [:]][maker] = evidence }
                        if customers[maker]?[firm.id] == nil { customers[maker, default: [:]][firm.id] = evidence }
                    }
                }
            }
        }
        self.suppliers = suppliers
        self.customers = customers
    }

    /// Firms of `among` linked to `firm` either way, with the evidence.
    public func linked(_ firm: String, among: Set<String>) -> [(firm: String, role: String, evidence: String)] {
        var result: [(String, String, String)] = []
        for (other, evidence) in customers[firm] ?? [:] where among.contains(other) { result.append((other, "customer", evidence)) }
        for (other, evidence) in suppliers[firm] ?? [:] where among.contains(other) { result.append((other, "supplier", evidence)) }
        return result.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }
}
