import Foundation
import BrainModel

/// Places listed firms on chain nodes from evidence, and abstains when the evidence does not say enough.
///
/// Evidence: the official 申万 2021 L3 code (mapped by the chain file; Tushare's industry for firms without one), main
/// products with their revenue share (chain knowledge graph), the English business summary (FinanceDatabase) and the
/// full name, each matched against the node keywords of the chain file (Chinese and English).
///
/// 1. **Industry gate.** A firm whose 申万 first level is excluded by the chain file (banks, insurers, real estate,
///    coal, liquor…) is never placed, whatever its product list says. A firm outside 申万 医药生物 is placed only on
///    strong evidence (below) or when Tushare / the profile's sector call it biomedicine.
/// 2. **Domain.** The 申万 node is the firm's domain when something else agrees: a product, summary or name hit in the
///    node's branch, or at least a biomedicine Tushare industry. When nothing in its branch agrees and strong evidence
///    names another branch (东富龙: 申万 医疗设备, summary "pharmaceutical equipment supplier"), the strong evidence
///    replaces it; when Tushare disagrees too (纳微科技: 申万 原料药, Tushare 化工原料), the firm abstains.
/// 3. **Other branches** need strong evidence: a product line of ≥ 30 % of revenue, the summary's first sentence or
///    the name, by a specific keyword — and, beside a corroborated domain, two such signals (strength ≥ 0.8).
/// 4. **Sub-nodes.** Within each placed node, the children its evidence names (products of ≥ 15 % or one specific
///    keyword of the summary: 南新制药 "focuses on innovative drugs and generic drugs"), keeping those
///    at least half as strong as the strongest; the parent stays as the coarser statement.
public struct ChainClassifier: Sendable {
    static let tushareFallback: [String: String] = [
        "化学制药": "chemical-drugs", "生物制药": "biologics", "中成药": "tcm",
        "医疗保健": "medical-devices", "医药商业": "wholesale",
    ]
    static let minimumShare = 0.1, refinementStrength = 0.15, strongShare = 0.3, crossBranchStrength = 0.8, corroboration = 0.3

    struct Placement {
        var node: String, method: String, confidence: Double, evidence: [Reason], provenance: Provenance
        init(_ node: String, _ method: String, _ confidence: Double, _ evidence: [Reason], _ provenance: Provenance) {
            (self.node, self.method, self.confidence, self.evidence, self.provenance) = (node, method, confidence, evidence, provenance)
        }
    }

    let taxonomy: ChainTaxonomy
    let rules: ChainPlacementRules
    /// 申万 L3 → the nodes it may mean, in chain-file order: the deepest nodes carrying the code (370504 体外诊断 is
    /// `ivd`, not its parent) — several when 申万 lumps businesses the chain tells apart (370603 医疗研发外包: CRO and
    /// CDMO; 370101 原料药: APIs, intermediates, excipients and capsules).
    private let nodesBySW: [String: [String]]
    private let nodes: [String: ChainNode]
    private let keywords: [(node: String, keyword: String, specific: Bool, latin: Bool, bytes: [UInt8])]
    private let hasChildren: Set<String>

