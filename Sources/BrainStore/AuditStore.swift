import BrainModel

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
