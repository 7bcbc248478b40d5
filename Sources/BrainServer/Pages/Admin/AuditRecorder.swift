import Foundation
import Logging
import BrainModel
import BrainStore
import BrainUseCases

/// Puts the server's writes on the audit trail. Called after a write succeeded: a write that failed records nothing,
/// and an entry that cannot be recorded is logged at the highest level and counted in /metrics
/// (`brain_audit_failures_total`) without undoing or failing the user's write.
enum AuditRecorder {
    static let logger = Logger(label: "IndustryBrain.audit")

    static func record(_ entry: AuditEntry, in store: any AuditStore) async {
        await AuditTrail.record(entry, in: store) { message in
            logger.critical("\(message)")
            ServerMetrics.auditFailed(action: entry.action)
        }
    }

    /// Records `caller`'s act with the records before and after (encoded as JSON by `AuditTrail.json`).
    static func record(_ caller: Caller, _ action: String, target kind: String, _ id: String, before: String? = nil,
                       after: String? = nil, in store: any AuditStore) async {
        await record(caller.auditEntry(action, target: kind, id, before: before, after: after), in: store)
    }
}
