import Foundation
import BrainModel

/// Analysts' corrections of firms' chain nodes and locations (docs/curation.md). Curations are only ever added: a
/// revocation is a new record, so who changed what, when and why stays readable.
public protocol CurationStore: Store {
    /// Writes the batch in one transaction when every curation checks out, else throws `CurationError` (its problems'
    /// `index` is the position in the batch) and writes nothing. Ids already stored are skipped, so importing a file
    /// twice changes nothing. Returns how many were written. `audit` (the entry, from the curations written) is recorded
    /// in the same transaction: a refused entry writes nothing.
    @discardableResult
    func addCurations(_ batch: [Curation], audit: AuditOf<[Curation]>?) async throws -> Int
    /// Oldest first; one firm's when `enterprise` is given.
    func curations(enterprise: String?) async throws -> [Curation]
}

extension CurationStore {
    @discardableResult
    public func addCurations(_ batch: [Curation]) async throws -> Int { try await addCurations(batch, audit: nil) }

    /// One new curation, stamped with a fresh id and the current time; `audit`'s entry in its transaction.
    /// `organisation`: the organisation whose person made it, to which it is private until published (nil: the
    /// operator's or the command line's, public).
    public func addCuration(enterprise: String, action: Curation.Action, node: String? = nil, fromNode: String? = nil,
                            region: String? = nil, reason: String, author: String, source: String? = nil,
                            organisation: String? = nil, audit: AuditOf<Curation>? = nil) async throws -> Curation {
        let curation = Curation(id: UUID().uuidString.lowercased(), enterpriseId: enterprise, action: action, nodeId: node,
                                fromNodeId: fromNode, regionCode: region, reason: reason, author: author, source: source,
                                createdAt: CurationSQL.now(), organisationId: organisation)
        let entry: AuditOf<[Curation]>? = audit.map { audit in { @Sendable _ in try audit(curation) } }
        try await addCurations([curation], audit: entry)
        return curation
    }

    /// Withdraws curation `id` by a new record; the firm is the revoked curation's. `audit` gets the revoked curation
    /// (before) and the revocation (after), in the revocation's transaction.
    public func revokeCuration(_ id: String, reason: String, author: String, source: String? = nil, organisation: String? = nil,
                               audit: (@Sendable (_ revoked: Curation, _ revocation: Curation) throws -> AuditEntry?)? = nil) async throws -> Curation {
        guard let target = try await curations(enterprise: nil).first(where: { $0.id == id }) else {
            throw CurationError(problems: [CurationProblem(index: 0, field: "revokes", value: id, code: .unknownCuration)])
        }
        let revocation = Curation(id: UUID().uuidString.lowercased(), enterpriseId: target.enterpriseId, action: .revoke,
                                  revokes: id, reason: reason, author: author, source: source, createdAt: CurationSQL.now(),
                                  organisationId: organisation)
        let entry: AuditOf<[Curation]>? = audit.map { audit in { @Sendable _ in try audit(target, revocation) } }
        try await addCurations([revocation], audit: entry)
        return revocation
    }
}
