import BrainModel

/// Firms related to one enterprise: peers on the same chain node, suppliers (chain firms making the inputs of its
/// products) and customers (chain firms making what its products go into), both through the vetted `ProductLinks`;
/// nearest first — same city, then same province, then the rest, larger firms first within each ring. Each comes with the product link or node that relates it.
public struct RelatedFirmsReport: Codable, Sendable {
    public var enterprise: FirmRow
    public var sameNode: [FirmRow]
    public var suppliers: [FirmRow]
    public var customers: [FirmRow]

    public init(enterprise: FirmRow, sameNode: [FirmRow], suppliers: [FirmRow], customers: [FirmRow]) {
        (self.enterprise, self.sameNode, self.suppliers, self.customers) = (enterprise, sameNode, suppliers, customers)
    }
}

public enum RelatedFirms {
    public static func report(_ index: SnapshotIndex, links: ProductLinks, enterprise id: String,
                              limit: Int = 10) throws(AnalyticsError) -> RelatedFirmsReport {
        guard let firm = index.enterprisesById[id] else { throw .unknownEnterprise(id) }
        let products = Set((index.productsByEnterprise[id] ?? []).map(\.product)).sorted()

        // The most specific node is the one with the fewest firms: 抗体药物 before 生物药.
        let ownNodes = (index.nodesByEnterprise[id] ?? []).sorted {
            ((index.enterprisesByNode[$0]?.count ?? 0), $0) < ((index.enterprisesByNode[$1]?.count ?? 0), $1)
        }
        var peers: [String: Reason] = [:]
        for node in ownNodes {
            for other in index.enterprisesByNode[node] ?? [] where other != id && peers[other] == nil {
                peers[other] = Reason("related.same-node", ["node": index.nodesById[node]?.nameZh ?? node, "node.en": index.nodesById[node]?.nameEn ?? node])
            }
        }

        // Only vetted product links (`ProductLinks`): biomedicine products along the chain's tiers, made by firms on the chain.
        // Product names are the source's (data): English quotes them as written (`ReasonText`).
        var suppliers: [String: Reason] = [:], customers: [String: Reason] = [:]
        for product in products {
            for link in links.inputs[product] ?? [] {
                for maker in links.makers[link.upstream] ?? [] where maker != id && suppliers[maker] == nil {
                    suppliers[maker] = Reason("related.supplies", ["input": link.upstream, "product": product])
                }
            }
            for link in links.outputs[product] ?? [] {
                for maker in links.makers[link.downstream] ?? [] where maker != id && customers[maker] == nil {
                    customers[maker] = Reason("related.buys", ["product": product, "output": link.downstream])
                }
            }
        }
        return RelatedFirmsReport(enterprise: FirmRow(firm, index: index),
                                  sameNode: nearest(peers, to: firm, index: index, limit: limit),
                                  suppliers: nearest(suppliers, to: firm, index: index, limit: limit),
                                  customers: nearest(customers, to: firm, index: index, limit: limit))
    }

    static func nearest(_ reasons: [String: Reason], to firm: Enterprise, index: SnapshotIndex, limit: Int) -> [FirmRow] {
        func ring(_ other: Enterprise) -> Int {
            if let city = firm.cityCode, other.cityCode == city { return 0 }
            if let province = firm.provinceCode, other.provinceCode == province { return 1 }
            return 2
        }
        return reasons.keys.compactMap { index.enterprisesById[$0] }
            .sorted { ring($0) != ring($1) ? ring($0) < ring($1) : FirmRow.bySize($0, $1) }
            .prefix(limit).map { FirmRow($0, index: index, relation: reasons[$0.id]) }
    }
}