    public init(taxonomy: ChainTaxonomy) {
        self.taxonomy = taxonomy
        let rules = taxonomy.placement ?? ChainPlacementRules()
        self.rules = rules
        var bySW: [String: [String]] = [:]
        for depth in [0, 1] {
            for node in taxonomy.nodes where (node.parentId == nil ? 0 : 1) == depth {
                for code in node.sw2021 {
                    if depth == 1, let parent = node.parentId { bySW[code]?.removeAll { $0 == parent } }
                    bySW[code, default: []].append(node.id)
                }
            }
        }
        nodesBySW = bySW
        nodes = Dictionary(taxonomy.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        hasChildren = Set(taxonomy.nodes.compactMap(\.parentId))
        keywords = taxonomy.nodes.flatMap { node in
            node.keywords.map { keyword in
                let latin = EvidenceText.isLatin(keyword)
                let specific = !rules.refinementKeywords.contains(keyword) && (keyword == node.nameZh || keyword.count >= 3)
                return (node.id, keyword, specific, latin, EvidenceText.folded(keyword))
            }
        }
    }

    /// The firm's top-level node or itself.
    func topLevel(of nodeId: String) -> String { nodes[nodeId]?.parentId ?? nodeId }

    /// `a` is `b`, an ancestor or a descendant of it.
    func sameBranch(_ a: String, _ b: String) -> Bool {
        a == b || nodes[a]?.parentId == b || nodes[b]?.parentId == a
    }

    func classify(_ enterprise: Enterprise, inputs: ClassificationInputs) -> (assignments: [ChainAssignment], isBiomedicine: Bool) {
        let sw = enterprise.sw2021L3
        let inIndustry = sw?.hasPrefix("37") ?? false
        if let sw, !inIndustry, rules.excludedSW2021L1.contains(String(sw.prefix(2)) + "0000") || (rules.excludedSW2021Codes ?? []).contains(sw) {
            return ([], false)
        }
        let tushare = inputs.tushareIndustry[enterprise.id]
        let tushareAgrees = tushare.map(rules.biomedicineTushareIndustries.contains) ?? false
        let profile = enterprise.stockCode.flatMap { inputs.profiles[$0] }

        // The nodes the industry code may mean.
        var candidates: [String] = [], domainEvidence: Reason?, dropped: Reason?, domainMethod = "", domainProvenance = enterprise.provenance
        if inIndustry, let sw, let nodes = nodesBySW[sw] {
            let values = ["code": sw, "name": inputs.swNames[sw] ?? ""]
            (candidates, domainMethod) = (nodes, "sw2021-official")
            (domainEvidence, dropped) = (Reason("evidence.sw2021", values), Reason("evidence.sw2021-unconfirmed", values))
            domainProvenance = Provenance(source: "sw2021-official", asOf: "2024-11")
        } else if sw == nil || inIndustry, tushareAgrees, let industry = tushare, let node = Self.tushareFallback[industry] {
            (candidates, domainMethod) = ([node], "tushare-industry")
            (domainEvidence, dropped) = (Reason("evidence.tushare", ["industry": industry]), Reason("evidence.tushare-unconfirmed", ["industry": industry]))
        }
        let hits = evidence(enterprise, profile: profile, products: inputs.productsByEnterprise[enterprise.id] ?? [], home: candidates)
        let strength = hits.mapValues(Self.strength)
        let strong = Set(hits.filter { Self.isStrong($0.value) }.keys)
        let profileAgrees = profile.map { rules.biomedicineProfileSectors.contains($0.sector) } ?? false
        // Outside 申万 医药生物 and without another source calling it biomedicine, two strong signals are needed.
        let isBiomedicine = inIndustry || tushareAgrees || profileAgrees || inputs.kgBiomedicine.contains(enterprise.stockCode ?? "")
            || strong.contains { (strength[$0] ?? 0) >= Self.crossBranchStrength }
        guard isBiomedicine else { return ([], false) }

        var placed: [Placement] = []
        // The candidates something else agrees with; with none, the first, unless strong evidence points elsewhere or
        // Tushare disagrees (then the code alone is not enough).
        func support(_ node: String) -> Double { hits.keys.filter { sameBranch($0, node) }.reduce(0) { $0 + (strength[$1] ?? 0) } }
        var domains = candidates.filter { support($0) >= Self.corroboration }
        // The code is replaced only by clearly stronger evidence of the same kind of business (东富龙: 医疗设备 →
        // 制药装备), never a maker by its distribution arm.
        if domains.isEmpty, let first = candidates.first, tushareAgrees, !strong.contains(where: { node in
            !candidates.contains { sameBranch(node, $0) } && (strength[node] ?? 0) > 2 * support(first)
                && (nodes[node]?.tier == .downstream) == (nodes[first]?.tier == .downstream)
        }) {
            domains = [first]
        }
        for domain in domains {
            let own = (hits[domain] ?? []).prefix(2).map(\.reason)
            placed.append(Placement(domain, domainMethod, support(domain) >= Self.corroboration ? 0.9 : 0.8, [domainEvidence].compactMap { $0 } + own, domainProvenance))
        }
        // The industry code the firm was not placed by is said, so a reader sees it was weighed.
        if candidates.isEmpty || !domains.isEmpty { dropped = nil }
        // Other branches, most specific node of each. Beside a domain they need two kinds of evidence and stay in the
        // domain's tier kind: a drug maker with a distribution arm is not a distributor, nor a distributor a drug maker.
        var cross = strong.filter { node in !domains.contains { sameBranch(node, $0) } }
        if !domains.isEmpty {
            cross = cross.filter { node in
                let kinds = Set((hits[node] ?? []).map { $0.source == .summaryBody ? .summaryLead : $0.source })
                return Self.productShare((hits[node] ?? []).filter(\.specific)) >= Self.strongShare && kinds.count >= 2
                    && domains.allSatisfy { (nodes[$0]?.tier == .downstream) == (nodes[node]?.tier == .downstream) }
            }
        }
        cross = cross.filter { node in !cross.contains { nodes[$0]?.parentId == node } }
        for node in cross.sorted() {
            let nodeHits = hits[node] ?? []
            let evidence = nodeHits.prefix(3).map(\.reason) + [dropped].compactMap { $0 }
            placed.append(Placement(node, Self.method(nodeHits), Self.confidence(strength[node] ?? 0), evidence, provenance(nodeHits, enterprise)))
            // A sub-node's firm is also its parent's.
            if let parent = nodes[node]?.parentId, !placed.contains(where: { $0.node == parent }) {
                placed.append(Placement(parent, Self.method(nodeHits), Self.confidence(strength[node] ?? 0),
                                        [Reason("evidence.sub-node", ["node": nodes[node]?.nameZh ?? node, "node.en": nodes[node]?.nameEn ?? node])] + evidence, provenance(nodeHits, enterprise)))
            }
        }
        // Sub-nodes of what was placed.
        for parent in domains + cross where hasChildren.contains(parent) {
            let children = taxonomy.children(of: parent).map(\.id).filter { (strength[$0] ?? 0) >= Self.refinementStrength && !placed.map(\.node).contains($0) }
            let best = children.map { strength[$0] ?? 0 }.max() ?? 0
            for child in children where (strength[child] ?? 0) >= best / 2 {
                let nodeHits = hits[child] ?? []
                placed.append(Placement(child, Self.method(nodeHits), Self.confidence(strength[child] ?? 0),
                                        nodeHits.prefix(3).map(\.reason), provenance(nodeHits, enterprise)))
            }
        }
        // 科创板 lists firms before their first profit with a "-U" suffix: a pre-profit drug firm is developing new drugs.
        if let suffix = rules.preProfitSuffix, enterprise.name.hasSuffix(suffix) {
            for domain in domains {
                guard let child = rules.preProfitRefinements[domain], !placed.contains(where: { $0.node == child }) else { continue }
                placed.append(Placement(child, "listing-marker", 0.6, [Reason("evidence.pre-profit", ["suffix": suffix])], enterprise.provenance))
            }
        }
        // A maker of the node's own products (制剂, "Chinese medicines") with no sub-node named is on the default one;
        // 申万 化学制剂 or 中药 confirmed by Tushare's industry says as much as a product line does.
        let codeConfirmed = domainMethod == "sw2021-official" && tushareAgrees
        for domain in domains where (codeConfirmed || !(hits[domain] ?? []).isEmpty) && !enterprise.name.hasSuffix(rules.preProfitSuffix ?? "\u{0}") {
            guard let child = rules.defaultChildren[domain], !placed.contains(where: { nodes[$0.node]?.parentId == domain }) else { continue }
            let own = (hits[domain] ?? []).isEmpty ? [domainEvidence].compactMap { $0 } : (hits[domain] ?? []).prefix(2).map(\.reason)
            placed.append(Placement(child, "default-child", 0.55, own + [Reason("evidence.no-other-sub-node")], provenance(hits[domain] ?? [], enterprise)))
        }
        let assignments = placed.map {
            ChainAssignment(enterpriseId: enterprise.id, nodeId: $0.node, method: $0.method, confidence: $0.confidence,
                            evidence: ChainEvidence.encode($0.evidence), provenance: $0.provenance)
        }
        return (assignments, true)
    }

    /// node → the hits naming it. A product line counts for the nodes of its longest matching keyword only
    /// (重组人胰岛素原料药 is insulin before it is an API… both are three characters, so both count).
    /// A product line is read in the firm's own industry first (`home`: the nodes its industry code may mean): 胶囊剂 of
    /// a TCM maker is a proprietary medicine, of a chemical-drug maker a chemical drug.
    func evidence(_ enterprise: Enterprise, profile: BusinessProfile?, products: [EnterpriseProduct], home: [String] = []) -> [String: [EvidenceHit]] {
        var hits: [String: [EvidenceHit]] = [:]
        for product in products.sorted(by: { ($0.revenueShare ?? 0) > ($1.revenueShare ?? 0) }) {
            guard (product.revenueShare ?? 1) >= Self.minimumShare,
                  !(rules.nonBiomedicineProductWords ?? []).contains(where: product.product.contains) else { continue }
            let text = EvidenceText.folded(product.product)
            let equipment = rules.equipmentWords.contains { product.product.contains($0) }
            let matches = keywords.filter { (!equipment || rules.equipmentNodes.contains($0.node)) && !notEvidence($0.node, product.product)
                && EvidenceText.contains(text, keyword: $0.bytes, latin: $0.latin) }
            let homeMatches = matches.filter { match in home.contains { sameBranch(match.node, $0) } }
            let read = homeMatches.isEmpty ? matches : homeMatches
            let longest = read.map(\.keyword.count).max() ?? 0
            var seen: Set<String> = []
            for match in read where match.keyword.count == longest && seen.insert(match.node).inserted {
                guard !(hits[match.node] ?? []).contains(where: { $0.source == .product && $0.text == product.product }) else { continue }
                hits[match.node, default: []].append(EvidenceHit(source: .product, keyword: match.keyword, text: product.product,
                                                                 share: product.revenueShare, specific: match.specific))
            }
        }
        if let profile, !profile.summary.isEmpty {
            let summary = (rules.nonBiomedicineSummaryPhrases ?? []).reduce(profile.summary) {
                $0.replacingOccurrences(of: $1, with: " ", options: .caseInsensitive)
            }
            let (leadText, bodyText) = EvidenceText.summaryParts(summary, englishName: profile.nameEn)
            let lead = EvidenceText.folded(leadText), body = EvidenceText.folded(bodyText)
            for match in keywords where match.latin {
                if EvidenceText.contains(lead, keyword: match.bytes, latin: true) {
                    hits[match.node, default: []].append(EvidenceHit(source: .summaryLead, keyword: match.keyword, specific: match.specific))
                } else if EvidenceText.contains(body, keyword: match.bytes, latin: true) {
                    hits[match.node, default: []].append(EvidenceHit(source: .summaryBody, keyword: match.keyword, specific: match.specific))
                }
            }
        }
        if let profile, !profile.summary.isEmpty {
            let named = DrugNameEvidence.hits(summary: profile.summary, innStems: rules.innStems ?? [:], pipelineNode: rules.pipelineCodeNode)
            for (node, words) in named where nodes[node] != nil {
                for word in words.prefix(3) {
                    hits[node, default: []].append(EvidenceHit(source: .summaryBody, keyword: word, specific: true))
                }
            }
        }
        // Names say something only about leaf nodes (药用玻璃, 疫苗): 生物制药 or 中药 in a name is a firm's self-styling.
        let name = [enterprise.name, enterprise.fullName ?? ""].joined(separator: " ")
        for match in keywords where !match.latin && !hasChildren.contains(match.node) && match.specific
            && name.contains(match.keyword) && !(hits[match.node] ?? []).contains(where: { $0.source == .name }) {
            hits[match.node, default: []].append(EvidenceHit(source: .name, keyword: match.keyword, specific: true))
        }
        return hits.mapValues { $0.sorted { ($0.source, $0.share ?? 0) > ($1.source, $1.share ?? 0) } }
    }

    /// A product line naming a food or feed additive (味精, 核苷酸, 氨基酸) says nothing about the node's own products.
    func notEvidence(_ node: String, _ product: String) -> Bool {
        let words = rules.productWordsNotEvidenceFor?[node] ?? rules.productWordsNotEvidenceFor?[topLevel(of: node)] ?? []
        return words.contains { product.contains($0) }
    }

    static func productShare(_ hits: [EvidenceHit]) -> Double {
        min(1, hits.filter { $0.source == .product }.reduce(0) { $0 + ($1.share ?? strongShare) })
    }

    /// Products' revenue share (≤ 1) + 0.6 for the summary's first sentence + 0.15 per further summary keyword
    /// (at most three) + 0.6 for the name.
    static func strength(_ hits: [EvidenceHit]) -> Double {
        let body = Set(hits.filter { $0.source == .summaryBody }.map(\.keyword)).count
        return productShare(hits) + (hits.contains { $0.source == .summaryLead } ? 0.6 : 0) + 0.15 * Double(min(3, body))
            + (hits.contains { $0.source == .name } ? 0.6 : 0)
    }

    static func isStrong(_ hits: [EvidenceHit]) -> Bool {
        let specific = hits.filter(\.specific)
        return productShare(specific) >= strongShare || specific.contains { $0.source == .summaryLead || $0.source == .name }
    }

    static func confidence(_ strength: Double) -> Double { (min(0.85, 0.45 + 0.3 * strength) * 100).rounded() / 100 }

    static func method(_ hits: [EvidenceHit]) -> String {
        switch hits.map(\.source).max() {
        case .summaryLead?, .summaryBody?: return "business-summary"
        case .name?: return "name-keyword"
        default: return "product-keyword"
        }
    }

    func provenance(_ hits: [EvidenceHit], _ enterprise: Enterprise) -> Provenance {
        switch hits.map(\.source).max() {
        case .summaryLead?, .summaryBody?: return BusinessProfile.provenance
        case .product?: return Provenance(source: "chainkg-liuhuanyong", asOf: "2021-10")
        default: return enterprise.provenance
        }
    }
}
