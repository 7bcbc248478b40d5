import Foundation
import BrainModel
import BrainStore
import BrainUseCases

/// Publishing and withdrawing an organisation's imports and curations (issue 19), for the JSON routes and the
/// /admin/publish page alike: the permission (admin role, or the operator), the caller's own organisation's records
/// only (another's answer as unknown ones do), the region scope of an import's firms, the audit entry in the write's
/// transaction, then the analytics rebuilt and swapped in the background (as after an import) so reads never stall.
struct Publisher: Sendable {
    let store: any ImportingStore
    /// Clears cached answers and rebuilds the analytics snapshot (what an import's write triggers).
    let refresh: @Sendable () async -> Void

    /// Throws 403 without the permission, 404 for a record that is not the caller's organisation's, 403
    /// `scope.publish-outside` for an import with firms outside the caller's region.
    func set(_ caller: Caller, _ kind: Publication.Kind, _ id: String, publish: Bool) async throws -> PublicationChange {
        try AuditAccess.require(caller, .publish)
        let organisation = caller.isOperator ? nil : caller.organisation?.id
        guard caller.isOperator || organisation != nil else { throw Self.unknown(kind, id) }
        let audit: AuditOf<PublicationChange> = { change in
            var entry = caller.auditEntry(publish ? "publish" : "unpublish", target: kind.rawValue, id,
                                          before: AuditTrail.json(change.before), after: AuditTrail.json(change.after))
            // The act concerns the record's organisation, so its admins see it in their trail (the operator's too).
            entry.organisationId = change.after.organisationId
            return entry
        }
        let at = AuditTrail.now(), actor = caller.auditActor
        let change: PublicationChange
        do {
            switch kind {
            case .import:
                guard let number = Int(id), number > 0 else { throw PublishError.unknown }
                change = try await store.setImportPublished(number, publish, organisation: organisation,
                                                            scope: caller.isOperator ? nil : caller.organisation?.regionCode,
                                                            by: actor, at: at, audit: audit)
            case .curation:
                guard !id.isEmpty, id.count <= 64 else { throw PublishError.unknown }
                change = try await store.setCurationPublished(id, publish, organisation: organisation, by: actor, at: at, audit: audit)
            }
        } catch PublishError.unknown {
            throw Self.unknown(kind, id)
        } catch PublishError.outsideScope(let outside, let located, let scope) {
            throw AppError(status: .forbidden, reason: Reason("scope.publish-outside", ["outside": "\(outside)", "located": "\(located)", "scope": scope]))
        }
        if change.changed { await refresh() }
        return change
    }

    static func unknown(_ kind: Publication.Kind, _ id: String) -> AppError {
        let (zh, en) = kind == .import ? ("导入", "import") : ("校正", "curation")
        return AppError.notFound(Reason("publish.unknown", ["kind": zh, "kind.en": en, "id": String(id.prefix(64))]))
    }
}
