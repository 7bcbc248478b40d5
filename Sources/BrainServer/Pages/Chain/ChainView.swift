import BrainAnalytics
import BrainModel
import BrainUseCases

/// What `chain-node.mustache` reads. Nested values have no `id` of their own where the template's links inside them
/// (`{{#region}} … /chain/{{id}}`) mean the node's.
struct ChainNodeView: PageView {
    struct Named: Encodable, Sendable {
        var id: String
        var nameZh: String
        var nameEn: String
    }
    struct Note: Encodable, Sendable {
        var zh: String
        var en: String
    }
    struct Place: Encodable, Sendable {
        var code: String
        var name: String
    }
    struct Firm: Encodable, Sendable {
        var id: String
        var name: String
        var stock: String
        var place: String
        var assets: String
        var employees: String
        var reason: String
        /// the node's evidence per language when it is coded; nil for plain text, shown as data
        var evidence: EvidenceText?
    }
    struct Product: Encodable, Sendable {
        var product: String
        var query: String
        var firms: Int
    }
    struct Linked: Encodable, Sendable {
        var id: String
        var nameZh: String
        var nameEn: String
        var pairs: Int
        var examples: String
    }
    var id: String
    var nameZh: String
    var nameEn: String
    var tierZh: String
    var tierEn: String
    var parent: Named?
    var chokepointNote: Note?
    var region: Place?
    var subNodes: [Named]
    var firmCount: Int
    var firms: [Firm]
    var products: [Product]
    var upstream: [Linked]
    var downstream: [Linked]
    var pager: Paging.Pager?
    /// The product the graph starts from ("" when the node makes none).
    var firstProduct: String

    init(_ report: NodeExplorerReport, pager: Paging.Pager?, firstProduct: String) {
        let linked = { (list: [NodeExplorerReport.LinkedNode]) in
            list.prefix(10).map { Linked(id: $0.node.id, nameZh: $0.node.nameZh, nameEn: $0.node.nameEn, pairs: $0.productPairs, examples: $0.examples.joined(separator: "；")) }
        }
        let tier = RegionView.tierLabels.first { $0.0 == report.node.tier }
        id = report.node.id
        nameZh = report.node.nameZh
        nameEn = report.node.nameEn
        tierZh = tier?.1 ?? report.node.tier.rawValue
        tierEn = tier?.2 ?? report.node.tier.rawValue
        parent = report.parent.map { Named(id: $0.id, nameZh: $0.nameZh, nameEn: $0.nameEn) }
        chokepointNote = report.chokepointNote.map { Note(zh: ChainPage.chokepointNoteZh($0), en: $0) }
        region = report.region.map { Place(code: $0.code, name: $0.name) }
        subNodes = report.subNodes.map { Named(id: $0.id, nameZh: $0.nameZh, nameEn: $0.nameEn) }
        firmCount = report.firmCount
        firms = report.firms.map {
            Firm(id: $0.id, name: $0.name, stock: $0.stockCode ?? "", place: [$0.provinceName, $0.cityName].compactMap { $0 }.joined(separator: " "),
                 assets: RegionView.number($0.totalAssetsYi), employees: RegionView.number($0.employees.map(Double.init), 0), reason: $0.reason ?? "",
                 evidence: $0.evidence.map(EvidenceText.init))
        }
        products = report.products.map { Product(product: $0.product, query: EnterprisePage.queryValue($0.product), firms: $0.firms) }
        upstream = linked(report.upstream)
        downstream = linked(report.downstream)
        self.pager = pager
        self.firstProduct = firstProduct
    }
}

/// What `chain.mustache` reads: the taxonomy by tier, each top node with its sub-nodes.
struct ChainOverviewView: PageView {
    struct Node: Encodable, Sendable {
        var id: String
        var nameZh: String
        var nameEn: String
        var firms: Int
        var chokepoint: Bool
        /// Empty for a sub-node.
        var subs: [Node]
    }
    struct Tier: Encodable, Sendable {
        var zh: String
        var en: String
        var nodes: [Node]
    }
    var tiers: [Tier]

    init(_ nodes: [NodeWithCount]) {
        func node(_ node: NodeWithCount, subs: [Node]) -> Node {
            Node(id: node.id, nameZh: node.nameZh, nameEn: node.nameEn, firms: node.firms, chokepoint: node.chokepointNote != nil, subs: subs)
        }
        tiers = RegionView.tierLabels.map { tier, zh, en in
            Tier(zh: zh, en: en, nodes: nodes.filter { $0.tier == tier && $0.parentId == nil }.map { parent in
                node(parent, subs: nodes.filter { $0.parentId == parent.id }.map { node($0, subs: []) })
            })
        }
    }
}

/// What `product.mustache` reads.
struct ProductView: PageView {
    var product: String
    var makers: Int
}
