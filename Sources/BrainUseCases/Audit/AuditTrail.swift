import Foundation
import BrainIngest
import BrainModel
import BrainStore

/// What both front ends need to put a write on the audit trail (issue 19 item 2): the time stamp, the JSON of a record
/// before and after, the CLI's entries, and recording that never loses the user's write: the write has already been
/// committed when its entry is recorded, so a failure to record is reported (logged loudly, counted) and not thrown.
public enum AuditTrail {
    /// The actor of every CLI entry: the operator at the machine.
    public static let cliActor = "cli"

    /// UTC, ISO 8601 to the second, as `AuditEntry.at` is kept.
    public static func now(_ date: Date = Date()) -> String { ISO8601DateFormatter().string(from: date) }

    /// A record as compact JSON with sorted keys, so the same record always reads the same and diffs line up; nil
    /// when it cannot be encoded (the entry is then recorded without it rather than not at all).
    public static func json(_ value: some Encodable) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// An entry for an act of the operator on the command line.
    public static func cli(_ action: String, target kind: String, _ id: String, organisation: String? = nil,
                           before: String? = nil, after: String? = nil) -> AuditEntry {
        AuditEntry(at: now(), organisationId: organisation, personId: nil, actor: cliActor, action: action,
                   targetKind: kind, targetId: id, before: before, after: after)
    }

    /// Records the entry after a successful write. Returns false, after calling `failed` with why, when it could not
    /// be recorded: the caller reports that loudly, but the write stands.
    @discardableResult
    public static func record(_ entry: AuditEntry, in store: any AuditStore, failed: (String) -> Void) async -> Bool {
        do {
            try await store.recordAudit(entry)
            return true
        } catch {
            failed("audit trail: could not record \(entry.action) \(entry.targetKind)/\(entry.targetId) by \(entry.actor): \(error)")
            return false
        }
    }

    /// Copies a database's whole trail, oldest first, so that a rebuild (which writes a new database) keeps it.
    public static func entries(of store: any AuditStore) async throws -> [AuditEntry] {
        var all: [AuditEntry] = [], before: Int64?
        while true {
            let page = try await store.auditEntries(AuditQuery(before: before, limit: 5_000))
            all += page
            guard page.count == 5_000, let last = page.last else { break }
            before = last.id
        }
        return all.reversed()
    }
}

/// What the trail keeps of one import: enough to say which file went in as what, for whom, and what it changed.
public struct ImportAuditRecord: Codable, Sendable, Equatable {
    public var kind: String
    public var file: String
    public var layer: String?
    public var organisation: String?
    public var asOf: String
    public var importId: Int?
    public var alreadyImportedAs: Int?
    public var rows: Int
    public var accepted: Int
    public var rejected: Int
    public var created: Int
    public var updated: Int
    public var unchanged: Int
    public var history: Int
    public var review: Int

    public init(kind: String, file: String, layer: String? = nil, organisation: String?, asOf: String,
                summary: EnterpriseFileCheck.Summary, outcome: ImportOutcome) {
        (self.kind, self.file, self.layer, self.organisation, self.asOf) = (kind, file, layer, organisation, asOf)
        (importId, alreadyImportedAs) = (outcome.importId, outcome.alreadyImportedAs)
        (rows, accepted, rejected) = (summary.rows, summary.accepted, summary.rejected)
        (created, updated, unchanged, history, review) = (outcome.created, outcome.updated, outcome.unchanged, outcome.history, outcome.review)
    }

    public init(_ job: ImportJob, _ result: ImportResult) {
        self.init(kind: job.kind.rawValue, file: job.file.lastPathComponent, organisation: job.organisation, asOf: job.asOf,
                  summary: result.summary, outcome: result.outcome)
    }

    /// The entry's target id: the import's number, or the earlier import the same file already was.
    public var targetId: String { (importId ?? alreadyImportedAs).map(String.init) ?? file }
}
