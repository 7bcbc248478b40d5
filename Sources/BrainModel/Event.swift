public enum EventKind: String, Codable, Sendable, CaseIterable {
    case ipo, rename, funding, approval, other
}

/// Something that happened to an enterprise on a date (IPO, rename, later funding rounds and approvals).
public struct EnterpriseEvent: Codable, Sendable, Hashable {
    public var enterpriseId: String
    public var kind: EventKind
    public var date: String
    public var title: String
    public var detail: String?
    public var provenance: Provenance

    public init(enterpriseId: String, kind: EventKind, date: String, title: String, detail: String?,
                provenance: Provenance) {
        self.enterpriseId = enterpriseId
        self.kind = kind
        self.date = date
        self.title = title
        self.detail = detail
        self.provenance = provenance
    }
}
