/// The chain analytics' reasons and labels: 补链/强链/延链 (`gap.*`), opportunities (`opportunity.*`, `quadrant.*`),
/// 卡脖子 flags (`chokepoint.*`), benchmark rows (`peer.*`), cluster criteria (`cluster.*`), the innovation index's notes
/// (`index.*`) and the quality dimensions (`quality.*`). Numbers arrive formatted; node names come as `node`/`node.en`.
extension ReasonCatalogue {
    static let chain: [String: ReasonTemplate] = gaps.merging(opportunities) { a, _ in a }
        .merging(chokepoints) { a, _ in a }.merging(labels) { a, _ in a }

    static let gaps: [String: ReasonTemplate] = [
        "gap.strong": .init(zh: "区位商 LQ {lq} ≥ {threshold}，已具优势",
                            en: "LQ {lq} ≥ {threshold}: already strong here"),
        "gap.weak": .init(zh: "已有 {firms} 家企业，但区位商 LQ {lq} < {threshold}",
                          en: "{firms} firm(s) here, but LQ {lq} < {threshold}"),
        "gap.missing-related": .init(zh: "本地暂无企业；相关密度 {density}，不低于缺失节点中位数 {median}",
                                     en: "no firms here; relatedness density {density} ≥ median {median} of absent nodes"),
        "gap.missing": .init(zh: "本地暂无企业；相关密度仅 {density}",
                             en: "no firms here; relatedness density only {density}"),
        "gap.density": .init(zh: "相关密度 {density}", en: "relatedness density {density}"),
        "gap.upstream-of-strong": .init(zh: "为本地优势节点「{node}」的上游：{pairs} 组产品关联，如 {example}",
                                        en: "upstream of strong {node}: {pairs} product link(s), e.g. {example}"),
        "gap.downstream-of-strong": .init(zh: "为本地优势节点「{node}」的下游：{pairs} 组产品关联，如 {example}",
                                          en: "downstream of strong {node}: {pairs} product link(s), e.g. {example}"),
        "gap.chain-neighbour-of-strong": .init(zh: "与本地优势节点「{node}」同在一条细分产业链上（上级、下级或同级节点），可沿链延伸",
                                               en: "beside strong {node} on the chain (its parent, a sub-node or a sibling): extends it"),
    ]

    static let opportunities: [String: ReasonTemplate] = [
        "opportunity.related": .init(zh: "与本地已有优势的{related}相关",
                                     en: "related to {related}, where the region specialises"),
        "opportunity.unrelated": .init(zh: "与本地已有优势的节点均不相关",
                                       en: "no node the region specialises in is related to it"),
        "opportunity.caveat-presence": .init(zh: "“具备”指生物医药产业链内显示性比较优势 RCA 达到门槛（ecomplexity 惯例），仅计上市企业。",
                                             en: "Presence is RCA ≥ threshold within the biomedicine chain (ecomplexity convention), counted on listed firms only."),
        "opportunity.caveat-overlap": .init(zh: "节点相互包含（子节点的企业也计入上级节点），会抬高上下级节点之间的邻近度。",
                                            en: "Nodes overlap (a sub-node's firms also count on its parent), which raises parent–child proximity."),
        "quadrant.high-relatedness-high-complexity": .init(zh: "高相关·高复杂度", en: "high relatedness, high complexity"),
        "quadrant.high-relatedness-low-complexity": .init(zh: "高相关·低复杂度", en: "high relatedness, low complexity"),
        "quadrant.low-relatedness-high-complexity": .init(zh: "低相关·高复杂度", en: "low relatedness, high complexity"),
        "quadrant.low-relatedness-low-complexity": .init(zh: "低相关·低复杂度", en: "low relatedness, low complexity"),
    ]

