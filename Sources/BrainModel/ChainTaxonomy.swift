/// Position of a node in the industry chain.
public enum ChainTier: String, Codable, Sendable, CaseIterable {
    case upstream, midstream, downstream
}

/// One node (or sub-node, when `parentId` is set) of an industry chain, read from a data file.
public struct ChainNode: Codable, Sendable, Hashable {
    public var id: String
    public var tier: ChainTier
    public var parentId: String?
    public var nameZh: String
    public var nameEn: String
    public var gbt4754: [String]
    public var sei2018: [String]
    public var sw2021: [String]
    public var hs: [String]
    public var keywords: [String]
    public var chokepointNote: String?

    enum CodingKeys: String, CodingKey {
        case id, tier, keywords, hs, sei2018, sw2021, gbt4754
        case parentId = "parent", nameZh = "name_zh", nameEn = "name_en", chokepointNote = "chokepoint_note"
    }

    public init(id: String, tier: ChainTier, parentId: String?, nameZh: String, nameEn: String,
                gbt4754: [String] = [], sei2018: [String] = [], sw2021: [String] = [], hs: [String] = [],
                keywords: [String] = [], chokepointNote: String? = nil) {
        self.id = id
        self.tier = tier
        self.parentId = parentId
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.gbt4754 = gbt4754
        self.sei2018 = sei2018
        self.sw2021 = sw2021
        self.hs = hs
        self.keywords = keywords
        self.chokepointNote = chokepointNote
    }
}

public struct ChainTierInfo: Codable, Sendable, Hashable {
    public var id: ChainTier
    public var nameZh: String
    public var nameEn: String
    enum CodingKeys: String, CodingKey { case id, nameZh = "name_zh", nameEn = "name_en" }
}

/// A whole industry chain (tiers → nodes → sub-nodes). Another industry is another data file.
public struct ChainTaxonomy: Codable, Sendable {
    public var id: String
    public var nameZh: String
    public var nameEn: String
    public var version: String
    public var tiers: [ChainTierInfo]
    public var nodes: [ChainNode]
    /// Which firms may be placed at all (absent in older chain files: then every firm may be).
    public var placement: ChainPlacementRules?
    /// Which product names are biomedicine products and on which node (from `chain-kg/product-vocabulary.json`, kept
    /// here so that the store saves it with the chain); nil when the data folder has none.
    public var productVocabulary: ProductVocabulary?

    enum CodingKeys: String, CodingKey {
        case id, version, tiers, nodes, placement, nameZh = "name_zh", nameEn = "name_en"
        case productVocabulary = "product_vocabulary"
    }

    public func node(_ id: String) -> ChainNode? { nodes.first { $0.id == id } }
    public func children(of id: String) -> [ChainNode] { nodes.filter { $0.parentId == id } }
    public var topLevelNodes: [ChainNode] { nodes.filter { $0.parentId == nil } }
}

/// The chain file's rules for which listed firms belong to the industry at all (see `ChainClassifier`).
public struct ChainPlacementRules: Codable, Sendable, Hashable {
    /// 申万 2021 first-level codes (e.g. 480000 银行) whose firms are never placed, whatever their product lists say.
    public var excludedSW2021L1: [String]
    /// 申万 2021 codes of any level (110801 动物保健) whose firms are never placed: the chain is human medicine.
    public var excludedSW2021Codes: [String]?
    /// A product line containing one of these (兽用, 农药, 发泡剂) is not evidence for any node: ADC发泡剂 is a blowing agent,
    /// 农药中间体 a pesticide intermediate, 猪用疫苗 a veterinary vaccine.
    public var nonBiomedicineProductWords: [String]?
    /// node → words of product lines that are not evidence for it: 核苷酸原料药 or 氨基酸原料药 of a seasoning maker
    /// (星湖科技: 味精, 呈味核苷酸) are food and feed additives, not active pharmaceutical ingredients.
    public var productWordsNotEvidenceFor: [String: [String]]?
    /// Phrases removed from business summaries before matching ("animal vaccines", "veterinary drugs").
    public var nonBiomedicineSummaryPhrases: [String]?
    /// node → WHO INN stems naming it in a business summary (antibodies: `mab`).
    public var innStems: [String: [String]]?
    /// The node that development codes in a summary (SHR3680) are evidence for.
    public var pipelineCodeNode: String?
    /// Tushare industries that count as this industry.
    public var biomedicineTushareIndustries: [String]
    /// Sectors of the business-profile source that count as this industry.
    public var biomedicineProfileSectors: [String]
    /// A product line naming equipment (冻干系统设备, 注射剂单机) is evidence only for the equipment nodes, not for the
    /// drug it makes.
    public var equipmentWords: [String]
    public var equipmentNodes: [String]
    /// Dosage forms and other words that only refine a node the firm is already on (胶囊 is a TCM or a chemical drug).
    public var refinementKeywords: [String]
    /// A short-name suffix of firms listed before making a profit (科创板 "-U"), and the sub-node it says a firm of a
    /// node is on (a pre-profit chemical-drug firm is an innovative-drug developer).
    public var preProfitSuffix: String?
    public var preProfitRefinements: [String: String]
    /// The sub-node a maker of a node's marketed products is on when nothing names another: marketed chemical drugs
    /// without evidence of new drugs are generics; manufactured Chinese medicines other than decoction pieces are 中成药.
    public var defaultChildren: [String: String]

    enum CodingKeys: String, CodingKey {
        case defaultChildren = "default_children"
        case refinementKeywords = "refinement_keywords", preProfitSuffix = "pre_profit_suffix", preProfitRefinements = "pre_profit_refinements"
        case equipmentWords = "equipment_words", equipmentNodes = "equipment_nodes"
        case excludedSW2021Codes = "excluded_sw2021_codes", nonBiomedicineProductWords = "non_biomedicine_product_words"
        case nonBiomedicineSummaryPhrases = "non_biomedicine_summary_phrases"
        case productWordsNotEvidenceFor = "product_words_not_evidence_for"
        case innStems = "inn_stems", pipelineCodeNode = "pipeline_code_node"
        case excludedSW2021L1 = "excluded_sw2021_l1", biomedicineTushareIndustries = "biomedicine_tushare_industries"
        case biomedicineProfileSectors = "biomedicine_profile_sectors"
    }

    public init(excludedSW2021L1: [String] = [], biomedicineTushareIndustries: [String] = [], biomedicineProfileSectors: [String] = [],
                equipmentWords: [String] = [], equipmentNodes: [String] = [], refinementKeywords: [String] = [],
                preProfitSuffix: String? = nil, preProfitRefinements: [String: String] = [:], defaultChildren: [String: String] = [:]) {
        self.defaultChildren = defaultChildren
        self.refinementKeywords = refinementKeywords
        self.preProfitSuffix = preProfitSuffix
        self.preProfitRefinements = preProfitRefinements
        self.equipmentWords = equipmentWords
        self.equipmentNodes = equipmentNodes
        self.excludedSW2021L1 = excludedSW2021L1
        self.biomedicineTushareIndustries = biomedicineTushareIndustries
        self.biomedicineProfileSectors = biomedicineProfileSectors
    }
}
