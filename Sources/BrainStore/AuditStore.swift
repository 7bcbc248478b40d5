import BrainModel

/// Makes a write's audit entry from what the write did, inside the write's transaction (nil: nothing to record). The
/// entry is inserted in that same transaction, so a write never stands without its entry and an entry that cannot be
/// recorded undoes the write: the user is told it failed, and it did.
public typealias AuditOf<Outcome> = @Sendable (Outcome) throws -> AuditEntry?

/// The audit trail: every write is recorded here, and nothing here can be changed or removed (the tables refuse
/// UPDATE and DELETE on both engines).
public protocol AuditStore: Store {
    /// Appends the entry and returns it with its id.
    @discardableResult
    func recordAudit(_ entry: AuditEntry) async throws -> AuditEntry
    /// Appends entries in order in one transaction: a rebuild carries the old database's trail into the new one.
    func recordAudit(contentsOf entries: [AuditEntry]) async throws
    func auditEntries(_ query: AuditQuery) async throws -> [AuditEntry]
}
