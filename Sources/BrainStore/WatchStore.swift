import BrainModel

/// The change feed imports write, organisations' watchlists and the alerts their watches raise (issue 19 item 4).
/// Every read and write is keyed by the organisation: another organisation's watches, alerts and private changes are
/// never listed, counted or changed. A `person` narrows a read or write to the organisation-wide watches (no person)
/// and that person's own, never a colleague's personal ones; nil (an organisation's token) covers the organisation's.
public protocol WatchStore: Store {
    func changes(_ query: ChangeQuery) async throws -> [Change]
    func watchlist(organisation: String, person: String?) async throws -> [WatchItem]
    /// Adds the watch, or returns the same one already there (`created` false); `audit`'s entry for a new one is
    /// recorded in the same transaction.
    func addWatch(_ item: WatchItem, audit: AuditOf<WatchItem>?) async throws -> (item: WatchItem, created: Bool)
    /// Removes the organisation's watch `id` and returns it; nil when it has none such (or it is a colleague's).
    func removeWatch(_ id: Int64, organisation: String, person: String?, audit: AuditOf<WatchItem>?) async throws -> WatchItem?
    func alerts(_ query: AlertQuery) async throws -> [Alert]
    func unreadAlertCount(organisation: String, person: String?) async throws -> Int
    /// Marks the organisation's alerts `ids` (all of its unread ones when nil) read at `at`; returns how many changed
    /// (and records `audit`'s entry for that number, when any did, in the same transaction).
    func markAlertsRead(_ ids: [Int64]?, organisation: String, person: String?, at: String, audit: AuditOf<Int>?) async throws -> Int
    /// The region's firms by year (RegionTimeline); imported firms counted from the changes `organisation` may see.
    func regionTimeline(_ code: String, organisation: String?) async throws -> RegionTimeline
}

/// The organisation-wide forms (an organisation's token, the benches): every watch and alert of the organisation.
extension WatchStore {
    public func watchlist(organisation: String) async throws -> [WatchItem] { try await watchlist(organisation: organisation, person: nil) }
    public func removeWatch(_ id: Int64, organisation: String) async throws -> WatchItem? {
        try await removeWatch(id, organisation: organisation, person: nil, audit: nil)
    }
    public func removeWatch(_ id: Int64, organisation: String, person: String?) async throws -> WatchItem? {
        try await removeWatch(id, organisation: organisation, person: person, audit: nil)
    }
    public func addWatch(_ item: WatchItem) async throws -> (item: WatchItem, created: Bool) { try await addWatch(item, audit: nil) }
    public func markAlertsRead(_ ids: [Int64]?, organisation: String, person: String?, at: String) async throws -> Int {
        try await markAlertsRead(ids, organisation: organisation, person: person, at: at, audit: nil)
    }
    public func unreadAlertCount(organisation: String) async throws -> Int { try await unreadAlertCount(organisation: organisation, person: nil) }
    public func markAlertsRead(_ ids: [Int64]?, organisation: String, at: String) async throws -> Int {
        try await markAlertsRead(ids, organisation: organisation, person: nil, at: at, audit: nil)
    }
}