    static let chokepoints: [String: ReasonTemplate] = [
        "chokepoint.single-supplier": .init(zh: "仅 1 家上市供应商", en: "single listed supplier"),
        "chokepoint.no-supplier": .init(zh: "无上市供应商", en: "no listed supplier"),
        "chokepoint.concentrated-firms": .init(zh: "供应高度集中于少数企业（HHI {hhi}）",
                                               en: "highly concentrated among firms (HHI {hhi})"),
        "chokepoint.concentrated-provinces": .init(zh: "供应高度集中于少数省份（HHI {hhi}）",
                                                   en: "highly concentrated in few provinces (HHI {hhi})"),
        "chokepoint.named": .init(zh: "资料列为卡脖子环节", en: "named as a chokepoint by the sources"),
        "chokepoint.import-dependent": .init(zh: "进口依赖度 {share}", en: "import-dependent ({share})"),
        "chokepoint.no-trade": .init(zh: "默认数据无进出口数据：进口依赖度 M/(Q+M−X) 需各节点的进口、产量与出口（分类体系已带 HS 编码，可对接海关数据）",
                                     en: "no trade figures in the default data: import dependence M/(Q+M−X) needs imports, production and exports per node (the taxonomy carries HS codes to join customs data)"),
        "chokepoint.trade-imported": .init(zh: "依据导入的进出口数据", en: "from imported trade figures"),
        "chokepoint.trade-count": .init(zh: "{count} 个节点有进出口数据", en: "{count} node(s) with trade figures"),
        "band.unconcentrated": .init(zh: "分散", en: "unconcentrated"),
        "band.moderate": .init(zh: "中度集中", en: "moderate"),
        "band.high": .init(zh: "高度集中", en: "high"),
        "band.undefined": .init(zh: "无法计算", en: "undefined"),
    ]

    /// Names of benchmark rows, cluster criteria, index notes and quality dimensions: labels without values.
    static let labels: [String: ReasonTemplate] = [
        "peer.biomedicine-firms": .init(zh: "生物医药企业", en: "Biomedicine firms"),
        "peer.biomedicine-employees": .init(zh: "生物医药从业人员", en: "Biomedicine employees"),
        "peer.biomedicine-assets": .init(zh: "生物医药总资产（亿元）", en: "Biomedicine assets (100m yuan)"),
        "peer.listed-firms": .init(zh: "上市企业（全行业）", en: "Listed firms (all)"),
        "peer.innovative-firms": .init(zh: "创新型企业", en: "Innovative firms"),
        "peer.universities": .init(zh: "高校", en: "Universities"),
        "peer.medical-universities": .init(zh: "医药类高校", en: "Medical universities"),
        "peer.chain-completeness": .init(zh: "产业链完整度", en: "Chain completeness"),
        "peer.strong-nodes": .init(zh: "优势节点数", en: "Strong nodes"),
        "peer.eci": .init(zh: "经济复杂度 ECI", en: "Economic complexity (ECI)"),
        "cluster.scale": .init(zh: "规模（生物医药从业人员）", en: "Scale (biomedicine employees)"),
        "cluster.innovative-firms": .init(zh: "创新型企业", en: "Innovative firms"),
        "cluster.capability": .init(zh: "创新能力（医药类高校）", en: "Capability (medical universities)"),
        "cluster.chain-completeness": .init(zh: "产业链完整度", en: "Chain completeness"),
        "index.geometric-shift": .init(zh: "几何加权：归一化后不大于 0 的指标整体平移，使其最小值为 1",
                                       en: "geometric aggregation: indicators with values ≤ 0 after normalisation are shifted so their minimum is 1"),
        "index.rank-band": .init(zh: "排名区间：对归一化方法（{normalisations}）、加总方式（算术、几何）与权重（各乘以 U[{low}, {high}]）抽样 {draws} 次，取排名的第 5–95 百分位，随机种子 {seed}",
                                 en: "rank band: 5th–95th percentile of the rank over {draws} draws of normalisation ({normalisations}), aggregation (arithmetic, geometric) and weights (each × U[{low}, {high}]), seed {seed}"),
        "quality.space": .init(zh: "空间", en: "Space"),
        "quality.industry": .init(zh: "产业", en: "Industry"),
        "quality.capital": .init(zh: "资本", en: "Capital"),
        "quality.innovation": .init(zh: "创新", en: "Innovation"),
        "quality.talent": .init(zh: "人才", en: "Talent"),
    ]
}
