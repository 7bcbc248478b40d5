import Foundation
import BrainModel
import BrainStore
import BrainUseCases

/// Puts the CLI's writes on the audit trail as the actor "cli". Organisations and people are written with their entry
/// in one transaction (`personChange`, `AuditOf`); for the other writes `record` comes after: the write has already
/// succeeded, so an entry that cannot be recorded is reported loudly on standard error and the command still succeeds.
enum CLIAudit {
    /// The entry of a change to a person, for the store to record in the change's own transaction.
    static func personChange(_ action: String) -> AuditOf<PersonChange> {
        { change in
            AuditTrail.cli(action, target: "person", change.after.id, organisation: change.after.organisationId,
                           before: AuditTrail.json(change.before), after: AuditTrail.json(change.after))
        }
    }

    /// The entry of an import, for the store to record in the import's own transaction.
    static func importWrite(_ job: ImportJob) -> ImportService.Audit {
        { record in
            AuditTrail.cli("import.write", target: "import", record.targetId, organisation: job.organisation, after: AuditTrail.json(record))
        }
    }

    static func record(_ store: any AuditStore, _ action: String, target kind: String, _ id: String, organisation: String? = nil,
                       before: String? = nil, after: String? = nil) async {
        let entry = AuditTrail.cli(action, target: kind, id, organisation: organisation, before: before, after: after)
        await AuditTrail.record(entry, in: store) { message in
            FileHandle.standardError.write(Data("警告 WARNING: \(message)\n".utf8))
        }
    }

    static func record(_ database: String, _ action: String, target kind: String, _ id: String, organisation: String? = nil,
                       before: String? = nil, after: String? = nil) async {
        do {
            await record(try await openStore(database), action, target: kind, id, organisation: organisation, before: before, after: after)
        } catch {
            FileHandle.standardError.write(Data("警告 WARNING: audit trail: could not open \(database) to record \(action): \(error)\n".utf8))
        }
    }
}
