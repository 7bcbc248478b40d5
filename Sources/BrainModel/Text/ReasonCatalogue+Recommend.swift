extension ReasonCatalogue {
    /// 招商 targets (InvestmentTargets, TargetReasons).
    static let recommend: [String: ReasonTemplate] = [
        "target.strategy-unknown": ReasonTemplate(zh: "strategy 应为 {choices} 之一，收到 {strategy}",
                                                  en: "strategy must be one of {choices}, not {strategy}"),
        "target.weight-range": ReasonTemplate(zh: "权重 {key} 应为 0 到 1 之间的数，收到 {value}",
                                              en: "weight {key} must be a number from 0 to 1, not {value}"),
        "target.weights-zero": ReasonTemplate(zh: "至少一个权重应大于 0", en: "at least one weight must be positive"),
        "target.node-here": ReasonTemplate(
            zh: "{role}·{node}：{status}（{firms} 家，区位商 LQ {lq}），相关密度 {density}（本地最高 {max}），PCI 百分位 {pci}%",
            en: "{role} · {node}: {status} ({firms} firms, LQ {lq}), relatedness density {density} (highest here {max}), PCI percentile {pci}%"),
        "target.node-absent": ReasonTemplate(
            zh: "{role}·{node}：{status}，相关密度 {density}（本地最高 {max}），PCI 百分位 {pci}%",
            en: "{role} · {node}: {status}, relatedness density {density} (highest here {max}), PCI percentile {pci}%"),
        "target.node-fit": ReasonTemplate(
            zh: "{node}：相关密度 {density}（本地最高 {max}），PCI 百分位 {pci}%",
            en: "{node}: relatedness density {density} (highest here {max}), PCI percentile {pci}%"),
        "target.extend-link": ReasonTemplate(
            zh: "与本地优势节点{strong}有 {pairs} 组产品上下游关系，如 {example}",
            en: "{pairs} product links to {strong}, strong here, e.g. {example}"),
        "target.extend-chain": ReasonTemplate(
            zh: "与本地优势节点{strong}同在一条细分产业链上（上级、下级或同级节点），可沿链延伸",
            en: "on the same branch of the chain as {strong}, strong here (its parent, a sub-node or a sibling): extends it"),
        "target.products": ReasonTemplate(zh: "主营产品：{products}", en: "Main products: {products}"),
        "target.evidence": ReasonTemplate(zh: "归入{node}的依据：{evidence}", en: "On {node} because of: {evidence}"),
        "target.supplies": ReasonTemplate(zh: "可为本地 {count} 家企业供货（作为供应商）：{firms}",
                                          en: "Could supply {count} local firms (as their supplier): {firms}"),
        "target.buys": ReasonTemplate(zh: "可采购本地 {count} 家企业的产品（作为客户）：{firms}",
                                      en: "Could buy from {count} local firms (as their customer): {firms}"),
        "target.size": ReasonTemplate(zh: "规模：总资产 {assets} 亿元，员工 {employees} 人",
                                      en: "Size: total assets {assets} yi yuan, {employees} employees"),
        "target.assets": ReasonTemplate(zh: "规模：总资产 {assets} 亿元", en: "Size: total assets {assets} yi yuan"),
        "target.employees": ReasonTemplate(zh: "规模：员工 {employees} 人", en: "Size: {employees} employees"),
        "target.growth": ReasonTemplate(zh: "增长：营收同比 {revenue}，净利润同比 {profit}",
                                        en: "Growth: revenue {revenue} year on year, net profit {profit}"),
        "target.quality": ReasonTemplate(zh: "发展质量（不含区位）{score} 分", en: "Development quality without location: {score}"),
        "target.risk-warning": ReasonTemplate(zh: "风险警示：{name} 为 ST/*ST 股票（交易所风险警示，经营或财务异常），招引前需核查",
                                              en: "Risk warning: {name} is an ST/*ST stock (the exchange's warning of losses or irregularities); check before courting it"),
        "target.same-province": ReasonTemplate(zh: "同省企业：省内招引属存量转移", en: "Same province: attracting it moves a firm within the province"),
    ]
}
