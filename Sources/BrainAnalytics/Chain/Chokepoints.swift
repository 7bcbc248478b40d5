import Foundation
import BrainModel

/// 卡脖子: how concentrated the domestic supply of each chain node (and of each product on it) is, and — when trade
/// figures are imported — how import-dependent. Concentration is measured among listed suppliers only.
public struct ChokepointReport: Codable, Sendable {
    public struct ProductSupply: Codable, Sendable {
        public var product: String
        public var suppliers: Int
        public var hhi: Double?
        public var band: String
        public var topSupplier: String?
    }
    public struct NodeSupply: Codable, Sendable {
        public var node: NodeRef
        public var suppliers: Int
        /// HHI over firms, weighted by the measure
        public var hhiFirms: Double?
        public var bandFirms: String
        /// HHI over provinces, weighted by the measure
        public var hhiRegions: Double?
        public var bandRegions: String
        public var topSupplier: String?
        public var topSupplierShare: Double?
        public var singleSupplier: Bool
        /// suppliers located in the region asked about, when one was
        public var suppliersInRegion: Int?
        public var importDependence: Double?
        public var importDependenceNote: Reason
        /// why the sources single the node out as a chokepoint, if they do
        public var chokepointNote: String?
        public var products: [ProductSupply]
        /// why the node may be a chokepoint (`chokepoint.*`); empty when nothing singles it out
        public var flags: [Reason]
    }

    public var measure: Measure
    public var region: RegionRef?
    public var nodes: [NodeSupply]
    public var tradeFigures: Reason
}

/// Imported trade figures for a node, in one currency and year: imports M, domestic production Q, exports X.
public struct TradeFigures: Codable, Sendable {
    public var imports: Double
    public var production: Double
    public var exports: Double

    public init(imports: Double, production: Double, exports: Double) {
        self.imports = imports; self.production = production; self.exports = exports
    }
}

public enum Chokepoints {
    public static let noTradeNote = Reason("chokepoint.no-trade")

    public static func report(_ index: SnapshotIndex, measure: Measure = .assets, node filter: String? = nil,
                              region code: String? = nil, trade: [String: TradeFigures] = [:],
                              productLimit: Int = 10, vetted: ProductLinks? = nil) throws -> ChokepointReport {
        if let filter, index.nodesById[filter] == nil { throw AnalyticsError.invalidInput(Reason("analytics.unknown-node", ["id": filter])) }
        let region = try code.map { code in
            guard let region = index.regionsByCode[code] else { throw AnalyticsError.unknownRegion(code) }
            return region
        }
        var nodes: [ChokepointReport.NodeSupply] = []
        for node in index.data.taxonomy.nodes where filter == nil || node.id == filter {
            let firms = (index.enterprisesByNode[node.id] ?? []).compactMap { index.enterprisesById[$0] }
            // A firm without the measure still supplies: weight it with the smallest positive weight seen, not zero.
            let raw = firms.map { measure.value(of: $0) }
            let floor = raw.filter { $0 > 0 }.min() ?? 1
            let weights = raw.map { $0 > 0 ? $0 : floor }
            let hhiFirms = Concentration.hhi(weights)
            var byProvince: [String: Double] = [:]
            for (firm, weight) in zip(firms, weights) { byProvince[firm.provinceCode ?? "unknown", default: 0] += weight }
            // In code order: a sum in dictionary order would change in the last digit from run to run.
            let hhiRegions = Concentration.hhi(byProvince.sorted { $0.key < $1.key }.map(\.value))
            let total = weights.reduce(0, +)
            let top = zip(firms, weights).max { $0.1 < $1.1 }
            let tradeFigures = trade[node.id]
            let dependence = tradeFigures.flatMap { Concentration.importDependence(imports: $0.imports, production: $0.production, exports: $0.exports) }
            var flags: [Reason] = []
            if firms.count == 1 { flags.append(Reason("chokepoint.single-supplier")) }
            if firms.isEmpty { flags.append(Reason("chokepoint.no-supplier")) }
            if let hhiFirms, hhiFirms >= 0.25 { flags.append(Reason("chokepoint.concentrated-firms", ["hhi": String(format: "%.2f", hhiFirms)])) }
            if let hhiRegions, hhiRegions >= 0.25 {
                flags.append(Reason("chokepoint.concentrated-provinces", ["hhi": String(format: "%.2f", hhiRegions)]))
            }
            if node.chokepointNote != nil { flags.append(Reason("chokepoint.named")) }
            if let dependence, dependence >= 0.5 {
                flags.append(Reason("chokepoint.import-dependent", ["share": String(format: "%.0f%%", dependence * 100)]))
            }
            nodes.append(.init(
                node: NodeRef(node), suppliers: firms.count, hhiFirms: hhiFirms, bandFirms: Concentration.band(hhiFirms),
                hhiRegions: hhiRegions, bandRegions: Concentration.band(hhiRegions), topSupplier: top?.0.name,
                topSupplierShare: top.map { $0.1 / total }, singleSupplier: firms.count == 1,
                suppliersInRegion: region.map { region in firms.filter { region.level == .country || index.enterprise($0, isIn: region) }.count },
                importDependence: dependence,
                importDependenceNote: tradeFigures == nil ? noTradeNote : Reason("chokepoint.trade-imported"),
                chokepointNote: node.chokepointNote, products: products(of: firms, index: index, measure: measure, limit: productLimit, vetted: vetted),
                flags: flags))
        }
        return ChokepointReport(measure: measure, region: region.map { RegionRef(code: $0.code, name: $0.name, level: $0.level) }, nodes: nodes, tradeFigures: trade.isEmpty ? noTradeNote : Reason("chokepoint.trade-count", ["count": String(trade.count)]))
    }

    /// The node's products with the fewest suppliers first: the likeliest single points of failure. With `vetted`, only
    /// biomedicine products (a supplier's side business such as 扶梯导轨 is no chokepoint of the chain).
    static func products(of firms: [Enterprise], index: SnapshotIndex, measure: Measure, limit: Int,
                         vetted: ProductLinks?) -> [ChokepointReport.ProductSupply] {
        var suppliers: [String: [(Enterprise, Double)]] = [:]
        for firm in firms {
            for product in index.productsByEnterprise[firm.id] ?? [] where vetted?.isBiomedicine(product.product) ?? true {
                suppliers[product.product, default: []].append((firm, max(measure.value(of: firm), 1e-9) * (product.revenueShare ?? 1)))
            }
        }
        return suppliers.map { product, list in
            let hhi = Concentration.hhi(list.map(\.1))
            return .init(product: product, suppliers: list.count, hhi: hhi, band: Concentration.band(hhi),
                         topSupplier: list.max { $0.1 < $1.1 }?.0.name)
        }.sorted { ($0.suppliers, $1.hhi ?? 0, $0.product) < ($1.suppliers, $0.hhi ?? 0, $1.product) }.prefix(limit).map { $0 }
    }
}
