/// Why the classifier put a firm on a chain node (`ChainEvidence`, stored in `chain_assignments.evidence`). The Chinese
/// reads exactly as the classifier's sentences did before they became codes; 申万 names, product lines and keywords are
/// data, shown as written.
extension ReasonCatalogue {
    static let evidence: [String: ReasonTemplate] = [
        "evidence.sw2021": .init(zh: "申万2021 {code} {name}", en: "Shenwan 2021 industry {code} {name}"),
        "evidence.tushare": .init(zh: "Tushare 行业 {industry}", en: "Tushare industry {industry}"),
        "evidence.sw2021-unconfirmed": .init(zh: "（申万2021 {code} {name} 无佐证，未采用）",
                                             en: "(Shenwan 2021 industry {code} {name} not corroborated, not used)"),
        "evidence.tushare-unconfirmed": .init(zh: "（Tushare 行业 {industry} 无佐证，未采用）",
                                              en: "(Tushare industry {industry} not corroborated, not used)"),
        "evidence.product": .init(zh: "主营产品 {product} 含“{keyword}”", en: "main product {product} contains “{keyword}”"),
        "evidence.product-share": .init(zh: "主营产品 {product} (占营收 {share}%) 含“{keyword}”",
                                        en: "main product {product} ({share}% of revenue) contains “{keyword}”"),
        "evidence.summary-lead": .init(zh: "英文业务简介首句含“{keyword}”",
                                       en: "the first sentence of the English business summary contains “{keyword}”"),
        "evidence.summary": .init(zh: "英文业务简介含“{keyword}”", en: "the English business summary contains “{keyword}”"),
        "evidence.name": .init(zh: "企业全称含“{keyword}”", en: "the full name contains “{keyword}”"),
        "evidence.sub-node": .init(zh: "属子节点 {node}", en: "on its sub-node {node}"),
        "evidence.pre-profit": .init(zh: "证券简称带“{suffix}”（上市时尚未盈利）：研发阶段的药企",
                                     en: "the short name carries “{suffix}” (not yet profitable at listing): a drug developer"),
        // An import's classifier (`ImportClassifier`, `NMPANameRules`): the row's 所属行业 (GB/T 4754 class), 经营范围 and name.
        "evidence.industry-class": .init(zh: "所属行业 {label}", en: "industry class {label}"),
        "evidence.industry-class-scope": .init(zh: "所属行业 {label} · 经营范围含 {words}", en: "industry class {label} · business scope names {words}"),
        "evidence.scope": .init(zh: "经营范围含 {words}", en: "business scope names {words}"),
        "evidence.company-name": .init(zh: "企业名称: {words}", en: "company name: {words}"),
        "evidence.no-other-sub-node": .init(zh: "未见其他子节点的证据", en: "no evidence of another sub-node"),
    ]
}
