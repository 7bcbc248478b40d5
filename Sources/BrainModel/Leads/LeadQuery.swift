/// Which of an organisation's leads to list, newest first.
public struct LeadQuery: Sendable {
    public var organisationId: String
    public var stage: LeadStage?
    public var owner: String?
    /// The region and the regions inside it (a city's districts).
    public var regionCode: String?
    public var nodeId: String?
    /// Only open leads due before this day (YYYY-MM-DD).
    public var overdueBefore: String?
    /// Words found in the firm's name, the next step or the notes.
    public var text: String?
    public var limit: Int
    public var offset: Int

    public init(organisationId: String, stage: LeadStage? = nil, owner: String? = nil, regionCode: String? = nil, nodeId: String? = nil,
                overdueBefore: String? = nil, text: String? = nil, limit: Int = 20, offset: Int = 0) {
        (self.organisationId, self.stage, self.owner, self.regionCode, self.nodeId) = (organisationId, stage, owner, regionCode, nodeId)
        (self.overdueBefore, self.text, self.limit, self.offset) = (overdueBefore, text, limit, offset)
    }
}

/// A page of leads and how many match in all.
public struct LeadList: Codable, Sendable {
    public var items: [Lead]
    public var total: Int

    public init(items: [Lead], total: Int) { (self.items, self.total) = (items, total) }
}

/// The board's figures: how many leads stand at each stage (every stage, zeros included, in pipeline order) and how
/// many open ones are overdue.
public struct LeadBoard: Codable, Sendable, Equatable {
    public struct Column: Codable, Sendable, Equatable {
        public var stage: LeadStage
        public var count: Int
        public var overdue: Int
        public init(stage: LeadStage, count: Int, overdue: Int) { (self.stage, self.count, self.overdue) = (stage, count, overdue) }
    }

    public var columns: [Column]
    public var overdue: Int { columns.reduce(0) { $0 + $1.overdue } }
    public var total: Int { columns.reduce(0) { $0 + $1.count } }

    public init(columns: [Column]) { self.columns = columns }

    public func count(_ stage: LeadStage) -> Int { columns.first { $0.stage == stage }?.count ?? 0 }
}

/// One change in a lead's life: its creation, a stage move (from, to, and the reason when dropped) or an edit (the
/// changed fields before and after, as JSON objects).
public struct LeadHistoryEntry: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable { case create, stage, update }

    public var id: Int64
    public var leadId: Int64
    public var at: String
    /// How the audit trail names the actor (`org-token:ID`, a person's login).
    public var actor: String
    public var personId: String?
    public var kind: Kind
    public var from: String?
    public var to: String?
    public var reason: String?

    public init(id: Int64 = 0, leadId: Int64, at: String, actor: String, personId: String? = nil, kind: Kind, from: String? = nil,
                to: String? = nil, reason: String? = nil) {
        (self.id, self.leadId, self.at, self.actor, self.personId) = (id, leadId, at, actor, personId)
        (self.kind, self.from, self.to, self.reason) = (kind, from, to, reason)
    }
}

/// Who acts on a lead and when, as the store records it in the history.
public struct LeadActor: Sendable {
    public var actor: String
    public var personId: String?
    public var at: String

    public init(actor: String, personId: String? = nil, at: String) { (self.actor, self.personId, self.at) = (actor, personId, at) }
}

/// Why the store refused a lead write.
public enum LeadError: Error, Equatable, CustomStringConvertible {
    /// Unknown, or another organisation's: the same answer, so existence is not disclosed.
    case noSuchLead(Int64)
    /// A field's problem: the field's API name and the reason code.
    case invalid(field: String, code: String)
    /// An illegal stage move (the reason code of `LeadStage.refusal`).
    case illegalMove(from: LeadStage, to: LeadStage, code: String)
    /// Someone else changed the lead between this write's read and its write; read it again and retry.
    case changedMeanwhile(Int64)

    public var description: String {
        switch self {
        case .noSuchLead(let id): "no lead \(id)"
        case .invalid(let field, let code): "\(field): \(code)"
        case .illegalMove(let from, let to, let code): "\(from.rawValue) → \(to.rawValue): \(code)"
        case .changedMeanwhile(let id): "lead \(id) was changed meanwhile"
        }
    }
}
