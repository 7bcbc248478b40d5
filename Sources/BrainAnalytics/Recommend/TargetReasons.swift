import BrainModel

/// Why a firm is a 招商 target for a region, as structured reasons (`Reason`, worded in ReasonCatalogue+Recommend):
/// what its node is here (补链/强链/延链, status, density, PCI), what it makes, which local firms it would supply or
/// buy from (with the product pair as evidence), its size and growth, its quality, and the same-province note.
/// Each reason carries the firm's own figures, so two firms read alike only where their data is alike.
struct TargetReasons {
    let analysis: LevelAnalysis
    let links: FirmLinks
    let strength: [String: Double]
    let pciPercentile: [Double]
    let densities: [Double?]
    let members: Set<String>
    let nodes: TargetRegionNodes?
    /// why each shown firm sits on its node ("firm|node" → evidence such as 申万 370102 化学制剂)
    var evidence: [String: String] = [:]

    func reasons(for target: InvestmentTargets.Target) -> [Reason] {
        let index = analysis.index
        var reasons: [Reason] = []
        // The warning comes first: it outweighs every other reason.
        if target.riskWarning { reasons.append(Reason("target.risk-warning", ["name": target.firm.name])) }
        let column = target.node.flatMap { node in analysis.nodeIds.firstIndex(of: node.id) }
        if let node = target.node, let n = column {
            let maxDensity = densities.compactMap { $0 }.max() ?? 0
            var values = ["node": node.nameZh, "node.en": node.nameEn, "density": Self.number(densities[n] ?? 0),
                          "max": Self.number(maxDensity), "pci": "\(Int((pciPercentile[n] * 100).rounded()))"]
            if let nodes {
                let role = TargetRegionNodes.roleNames[nodes.role(n)], status = TargetRegionNodes.statusNames[nodes.status[n]]
                values["role"] = role?.zh; values["role.en"] = role?.en
                values["status"] = status?.zh; values["status.en"] = status?.en
                values["firms"] = Self.number(nodes.firms[n], digits: 0)
                values["lq"] = nodes.lq[n].map { Self.number($0) } ?? "–"
                // An absent node has no firms and no LQ to speak of: its reason says so without the zeros.
                reasons.append(Reason(nodes.firms[n] > 0 ? "target.node-here" : "target.node-absent", values))
                if target.role == "extend", let link = nodes.strongestLink[n] {
                    reasons.append(Reason("target.extend-link", ["strong": link.strong.nameZh, "strong.en": link.strong.nameEn,
                                                                 "pairs": "\(link.productPairs)", "example": link.example]))
                } else if target.role == "extend", let strong = nodes.chainNeighbour[n] {
                    reasons.append(Reason("target.extend-chain", ["strong": strong.nameZh, "strong.en": strong.nameEn]))
                }
            } else {
                reasons.append(Reason("target.node-fit", values))
            }
        }
        let products = Self.mainProducts(index.productsByEnterprise[target.firm.id] ?? [])
        if !products.isEmpty {
            // The products are the source's names: quoted as written in English.
            reasons.append(Reason("target.products", ["products": products.joined(separator: "、"),
                                                      "products.en": products.map { "“\($0)”" }.joined(separator: ", ")]))
        } else if let node = target.node, let evidence = evidence["\(target.firm.id)|\(node.id)"], !evidence.isEmpty {
            reasons.append(Reason("target.evidence", Self.firstClauses(evidence).merging(["node": node.nameZh, "node.en": node.nameEn]) { a, _ in a }))
        }
        let linked = links.linked(target.firm.id, among: members)
        for (role, code) in [("customer", "target.supplies"), ("supplier", "target.buys")] {
            let rows = linked.filter { $0.role == role }
            guard !rows.isEmpty else { continue }
            let named = rows.prefix(3).map { "\(index.enterprisesById[$0.firm]?.name ?? $0.firm)（\($0.evidence)）" }
            reasons.append(Reason(code, ["count": "\(Set(rows.map(\.firm)).count)", "firms": named.joined(separator: "；")]))
        }
        if let firm = index.enterprisesById[target.firm.id] {
            let assets = firm.totalAssetsYi.map { Self.number($0, digits: 1) }, employees = firm.employees.map { Self.number(Double($0), digits: 0) }
            switch (assets, employees) {
            case let (assets?, employees?): reasons.append(Reason("target.size", ["assets": assets, "employees": employees]))
            case let (assets?, nil): reasons.append(Reason("target.assets", ["assets": assets]))
            case let (nil, employees?): reasons.append(Reason("target.employees", ["employees": employees]))
            case (nil, nil): break
            }
            if let revenue = firm.revenueGrowthPct {
                reasons.append(Reason("target.growth", ["revenue": Self.signed(revenue),
                                                        "profit": firm.profitGrowthPct.map(Self.signed) ?? "–"]))
            }
        }
        if let quality = strength[target.firm.id] { reasons.append(Reason("target.quality", ["score": Self.number(quality, digits: 1)])) }
        if target.sameProvince { reasons.append(Reason("target.same-province")) }
        return reasons
    }

    /// The firm's main products, largest revenue share first (then by name), at most three.
    static func mainProducts(_ products: [EnterpriseProduct]) -> [String] {
        var seen = Set<String>(), names: [String] = []
        for product in products.sorted(by: { ($0.revenueShare ?? -1, $1.product) > ($1.revenueShare ?? -1, $0.product) })
        where !isBookkeeping(product.product) && seen.insert(product.product).inserted {
            names.append(product.product)
            if names.count == 3 { break }
        }
        return names
    }

    /// The first clause of a placement's evidence in each language: `evidence` and `evidence.en` from coded evidence
    /// (`ChainEvidence`), `evidence` alone from an old database's sentence, which is data in either language.
    static func firstClauses(_ stored: String) -> [String: String] {
        guard let first = ChainEvidence.reasons(stored)?.first else { return ["evidence": firstClause(stored)] }
        let english = ReasonText.render(first, in: .en)
        return ["evidence": firstClause(ReasonText.render(first, in: .zh)),
                "evidence.en": english.count > 60 ? String(english.prefix(59)) + "…" : english]
    }

    /// The first clause of a placement's evidence (the rest lists further hits and reviewers' notes), at most 60 characters.
    static func firstClause(_ evidence: String) -> String {
        let clause = evidence.split(whereSeparator: { "；;（(".contains($0) }).first.map(String.init) ?? evidence
        return clause.count > 60 ? String(clause.prefix(59)) + "…" : clause
    }

    /// Segment lines of the annual report that are accounting, not business (平衡项目, 其他业务, 合计…).
    static func isBookkeeping(_ name: String) -> Bool {
        ["平衡项目", "其他", "其它", "合计", "抵消", "抵销", "分部间"].contains { name.hasPrefix($0) || name.contains("平衡项目") || name.contains("抵消") }
    }

    static func number(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return "–" }
        return String(format: "%.\(digits)f", value)
    }

    static func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + number(value, digits: 1) + "%" }
}
