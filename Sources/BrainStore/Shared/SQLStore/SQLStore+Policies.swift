import BrainModel

extension SQLStore: PolicyStore {
    public func importPolicies(organisation: String?, audit: AuditOf<ImportOutcome>?, next: () throws -> [ImportedPolicy]?) async throws -> ImportOutcome {
        let owner = organisation ?? ""
        // The batches are read before the transaction opens: `next` is not Sendable, and a policy file is small.
        var clauses: [ImportedPolicy] = []
        while let batch = try next() { clauses += batch }
        return try await driver.transaction { s in
            var outcome = ImportOutcome()
            for clause in clauses {
                let values = try PolicySQL.values(clause, organisation: owner)
                let stored = try await s.first(PolicySQL.existing, [.text(owner), .text(clause.policy.id)]) { row in
                    try PolicySQL.values(PolicySQL.clause(row), organisation: owner)
                }
                switch stored {
                case nil: outcome.created += 1
                case values?: outcome.unchanged += 1; continue
                default: outcome.updated += 1
                }
                try await s.execute(PolicySQL.upsert, values)
            }
            try await Self.append(audit, of: outcome, in: s)
            return outcome
        }
    }

    public func importedPolicies(visibleTo organisation: String?) async throws -> [ImportedPolicy] {
        try await driver.read { s in try await s.rows(PolicySQL.visible, [.text(organisation ?? "")]) { try PolicySQL.clause($0) } }
    }
}
