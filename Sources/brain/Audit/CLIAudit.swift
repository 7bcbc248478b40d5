import Foundation
import BrainModel
import BrainStore
import BrainUseCases

/// Puts the CLI's writes on the audit trail as the actor "cli". The write has already succeeded: an entry that cannot
/// be recorded is reported loudly on standard error and the command still succeeds, since its work is done.
enum CLIAudit {
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
