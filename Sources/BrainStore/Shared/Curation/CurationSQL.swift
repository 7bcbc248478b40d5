import Foundation
import BrainModel

/// The curations table and its SQL, the same on both backends. No foreign key to enterprises: a rebuild drops and
/// re-creates the firms, and `brain build-db` carries curations over itself (docs/curation.md).
enum CurationSQL {
    static func schema(text: String) -> [String] {
        [
            """
            CREATE TABLE curations (id \(text) PRIMARY KEY, enterprise_id \(text) NOT NULL, action \(text) NOT NULL,
              node_id \(text), from_node_id \(text), region_code \(text), revokes \(text), reason TEXT NOT NULL,
              author TEXT NOT NULL, source TEXT, created_at \(text) NOT NULL, seq INTEGER NOT NULL)
            """,
            "CREATE INDEX curations_on_enterprise ON curations (enterprise_id, created_at, seq)",
        ] + CuratedPlacement.schema(text: text)
    }

    static let columns = ["id", "enterprise_id", "action", "node_id", "from_node_id", "region_code", "revokes", "reason", "author",
                          "source", "created_at", "organisation_id", "published_at"]
    /// `seq` is the order curations were written in: two made in the same instant apply in that order.
    static let insert = """
        INSERT INTO curations (\(columns.joined(separator: ", ")), seq)
        VALUES (\(StoreSQL.marks(columns.count)), (SELECT COALESCE(MAX(seq), 0) + 1 FROM curations)) ON CONFLICT (id) DO NOTHING
        """
    static let all = "SELECT * FROM curations ORDER BY created_at, seq"
    static let ofEnterprise = "SELECT * FROM curations WHERE enterprise_id = ? ORDER BY created_at, seq"
    /// The curations that apply for everyone: the operator's and the command line's, and organisations' published ones
    /// (`Curation.isPublic`). The snapshot and the stored placement are made of these alone.
    static let publicCondition = "(organisation_id IS NULL OR published_at IS NOT NULL)"
    static let applied = "SELECT * FROM curations WHERE \(publicCondition) ORDER BY created_at, seq"
    static let appliedOfEnterprise = "SELECT * FROM curations WHERE enterprise_id = ? AND \(publicCondition) ORDER BY created_at, seq"
    static let nodeIds = "SELECT id FROM chain_nodes"

    static func existing(_ table: String, key: String, count: Int) -> String {
        "SELECT \(key) FROM \(table) WHERE \(key) IN (\(StoreSQL.marks(count)))"
    }

    static func values(_ c: Curation) -> [SQLValue] {
        [.text(c.id), .text(c.enterpriseId), .text(c.action.rawValue), .text(c.nodeId), .text(c.fromNodeId), .text(c.regionCode),
         .text(c.revokes), .text(c.reason), .text(c.author), .text(c.source), .text(c.createdAt), .text(c.organisationId), .text(c.publishedAt)]
    }

    static func curation(_ row: some ColumnReader) throws -> Curation {
        Curation(id: try row.text("id"), enterpriseId: try row.text("enterprise_id"),
                 action: Curation.Action(rawValue: try row.text("action")) ?? .add, nodeId: try row.optionalText("node_id"),
                 fromNodeId: try row.optionalText("from_node_id"), regionCode: try row.optionalText("region_code"),
                 revokes: try row.optionalText("revokes"), reason: try row.text("reason"), author: try row.text("author"),
                 source: try row.optionalText("source"), createdAt: try row.text("created_at"),
                 organisationId: try row.optionalText("organisation_id"), publishedAt: try row.optionalText("published_at"))
    }

    /// Firms and region codes a batch names, looked up in chunks (SQLite allows at most 32,766 parameters).
    static func chunks(_ values: Set<String>) -> [[String]] {
        let sorted = values.sorted()
        return stride(from: 0, to: sorted.count, by: 500).map { Array(sorted[$0..<min($0 + 500, sorted.count)]) }
    }

    /// Throws the batch's problems, if any.
    static func check(_ batch: [Curation], known: CurationCheck.Known) throws {
        let problems = CurationCheck.problems(batch, known: known)
        if !problems.isEmpty { throw CurationError(problems: problems) }
    }

    /// To the millisecond, so curations made one after another sort in that order.
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
