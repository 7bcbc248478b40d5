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
        case .policies: .notBuilt(reason: "importing policies is not built yet: the Suzhou rules ship as data/policies/eligibility.json")
        }
    }

    /// The kind named `text` (the API's `kind=`; none given means enterprises) when it can be imported.
    public static func importable(_ text: String?) -> ImportKind? {
        guard let kind = ImportKind(rawValue: text ?? ImportKind.enterprises.rawValue), kind.isImportable else { return nil }
        return kind
    }

    /// The kinds a file can be imported as, in the order pages and documents list them.
    public static var importableKinds: [ImportKind] { [.enterprises, .products, .events, .relations, .demands, .offers, .talents] }

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
        case .notBuilt: [:]
        }
    }
}
