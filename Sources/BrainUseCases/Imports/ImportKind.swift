import BrainIngest
import BrainModel

/// Every kind of file a user can import, in one place: its name (the CLI's `--kind`, the API's `kind=`), its label,
/// the header synonyms its check knows, its template and how it is checked and written (`ImportKind.Pipeline`). The
/// CLI, the `/import` page, the API and its OpenAPI document all list the kinds from here.
public enum ImportKind: String, CaseIterable, Sendable, Codable {
    case enterprises, products, relations, events, talents, policies, offers, demands

    /// How a kind's rows are checked and written.
    public enum Pipeline: Sendable {
        /// Located and classified firms (`EnterpriseFileCheck` → `importEnterprises`).
        case enterprises
        /// Rows naming firms or products (`LinkFileCheck` → `importLinks`).
        case links(LinkFileCheck.Kind)
        /// An organisation's demands, offers or talents (`MarketFileCheck` → `addMarketRecords`).
        case market(MarketKind)
        /// Policy clauses and who may claim them (`PolicyFileCheck` → `importPolicies`), the importing organisation's own
        /// or public.
        case policies
        /// Not importable yet; the reason says what to do instead.
        case notBuilt(reason: String)
    }

    public var pipeline: Pipeline {
        switch self {
        case .enterprises: .enterprises
        case .products: .links(.products)
        case .events: .links(.events)
        case .relations: .links(.relations)
        case .demands: .market(.demand)
        case .offers: .market(.offer)
        case .talents: .market(.talent)
        case .policies: .policies
        }
    }

    /// The kind named `text` (the API's `kind=`; none given means enterprises) when it can be imported.
    public static func importable(_ text: String?) -> ImportKind? {
        guard let kind = ImportKind(rawValue: text ?? ImportKind.enterprises.rawValue), kind.isImportable else { return nil }
        return kind
    }

    /// The kinds a file can be imported as, in the order pages and documents list them.
    public static var importableKinds: [ImportKind] { [.enterprises, .products, .events, .relations, .demands, .offers, .talents, .policies] }

    public var isImportable: Bool {
        if case .notBuilt = pipeline { return false }
        return true
    }

    /// The market kind of demands, offers and talents: records that belong to an organisation.
    public var marketKind: MarketKind? {
        if case .market(let kind) = pipeline { return kind }
        return nil
    }

    public var label: (zh: String, en: String) {
        switch self {
        case .enterprises: ("企业", "Enterprises")
        case .products: ("产品", "Products")
        case .events: ("事件", "Events")
        case .relations: ("产品关系", "Product relations")
        case .demands: ("需求", "Demands")
        case .offers: ("服务", "Service offers")
        case .talents: ("人才", "Talents")
        case .policies: ("政策", "Policies")
        }
    }

    /// Header cells the kind's check maps to its fields, field → names (Chinese and English); a user's mapping file
    /// adds to them.
    public var headerSynonyms: [String: [String]] {
        switch pipeline {
        case .enterprises: HeaderMapping.enterpriseSynonyms
        case .links(let kind): LinkFileCheck.synonyms[kind] ?? [:]
        case .market(let kind): MarketFileCheck.synonyms[kind] ?? [:]
        case .policies: PolicyFileCheck.synonyms
        case .notBuilt: [:]
        }
    }

    /// The kind's template: its header and an example row; the examples are made up (示例) or name real listed firms.
    /// nil for a kind that cannot be imported yet.
    public var template: [[String]]? {
        switch self {
        case .enterprises: [Self.enterpriseHeader, Self.enterpriseExample]
        case .products: [["企业名称", "统一社会信用代码", "产品", "营收占比"], ["恒瑞医药", "", "抗肿瘤药（示例）", "35%"]]
        case .events: [["企业名称", "统一社会信用代码", "事件类型", "日期", "标题", "详情"],
                       ["恒瑞医药", "", "获批", "2024-03-01", "某创新药获批上市（示例）", "上市/更名/融资/获批/其他"]]
        case .relations: [["产品", "关联产品", "关系"], ["无血清培养基", "氨基酸", "上游"]]
        case .demands: [["需求类型", "标题", "服务", "地区", "说明", "预算(万元)", "截止日期", "最低学历", "工作年限", "人数"],
                        ["服务", "抗体药物 IND 前药理毒理研究（示例）", "cro", "苏州市", "需 GLP 资质", "300", "2027-06-30", "", "", ""]]
        case .offers: [["服务商", "统一社会信用代码", "服务", "地区", "服务内容", "能力", "联系方式"],
                       ["示例中试平台（示例）", "", "cdmo", "苏州工业园区", "抗体 200L–2000L 中试与 GMP 生产", "2×2000L 一次性反应器", "（示例）"]]
        case .talents: [["姓名", "单位", "职称", "地区", "产业链环节", "研究方向", "学历", "人才称号", "论文数", "h指数", "专利数", "主持项目数",
                         "产业经验", "创办企业数", "联系方式"],
                        ["示例（虚构，请替换）", "示例大学", "教授", "苏州市", "抗体药物", "双特异性抗体", "博士", "国家杰青", "80", "35", "12", "6",
                         "5", "1", ""]]
        // Eligibility (环节 … 需持有批件) apart from the action the firm must take (企业需办事项); empty cells test nothing.
        case .policies: [["编号", "政策名称", "条款", "发布地区", "适用对象", "申报条件", "产业链环节", "企业所在地区", "生物医药企业", "上市企业",
                          "最少员工数", "最低注册资本(万元)", "最低成立年限", "需持有批件", "企业需办事项", "最高金额(万元)", "期限", "来源", "发布日期"],
                         ["示例-001", "生物医药产业高质量发展若干措施（示例）", "创新药产业化奖励", "苏州市", "企业", "在本市实施产业化的一类创新药",
                          "抗体药物", "苏州市", "是", "", "50", "1000", "3", "药品注册", "在苏州市实施产业化", "2000", "2025-2027", "（示例）",
                          "2025-01-01"]]
        }
    }
}
