/// The vetted words that decide whether a product name of the chain knowledge graph is a biomedicine product and on
/// which chain node it sits, so that only links between biomedicine products run between firms
/// (`data/chain-kg/product-vocabulary.json`; its `vetting` note says how each list was checked).
public struct ProductVocabulary: Codable, Sendable, Hashable {
    /// Whole names that are no product (服务, 贸易, 保理, 药品销售): never linked, never listed as a main product.
    public var genericNames: [String]
    /// Words that make a line generic wherever they appear (贸易, 租赁, 保理, 物业).
    public var genericWords: [String]
    /// Words that put a product outside biomedicine even when a node keyword matches (农药中间体, 太阳能安装支架,
    /// 机动车检测服务, 热敏CTP).
    public var nonBiomedicineWords: [String]
    /// Words that make a product biomedicine without settling its node (西药, 抗感染类, 处方药): listed as a main
    /// product, never linked (a link needs both ends' tiers).
    public var biomedicineWords: [String]
    /// Product names or name parts placed on a node by hand (板蓝根 → 中药材, 阿莫西林 → 化学药).
    public var nodeTerms: [String: [String]]
    /// Node keywords that do not settle a product's node by themselves (口腔 names dental hospitals and 口腔溃疡贴片),
    /// besides the chain file's refinement keywords (胶囊, 注射液): such a product sits on the node only when a firm on
    /// that node makes it.
    public var ambiguousKeywords: [String]
    /// Steps within one tier that the chain takes (医药中间体 → 原料药); across tiers a link runs upstream → midstream →
    /// downstream.
    public var withinTierSteps: [[String]]
    /// What an upstream node's products go into, where the chain is narrower than its tiers (a herb feeds Chinese
    /// medicine, not a vaccine): node → the nodes (with their sub-nodes) it may feed. Nodes not named feed any later tier.
    public var feeds: [String: [String]]
    /// Nodes of raw materials whose keyword in a dosage-form name names the ingredient, not the product: 肝素钠注射液 and
    /// 三七通舒胶囊 are finished medicines, not an API or a herb.
    public var finishedFormOverrides: [String]
    /// A product more firms than this list is a generic word of the graph, not a product that ties two firms.
    public var maxMakers: Int

    enum CodingKeys: String, CodingKey {
        case genericNames = "generic_names", genericWords = "generic_words", nonBiomedicineWords = "non_biomedicine_words"
        case biomedicineWords = "biomedicine_words", nodeTerms = "node_terms", ambiguousKeywords = "ambiguous_keywords"
        case withinTierSteps = "within_tier_steps", maxMakers = "max_makers", finishedFormOverrides = "finished_form_overrides", feeds
    }

    public init(genericNames: [String] = [], genericWords: [String] = [], nonBiomedicineWords: [String] = [],
                biomedicineWords: [String] = [], nodeTerms: [String: [String]] = [:], ambiguousKeywords: [String] = [],
                withinTierSteps: [[String]] = [], feeds: [String: [String]] = [:], finishedFormOverrides: [String] = [],
                maxMakers: Int = 25) {
        (self.genericNames, self.genericWords, self.nonBiomedicineWords, self.biomedicineWords) =
            (genericNames, genericWords, nonBiomedicineWords, biomedicineWords)
        (self.nodeTerms, self.ambiguousKeywords, self.withinTierSteps, self.maxMakers) = (nodeTerms, ambiguousKeywords, withinTierSteps, maxMakers)
        (self.feeds, self.finishedFormOverrides) = (feeds, finishedFormOverrides)
    }
}
