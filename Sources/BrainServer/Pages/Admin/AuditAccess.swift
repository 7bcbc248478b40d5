import Foundation
import Hummingbird
import BrainModel
import BrainStore

/// Who may do what, for writes and for reading the trail. A write the caller's role does not allow is a 403 naming
/// the permission. The trail is the operator's (admin token: every entry) or an organisation admin's (`readAudit`:
/// only that organisation's entries); nobody else learns anything of it, not even how many entries it holds.
enum AuditAccess {
    static func require(_ caller: Caller, _ permission: Permission) throws {
        guard caller.may(permission) else {
            throw AppError(status: .forbidden, reason: Reason("audit.not-permitted", ["permission": permission.rawValue]))
        }
    }

    /// The organisation whose entries the caller may read (nil: all, the operator), or 401 signed out / 403 without
    /// the permission.
    static func readScope(_ caller: Caller) throws -> String? {
        // The operator, by token or as a platform admin person, reads every organisation's entries (as on /admin).
        if caller.isOperator { return nil }
        guard let organisation = caller.organisation else {
            throw AppError(status: .unauthorized, reason: Reason("audit.sign-in"))
        }
        try require(caller, .readAudit)
        return organisation.id
    }
}
