/// What users bring to the supply–demand market: demands (for a service or for talent), offers of services, and
/// individual talents. Each belongs to the organisation that posted or imported it and is visible to others only
/// once shared (`MarketRecord.shared`).
public enum MarketKind: String, Codable, Sendable, CaseIterable {
    case demand, offer, talent

    /// Demands and talents (people) start private; an offer is made to be seen.
    public var sharedByDefault: Bool { self == .offer }
}

/// A need for a service (CRO, CDMO, reagents, equipment, instruments, testing) or for talent in a chain field.
public struct Demand: Codable, Sendable, Hashable {
    public enum Need: String, Codable, Sendable { case service, talent }
    public var need: Need
    public var title: String
    /// The service node (for a service) or the chain node of the field (for talent).
    public var nodeId: String
    /// Where the need is (a province, city or district code).
    public var regionCode: String
    public var detail: String?
    public var budgetWan: Double?
    public var deadline: String?
    /// Talent demands: the lowest degree (本科 / 硕士 / 博士) and years of industry experience wanted.
    public var minDegree: Degree?
    public var minYears: Int?
    public var headcount: Int?

    public init(need: Need, title: String, nodeId: String, regionCode: String, detail: String? = nil, budgetWan: Double? = nil,
                deadline: String? = nil, minDegree: Degree? = nil, minYears: Int? = nil, headcount: Int? = nil) {
        (self.need, self.title, self.nodeId, self.regionCode, self.detail) = (need, title, nodeId, regionCode, detail)
        (self.budgetWan, self.deadline, self.minDegree, self.minYears, self.headcount) = (budgetWan, deadline, minDegree, minYears, headcount)
    }
}

/// A service offered by a provider the importing organisation names (a firm, a platform, a lab).
public struct ServiceOffer: Codable, Sendable, Hashable {
    public var provider: String
    /// The provider's 统一社会信用代码 when given: links the offer to the firm's record.
    public var uscc: String?
    public var nodeId: String
    public var regionCode: String
    public var detail: String?
    public var capacity: String?
    public var contact: String?

    public init(provider: String, uscc: String? = nil, nodeId: String, regionCode: String, detail: String? = nil,
                capacity: String? = nil, contact: String? = nil) {
        (self.provider, self.uscc, self.nodeId, self.regionCode) = (provider, uscc, nodeId, regionCode)
        (self.detail, self.capacity, self.contact) = (detail, capacity, contact)
    }
}

public enum Degree: String, Codable, Sendable, CaseIterable, Comparable {
    case bachelor, master, doctorate

    public var nameZh: String { switch self { case .bachelor: "本科"; case .master: "硕士"; case .doctorate: "博士" } }
    public var nameEn: String { switch self { case .bachelor: "bachelor's"; case .master: "master's"; case .doctorate: "doctorate" } }
    public static func < (a: Degree, b: Degree) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// The honours Chinese talent programmes grade leading talents by, highest first.
public enum TalentHonour: String, Codable, Sendable, CaseIterable {
    case academician, nationalLeading, nationalYoung, provincial

    public var nameZh: String {
        switch self {
        case .academician: "两院院士"
        case .nationalLeading: "国家级领军人才（杰青、长江学者等）"
        case .nationalYoung: "国家级青年人才（优青、青年长江等）"
        case .provincial: "省市级人才计划"
        }
    }

    public var nameEn: String {
        switch self {
        case .academician: "academician of the CAS or CAE"
        case .nationalLeading: "national leading talent (e.g. Distinguished Young Scholar, Changjiang Scholar)"
        case .nationalYoung: "national young talent (e.g. Excellent Young Scholar)"
        case .provincial: "provincial or city talent programme"
        }
    }
}

/// One person, imported by an organisation, with the facts a leading-talent (领军人才) evaluation weighs.
public struct Talent: Codable, Sendable, Hashable {
    public var name: String
    public var institution: String?
    public var title: String?
    public var regionCode: String?
    /// Chain nodes of the person's field.
    public var nodeIds: [String]
    public var field: String?
    public var degree: Degree?
    public var honours: [TalentHonour]
    public var papers: Int?
    public var hIndex: Int?
    public var patents: Int?
    public var projectsLed: Int?
    public var industryYears: Int?
    public var venturesFounded: Int?
    public var contact: String?

    public init(name: String, institution: String? = nil, title: String? = nil, regionCode: String? = nil, nodeIds: [String],
                field: String? = nil, degree: Degree? = nil, honours: [TalentHonour] = [], papers: Int? = nil, hIndex: Int? = nil,
                patents: Int? = nil, projectsLed: Int? = nil, industryYears: Int? = nil, venturesFounded: Int? = nil, contact: String? = nil) {
        (self.name, self.institution, self.title, self.regionCode, self.nodeIds, self.field) = (name, institution, title, regionCode, nodeIds, field)
        (self.degree, self.honours, self.papers, self.hIndex, self.patents) = (degree, honours, papers, hIndex, patents)
        (self.projectsLed, self.industryYears, self.venturesFounded, self.contact) = (projectsLed, industryYears, venturesFounded, contact)
    }
}

/// One of the three, as the store hands it back.
public enum MarketBody: Codable, Sendable, Hashable {
    case demand(Demand)
    case offer(ServiceOffer)
    case talent(Talent)

    public var kind: MarketKind {
        switch self { case .demand: .demand; case .offer: .offer; case .talent: .talent }
    }

    private enum CodingKeys: String, CodingKey { case kind, demand, offer, talent }

    /// `{"kind": "demand", "demand": {…}}`: readable in the API, unlike the synthesised `{"demand": {"_0": …}}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .demand(let d): try container.encode(d, forKey: .demand)
        case .offer(let o): try container.encode(o, forKey: .offer)
        case .talent(let t): try container.encode(t, forKey: .talent)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(MarketKind.self, forKey: .kind) {
        case .demand: self = .demand(try container.decode(Demand.self, forKey: .demand))
        case .offer: self = .offer(try container.decode(ServiceOffer.self, forKey: .offer))
        case .talent: self = .talent(try container.decode(Talent.self, forKey: .talent))
        }
    }

    public var demand: Demand? { if case .demand(let d) = self { d } else { nil } }
    public var offer: ServiceOffer? { if case .offer(let o) = self { o } else { nil } }
    public var talent: Talent? { if case .talent(let t) = self { t } else { nil } }
}

/// A stored market record with its owner and where it came from (a form, or an import's file and row).
public struct MarketRecord: Codable, Sendable, Hashable, Identifiable {
    public var id: Int
    public var organisationId: String
    public var organisationName: String
    public var shared: Bool
    public var createdAt: String
    public var origin: String
    public var body: MarketBody

    public init(id: Int, organisationId: String, organisationName: String, shared: Bool, createdAt: String, origin: String, body: MarketBody) {
        (self.id, self.organisationId, self.organisationName, self.shared) = (id, organisationId, organisationName, shared)
        (self.createdAt, self.origin, self.body) = (createdAt, origin, body)
    }
}
