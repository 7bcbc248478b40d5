import BrainModel

/// The read side of the store that analytics snapshots and delivery use. SQLite (GRDB) today; PostgreSQL next.
public protocol Store: Sendable {
    func stats() async throws -> StoreStats
    func region(_ code: String) async throws -> Region?
    func regionProfile(_ code: String, largest: Int) async throws -> RegionProfile?
    /// Biomedicine firm counts of the children of `code` (provinces for the country).
    func childValues(of code: String) async throws -> [RegionValue]
    func taxonomy() async throws -> ChainTaxonomy
    func nationalNodeCounts() async throws -> [NodeCount]
    /// Firms whose name contains `query`, leaving out (in the page and the total) those `viewer` may not see.
    func searchEnterprises(_ query: String, limit: Int, offset: Int, visibleTo viewer: FirmViewer) async throws -> Page<EnterpriseSummary>
    /// A firm's portrait as `viewer` may see it: nil for a firm of another organisation's private import (as for an
    /// unknown id), and without the facts such an import brought to a public firm.
    func enterprise(_ id: String, visibleTo viewer: FirmViewer) async throws -> EnterpriseDetail?
    /// The imports whose firms and facts `viewer` may not see.
    func hiddenImports(from viewer: FirmViewer) async throws -> HiddenImports
    /// Stored names (registered, short, former, English, imported) whose folded key is one of `keys` (`NameKey`): one
    /// query for any number of names. `resolveNames` turns them into firms.
    func enterpriseNames(keys: Set<String>) async throws -> [EnterpriseName]
    /// English, former and derived names whose folded key contains the folded `text` (a search box's words), at most
    /// `limit`: the names the firm search over enterprises' own names cannot find.
    func aliasNames(containing text: String, limit: Int) async throws -> [EnterpriseName]
    /// Summaries of these firms, in this order (unknown ids left out).
    func enterpriseSummaries(ids: [String]) async throws -> [EnterpriseSummary]
    /// The same, leaving out the firms `viewer` may not see.
    func enterpriseSummaries(ids: [String], visibleTo viewer: FirmViewer) async throws -> [EnterpriseSummary]
    /// Everything, as values: the in-memory snapshot analytics reads (DESIGN.md "The flow").
    func snapshot() async throws -> DataBundle
    /// A cheap look for health checks: built, holding firms, read-only.
    func probe() async throws -> StoreProbe
    /// The engine's own consistency check where it has a cheap one (SQLite `quick_check`); nil when fine.
    func integrityProblem() async throws -> String?
    /// Writes are refused (`StoreReadOnlyError`): a read-only file or folder, or a PostgreSQL standby.
    var isReadOnly: Bool { get }
}

/// The write side: users' imports, their review queue and the facts they brought.
public protocol ImportingStore: MarketStore, CurationStore, PolicyStore, AuditStore, AccountStore, LeadStore, WatchStore, WebhookStore,
                                  PublishStore {
    /// Writes an import in one transaction: `next` hands over accepted rows batch by batch (nil at the end) and may
    /// throw to abandon the whole import, which then leaves the store exactly as before. `audit` makes the import's
    /// entry from its outcome, recorded in the same transaction (a file imported before records nothing).
    func importEnterprises(_ header: ImportHeader, audit: AuditOf<ImportOutcome>?, next: () throws -> [ImportedEnterprise]?) async throws -> ImportOutcome
    /// Products, events and product relations, the same way; rows whose firm is not in the store come back unresolved,
    /// or, with `rejectUnresolved`, abandon the whole import (`ImportStoreError.unresolved`).
    func importLinks(_ header: ImportHeader, rejectUnresolved: Bool, audit: AuditOf<ImportOutcome>?,
                     next: () throws -> [ImportedLink]?) async throws -> ImportOutcome
    func imports() async throws -> [ImportBatch]
    func reviewItems(status: ReviewItem.Status?) async throws -> [ReviewItem]
    /// Accept: merge into the candidate (same-entity) or keep as imported (location). Reject: keep apart as its own
    /// firm (same-entity) or remove the imported firm (location).
    func decideReview(_ id: Int, accept: Bool) async throws -> ReviewItem
    func enterpriseFacts(_ id: String) async throws -> [EnterpriseFact]
}

extension ImportingStore {
    /// An import with no entry on the trail (tests, benches, building a database).
    public func importEnterprises(_ header: ImportHeader, next: () throws -> [ImportedEnterprise]?) async throws -> ImportOutcome {
        try await importEnterprises(header, audit: nil, next: next)
    }

    public func importLinks(_ header: ImportHeader, rejectUnresolved: Bool, next: () throws -> [ImportedLink]?) async throws -> ImportOutcome {
        try await importLinks(header, rejectUnresolved: rejectUnresolved, audit: nil, next: next)
    }
}

extension Store {
    /// Every firm, as the operator and the CLI read them.
    public func searchEnterprises(_ query: String, limit: Int, offset: Int) async throws -> Page<EnterpriseSummary> {
        try await searchEnterprises(query, limit: limit, offset: offset, visibleTo: .operator)
    }

    /// Any firm with every fact, as the operator and the CLI read them.
    public func enterprise(_ id: String) async throws -> EnterpriseDetail? {
        try await enterprise(id, visibleTo: .operator)
    }
}

public enum ImportStoreError: ReasonedError, Equatable {
    case noSuchReviewItem(Int)
    case alreadyDecided(Int, String)
    case candidateGone(Int, String)
    case unresolved([UnresolvedRow])

    public var reason: Reason {
        switch self {
        case .noSuchReviewItem(let id): Reason("review.no-item", ["id": "\(id)"])
        case .alreadyDecided(let id, let status):
            Reason("review.already-decided", ["id": "\(id)", "status": ReviewItem.Status(rawValue: status)?.word(in: .zh) ?? status,
                                              "status.en": status])
        case .candidateGone(let id, let candidate): Reason("review.candidate-gone", ["id": "\(id)", "candidate": candidate])
        case .unresolved(let rows): Reason("import.unresolved-rows", ["count": "\(rows.count)"])
        }
    }
}
