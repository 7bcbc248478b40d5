/// What a person may do inside their organisation (issue 19). An organisation's own token (an API client, the
/// /match sign-in of earlier releases) acts with `organisationClient`'s rights; the operator's admin token is `admin`
/// across all organisations.
public enum Role: String, Codable, Sendable, CaseIterable {
    /// 管理员: people, organisations, publishing data.
    case admin
    /// 分析师: imports and curation.
    case analyst
    /// 招商专员: leads of the 招商 pipeline.
    case investment
    /// 浏览者: reads what the organisation may see, writes nothing.
    case viewer

    public var nameZh: String {
        switch self {
        case .admin: "管理员"
        case .analyst: "分析师"
        case .investment: "招商专员"
        case .viewer: "浏览者"
        }
    }

    public var nameEn: String {
        switch self {
        case .admin: "Administrator"
        case .analyst: "Analyst"
        case .investment: "Investment promotion officer"
        case .viewer: "Viewer"
        }
    }

    public func allows(_ permission: Permission) -> Bool {
        switch (self, permission) {
        case (.admin, _): true
        case (_, .read), (_, .watch): true
        case (.analyst, .importData), (.analyst, .curate), (.analyst, .shareDemands): true
        case (.investment, .manageLeads), (.investment, .shareDemands): true
        default: false
        }
    }

    /// The rights of a caller that signed in with the organisation's own token rather than as a person: what the
    /// product allowed such callers before accounts existed (imports, curation, demands and talents, leads), but no
    /// say over people or publishing.
    public static func organisationClientAllows(_ permission: Permission) -> Bool {
        switch permission {
        case .managePeople, .publish, .readAudit: false
        default: true
        }
    }
}

/// A kind of act the product checks before a write or a private read.
public enum Permission: String, Codable, Sendable, CaseIterable {
    case read
    case importData
    case curate
    /// Demands, talents and other /match records.
    case shareDemands
    case manageLeads
    /// Watchlists and alerts of one's own.
    case watch
    case managePeople
    /// Making an organisation's private records public.
    case publish
    case readAudit
}
