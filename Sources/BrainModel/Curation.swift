/// An analyst's correction of a firm's chain nodes or location, with who, when, why and the source cited. Curations
/// are never edited: a revocation is a new record naming the one it withdraws, so the history stays complete.
public struct Curation: Codable, Sendable, Hashable {
    public enum Action: String, Codable, Sendable, CaseIterable {
        /// Put the firm on `nodeId`.
        case add
        /// Take the firm off `nodeId`.
        case remove
        /// Take the firm off `fromNodeId` and put it on `nodeId`.
        case move
        /// The firm is in `regionCode` (a district or a city), whatever the machine located.
        case locate
        /// Withdraw the curation `revokes`.
        case revoke
    }

    /// Stable across exports, imports and rebuilds: a random UUID for a new curation, or the file's own id (a
    /// deterministic one derived from the row when the file leaves it blank).
    public var id: String
    public var enterpriseId: String
    public var action: Action
    public var nodeId: String?
    public var fromNodeId: String?
    public var regionCode: String?
    public var revokes: String?
    public var reason: String
    public var author: String
    /// What the analyst relied on (an annual report, a prospectus, the firm's site); nil when none was cited.
    public var source: String?
    /// ISO-8601 time the curation was made.
    public var createdAt: String
    /// The organisation whose person made it: private to it (not applied, not shown to others) until its admin
    /// publishes it. nil: the operator's or the command line's, public from the start.
    public var organisationId: String?
    /// When it was published (an organisation's curation); nil while private.
    public var publishedAt: String?

    /// Whether it applies for everyone (the snapshot, the stored placement, every portrait).
    public var isPublic: Bool { organisationId == nil || publishedAt != nil }

    public init(id: String, enterpriseId: String, action: Action, nodeId: String? = nil, fromNodeId: String? = nil,
                regionCode: String? = nil, revokes: String? = nil, reason: String, author: String, source: String? = nil,
                createdAt: String, organisationId: String? = nil, publishedAt: String? = nil) {
        (self.organisationId, self.publishedAt) = (organisationId, publishedAt)
        self.id = id
        self.enterpriseId = enterpriseId
        self.action = action
        self.nodeId = nodeId
        self.fromNodeId = fromNodeId
        self.regionCode = regionCode
        self.revokes = revokes
        self.reason = reason
        self.author = author
        self.source = source
        self.createdAt = createdAt
    }

    /// The method a curated chain assignment carries, next to the classifier's methods.
    public static let method = "curation"

    /// The fields each action needs, as problems (field, reason code); empty when the record is complete.
    public var missingFields: [String] {
        var missing: [String] = []
        if reason.allSatisfy(\.isWhitespace) { missing.append("reason") }
        if author.allSatisfy(\.isWhitespace) { missing.append("by") }
        switch action {
        case .add, .remove: if nodeId == nil { missing.append("node") }
        case .move:
            if fromNodeId == nil { missing.append("from_node") }
            if nodeId == nil { missing.append("node") }
        case .locate: if regionCode == nil { missing.append("region") }
        case .revoke: if revokes == nil { missing.append("revokes") }
        }
        return missing
    }
}

/// A curation with whether a later record withdrew it: what lists and portraits show.
public struct CurationRecord: Codable, Sendable, Hashable {
    public var curation: Curation
    /// The id of the revocation that withdrew it, if any.
    public var revokedBy: String?

    public init(curation: Curation, revokedBy: String?) {
        self.curation = curation
        self.revokedBy = revokedBy
    }

    /// Every record with its revocation, in the order they were made.
    public static func history(_ curations: [Curation]) -> [CurationRecord] {
        var revokedBy: [String: String] = [:]
        for c in curations where c.action == .revoke { if let target = c.revokes, revokedBy[target] == nil { revokedBy[target] = c.id } }
        return CurationLedger.ordered(curations).map { CurationRecord(curation: $0, revokedBy: revokedBy[$0.id]) }
    }
}
