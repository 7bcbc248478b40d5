import BrainModel

/// Policy clauses users imported (`ImportKind.policies`): each belongs to the organisation that imported it, or to
/// everyone when the operator or an admin imported it (no organisation).
public protocol PolicyStore: Store {
    /// Writes the clauses in one transaction: `next` hands over checked rows batch by batch (nil at the end) and may
    /// throw to abandon the whole import. A clause is keyed by its organisation and id: importing it again updates it.
    /// `audit`'s entry is recorded in the same transaction.
    func importPolicies(organisation: String?, audit: AuditOf<ImportOutcome>?, next: () throws -> [ImportedPolicy]?) async throws -> ImportOutcome
    /// The imported clauses `organisation` may see: the public ones and its own (nil: the public ones only).
    func importedPolicies(visibleTo organisation: String?) async throws -> [ImportedPolicy]
}

extension PolicyStore {
    /// Clauses with no entry on the trail (tests).
    public func importPolicies(organisation: String?, next: () throws -> [ImportedPolicy]?) async throws -> ImportOutcome {
        try await importPolicies(organisation: organisation, audit: nil, next: next)
    }
}
