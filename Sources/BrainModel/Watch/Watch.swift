/// What a watcher follows: one firm, a region (with everything inside it) or a chain node.
public enum WatchKind: String, Codable, Sendable, CaseIterable {
    case firm, region, node
}

/// One entry of an organisation's watchlist. `personId` stays nil (the organisation as a whole) until people exist.
public struct WatchItem: Codable, Sendable, Hashable {
    public var id: Int64
    public var organisationId: String
    public var personId: String?
    public var kind: WatchKind
    public var targetId: String
    public var createdAt: String

    public init(id: Int64 = 0, organisationId: String, personId: String? = nil, kind: WatchKind, targetId: String, createdAt: String) {
        (self.id, self.organisationId, self.personId, self.kind, self.targetId, self.createdAt) = (id, organisationId, personId, kind, targetId, createdAt)
    }

    /// Whether `change` touches what this entry watches: the firm itself, any region level of the firm, any of its nodes.
    public func matches(_ change: Change) -> Bool {
        switch kind {
        case .firm: change.enterpriseId == targetId
        case .region: change.regionCodes.contains(targetId)
        case .node: change.nodeIds.contains(targetId)
        }
    }
}

/// A change that touched something a watcher follows, for that watcher's inbox.
public struct Alert: Codable, Sendable, Hashable {
    public var id: Int64
    public var organisationId: String
    public var personId: String?
    public var watchKind: WatchKind
    public var watchTarget: String
    public var createdAt: String
    /// Nil while unread.
    public var readAt: String?
    public var change: Change

    public init(id: Int64, organisationId: String, personId: String?, watchKind: WatchKind, watchTarget: String, createdAt: String,
                readAt: String?, change: Change) {
        (self.id, self.organisationId, self.personId, self.watchKind, self.watchTarget) = (id, organisationId, personId, watchKind, watchTarget)
        (self.createdAt, self.readAt, self.change) = (createdAt, readAt, change)
    }
}

/// Which alerts to list: unread first, then newest first.
public struct AlertQuery: Sendable {
    public var organisationId: String
    public var personId: String?
    public var kind: WatchKind?
    public var unreadOnly: Bool
    public var limit: Int

    public init(organisationId: String, personId: String? = nil, kind: WatchKind? = nil, unreadOnly: Bool = false, limit: Int = 200) {
        (self.organisationId, self.personId, self.kind, self.unreadOnly, self.limit) = (organisationId, personId, kind, unreadOnly, limit)
    }
}
