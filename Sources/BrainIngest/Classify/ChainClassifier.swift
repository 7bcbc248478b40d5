import Foundation
import BrainModel

/// Places enterprises on chain nodes, each assignment with its method, confidence and evidence.
///
/// 1. The official 申万 2021 L3 code, mapped by the taxonomy file (confidence 0.9), else Tushare's industry for
///    biomedicine firms without a 37xxxx code (0.6).
/// 2. Main products (chain knowledge graph) matched against node keywords: for biomedicine firms within the subtree of
///    their primary node and across upstream and service nodes (0.5); for other firms only upstream nodes, and only with
///    keywords of three or more characters, since short ones (试剂, API) are ambiguous outside the industry (0.4).
public struct ChainClassifier: Sendable {
    static let tushareFallback: [String: String] = [
        "化学制药": "chemical-drugs", "生物制药": "biologics", "中成药": "tcm",
        "医疗保健": "medical-devices", "医药商业": "wholesale",
    ]
    /// Nodes any biomedicine firm may be matched to by products, whatever its primary node.
    static let crossCuttingNodes: Set<String> = ["cdmo", "cso", "digital-health"]

    let taxonomy: ChainTaxonomy
    private let nodesBySW: [String: ChainNode]
    private let depth: [String: Int]

    public init(taxonomy: ChainTaxonomy) {
        self.taxonomy = taxonomy
        var depth: [String: Int] = [:]
        for node in taxonomy.nodes { depth[node.id] = node.parentId == nil ? 0 : 1 }
        var bySW: [String: ChainNode] = [:]
        for node in taxonomy.nodes {
            for code in node.sw2021 where (bySW[code].map { depth[$0.id]! < depth[node.id]! } ?? true) {
                bySW[code] = node
            }
        }
        self.nodesBySW = bySW
        self.depth = depth
    }

    func topLevel(of nodeId: String) -> String {
        taxonomy.node(nodeId)?.parentId ?? nodeId
    }

    func classify(_ enterprise: Enterprise, inputs: ClassificationInputs) -> [ChainAssignment] {
        var result: [ChainAssignment] = []
        let provenance = enterprise.provenance
        var primary: String?
        if let sw = enterprise.sw2021L3, let node = nodesBySW[sw] {
            primary = node.id
            result.append(ChainAssignment(enterpriseId: enterprise.id, nodeId: node.id, method: "sw2021-official",
                                          confidence: 0.9, evidence: "申万2021 \(sw) \(inputs.swNames[sw] ?? "")",
                                          provenance: Provenance(source: "sw2021-official", asOf: "2024-11")))
        } else if enterprise.isBiomedicine, let industry = inputs.tushareIndustry[enterprise.id],
                  let nodeId = Self.tushareFallback[industry] {
            primary = nodeId
            result.append(ChainAssignment(enterpriseId: enterprise.id, nodeId: nodeId, method: "tushare-industry",
                                          confidence: 0.6, evidence: "Tushare 行业 \(industry)", provenance: provenance))
        }

        let products = (inputs.productsByEnterprise[enterprise.id] ?? [])
            .sorted { ($0.revenueShare ?? 0) > ($1.revenueShare ?? 0) }
        guard !products.isEmpty else { return result }
        let primaryTop = primary.map(topLevel(of:))
        for node in taxonomy.nodes where node.id != primary {
            let eligible: Bool
            if enterprise.isBiomedicine {
                eligible = node.tier == .upstream || Self.crossCuttingNodes.contains(node.id)
                    || (primaryTop != nil && topLevel(of: node.id) == primaryTop)
            } else {
                eligible = node.tier == .upstream
            }
            guard eligible else { continue }
            let keywords = enterprise.isBiomedicine ? node.keywords : node.keywords.filter { $0.count >= 3 }
            guard let (product, keyword) = firstMatch(products, keywords) else { continue }
            let share = product.revenueShare.map { String(format: " (占营收 %.0f%%)", $0 * 100) } ?? ""
            result.append(ChainAssignment(enterpriseId: enterprise.id, nodeId: node.id, method: "product-keyword",
                                          confidence: enterprise.isBiomedicine ? 0.5 : 0.4,
                                          evidence: "主营产品 \(product.product)\(share) 含关键词 \(keyword)",
                                          provenance: product.provenance))
        }
        // A sub-node assignment makes its parent's own keyword match redundant.
        let subNodeParents = Set(result.compactMap { taxonomy.node($0.nodeId)?.parentId })
        return result.filter { $0.method != "product-keyword" || !subNodeParents.contains($0.nodeId) || $0.nodeId == primary }
    }

    private func firstMatch(_ products: [EnterpriseProduct], _ keywords: [String]) -> (EnterpriseProduct, String)? {
        for product in products {
            for keyword in keywords where product.product.contains(keyword) { return (product, keyword) }
        }
        return nil
    }
}
