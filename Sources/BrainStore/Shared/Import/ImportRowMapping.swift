import Foundation
import BrainModel

/// Import rows → models, for both backends.
enum ImportRowMapping {
    static func batch(_ row: some ColumnReader) throws -> ImportBatch {
        var outcome = ImportOutcome(importId: try row.int("id"))
        outcome.created = try row.int("created")
        outcome.updated = try row.int("updated")
        outcome.unchanged = try row.int("unchanged")
        outcome.history = try row.int("history")
        outcome.review = try row.int("review")
        outcome.branchesLinked = try row.int("branches_linked")
        return ImportBatch(id: try row.int("id"), kind: try row.text("kind"), file: try row.text("file"),
                           fingerprint: try row.text("fingerprint"), asOf: try row.text("as_of"),
                           importedAt: try row.text("imported_at"), outcome: outcome,
                           organisationId: try row.optionalText("organisation_id"), layer: try row.optionalText("layer"),
                           publishedAt: try row.optionalText("published_at"), publishedBy: try row.optionalText("published_by"))
    }

    static func header(_ row: some ColumnReader) throws -> ImportHeader {
        ImportHeader(kind: try row.text("kind"), file: try row.text("file"), fingerprint: try row.text("fingerprint"),
                     asOf: try row.text("as_of"), importedAt: try row.text("imported_at"),
                     organisation: try row.optionalText("organisation_id"), layer: try row.optionalText("layer"))
    }

    static func reviewItem(_ row: some ColumnReader) throws -> ReviewItem {
        ReviewItem(id: try row.int("id"), importId: try row.int("import_id"), file: try row.text("file"), row: try row.int("row"),
                   kind: ReviewItem.Kind(rawValue: try row.text("kind")) ?? .location, name: try row.text("name"),
                   enterpriseId: try row.optionalText("enterprise_id"), candidateId: try row.optionalText("candidate_id"),
                   candidateName: try row.optionalText("candidate_name"), reasons: try reasons(row),
                   status: ReviewItem.Status(rawValue: try row.text("status")) ?? .pending, decidedAt: try row.optionalText("decided_at"))
    }

    /// An item's reasons as data; one stored before they were (v24) has its text only.
    private static func reasons(_ row: some ColumnReader) throws -> [Reason] {
        guard let coded = try row.optionalText("reasons") else { return [.note(try row.text("reason"))] }
        return try JSONDecoder().decode([Reason].self, from: Data(coded.utf8))
    }

    static func record(_ row: some ColumnReader) throws -> ImportedEnterprise {
        try JSONDecoder().decode(ImportedEnterprise.self, from: Data(try row.text("record").utf8))
    }

    /// Every fact of every record, folded in newest record first: the first time a field appears it is current.
    struct Facts: Sendable {
        private var seen: Set<String> = []
        private(set) var facts: [EnterpriseFact] = []

        mutating func add(_ row: any ColumnReader) throws {
            let values = try JSONDecoder().decode([String: String].self, from: Data(try row.text("facts").utf8))
            for (field, value) in values.sorted(by: { $0.key < $1.key }) {
                facts.append(EnterpriseFact(field: field, value: value, importId: try row.int("import_id"), file: try row.text("file"),
                                            row: try row.int("row"), asOf: try row.text("as_of"), current: !seen.contains(field)))
                seen.insert(field)
            }
        }
    }

    static func reviewSQL(status: ReviewItem.Status?) -> (String, [String]) {
        guard let status else { return (ImportSQL.reviewItems + " ORDER BY r.id", []) }
        return (ImportSQL.reviewItems + " WHERE r.status = ? ORDER BY r.id", [status.rawValue])
    }
}
