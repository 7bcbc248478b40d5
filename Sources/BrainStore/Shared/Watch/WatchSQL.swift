import Foundation
import BrainModel

/// The change feed, watchlists and alerts (issue 19 item 4): the same tables and statements on both engines but for
/// the identity column.
enum WatchSQL {
    static func schema(text: String, identity: String) -> [String] {
        [
            // `node_ids` is the firm's nodes as ",a,b," so a node's watchers match with LIKE on either engine.
            """
            CREATE TABLE changes (id \(identity), import_id INTEGER NOT NULL, at \(text) NOT NULL, as_of \(text) NOT NULL,
              organisation_id \(text), code \(text) NOT NULL, enterprise_id \(text) NOT NULL, province_code \(text),
              city_code \(text), district_code \(text), node_id \(text), node_ids \(text) NOT NULL, values_json TEXT NOT NULL)
            """,
            "CREATE INDEX changes_on_import ON changes (import_id)",
            "CREATE INDEX changes_on_city ON changes (city_code, id)",
            "CREATE INDEX changes_on_enterprise ON changes (enterprise_id)",
            """
            CREATE TABLE watchlist (id \(identity), organisation_id \(text) NOT NULL, person_id \(text), kind \(text) NOT NULL,
              target_id \(text) NOT NULL, created_at \(text) NOT NULL)
            """,
            "CREATE INDEX watchlist_on_organisation ON watchlist (organisation_id, kind, target_id)",
            "CREATE INDEX watchlist_on_target ON watchlist (target_id)",
            // The watch's kind and target are copied: an alert outlives the watch that raised it.
            """
            CREATE TABLE alerts (id \(identity), organisation_id \(text) NOT NULL, person_id \(text), watch_id INTEGER NOT NULL,
              watch_kind \(text) NOT NULL, watch_target \(text) NOT NULL, change_id INTEGER NOT NULL, created_at \(text) NOT NULL,
              read_at \(text))
            """,
            "CREATE UNIQUE INDEX alerts_once ON alerts (watch_id, change_id)",
            "CREATE INDEX alerts_on_organisation ON alerts (organisation_id, read_at, id)",
        ]
    }

    // MARK: The feed

    static let insertChange = """
        INSERT INTO changes (import_id, at, as_of, organisation_id, code, enterprise_id, province_code, city_code, district_code,
          node_id, node_ids, values_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// An event's change, its firm's place and every node it sits on read from the firm as it stands in the same
    /// transaction, so each node's watchers hear of it. The nodes are listed (",a,b,") by a recursive walk in node id
    /// order, which both engines run alike (they share no string aggregate). Arguments: the firm three times for the
    /// walk, then `eventValues`.
    /// `visible`: a condition on a node's `source` (`ImportVisibility.visibleSource`) whose arguments follow each
    /// `enterprise_id = ?` of the node subqueries.
    static func insertEventChange(visibleSource visible: String) -> String {
        """
        WITH RECURSIVE firm_nodes (node_id, list) AS (
          SELECT MIN(node_id), ',' || MIN(node_id) || ',' FROM chain_assignments WHERE enterprise_id = ? AND \(visible)
          UNION ALL
          SELECT (SELECT MIN(a.node_id) FROM chain_assignments a WHERE a.enterprise_id = ? AND \(visible) AND a.node_id > f.node_id),
            f.list || (SELECT MIN(a.node_id) FROM chain_assignments a WHERE a.enterprise_id = ? AND \(visible) AND a.node_id > f.node_id) || ','
          FROM firm_nodes f WHERE f.node_id IS NOT NULL)
        INSERT INTO changes (import_id, at, as_of, organisation_id, code, enterprise_id, province_code, city_code, district_code,
          node_id, node_ids, values_json)
        SELECT ?, ?, ?, ?, ?, e.id, e.province_code, e.city_code, e.district_code,
          (SELECT MIN(node_id) FROM chain_assignments WHERE enterprise_id = e.id AND \(visible)),
          COALESCE((SELECT list FROM firm_nodes WHERE list IS NOT NULL ORDER BY length(list) DESC LIMIT 1), ''), ?
        FROM enterprises e WHERE e.id = ?
        """
    }

    static func changeValues(_ c: Change) throws -> [SQLValue] {
        [.int(c.importId), .text(c.at), .text(c.asOf), .text(c.organisationId), .text(c.code.rawValue), .text(c.enterpriseId),
         .text(c.provinceCode), .text(c.cityCode), .text(c.districtCode), .text(c.nodeIds.first), .text(nodeList(c.nodeIds)),
         .text(try json(c.values))]
    }

    static func nodeList(_ ids: [String]) -> String { ids.isEmpty ? "" : "," + ids.joined(separator: ",") + "," }

    /// JSONEncoder's text (sorted keys, slashes unescaped), byte for byte, through one shared `FactsJSON`: an encoder
    /// made and run per new firm was a thirtieth of an import's CPU.
    static func json(_ values: [String: String]) throws -> String { try sharedJSON.encode(values) }

    private static let sharedJSON = SharedFactsJSON()

    /// Who may see a change: the operator all; an organisation the public ones and its own; anyone else the public ones.
    static func visibility(organisation: String?, everything: Bool, alias: String = "") -> (String?, [SQLValue]) {
        if everything { return (nil, []) }
        guard let organisation else { return ("\(alias)organisation_id IS NULL", []) }
        return ("(\(alias)organisation_id IS NULL OR \(alias)organisation_id = ?)", [.text(organisation)])
    }

    static func selectChanges(_ q: ChangeQuery) -> (sql: String, arguments: [SQLValue]) {
        var conditions: [String] = [], arguments: [SQLValue] = []
        let (visible, visibleArguments) = visibility(organisation: q.organisationId, everything: q.everything)
        if let visible { conditions.append(visible); arguments += visibleArguments }
        if let region = q.regionCode {
            conditions.append("(province_code = ? OR city_code = ? OR district_code = ?)")
            arguments += [.text(region), .text(region), .text(region)]
        }
        if let firm = q.enterpriseId { conditions.append("enterprise_id = ?"); arguments.append(.text(firm)) }
        // Escaped: a node id's own `_` or `%` must not match other nodes.
        if let node = q.nodeId { conditions.append("node_ids LIKE ? ESCAPE '\\'"); arguments.append(.text("%," + StoreSQL.escapeLike(node) + ",%")) }
        if let importId = q.importId { conditions.append("import_id = ?"); arguments.append(.int(importId)) }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        arguments.append(.int(max(0, min(q.limit, 10_000))))
        return ("SELECT * FROM changes\(filter) ORDER BY id DESC LIMIT ?", arguments)
    }

    static func change(_ row: some ColumnReader, prefix: String = "") throws -> Change {
        let code = try row.text(prefix + "code")
        guard let known = Change.Code(rawValue: code) else { throw WatchStoreError.unknownChangeCode(code) }
        let values = try JSONDecoder().decode([String: String].self, from: Data(try row.text(prefix + "values_json").utf8))
        return Change(id: Int64(try row.int(prefix + "id")), importId: try row.int(prefix + "import_id"), at: try row.text(prefix + "at"),
                      asOf: try row.text(prefix + "as_of"), organisationId: try row.optionalText(prefix + "organisation_id"), code: known,
                      enterpriseId: try row.text(prefix + "enterprise_id"), provinceCode: try row.optionalText(prefix + "province_code"),
                      cityCode: try row.optionalText(prefix + "city_code"), districtCode: try row.optionalText(prefix + "district_code"),
                      nodeIds: try row.text(prefix + "node_ids").split(separator: ",").map(String.init), values: values)
    }

    // MARK: Alerts

    /// An alert for every watch the import's changes touch, once per watch and change (re-running it after a review
    /// decision adds only the new ones). A private import's changes reach only its own organisation's watchers.
    static let raiseAlerts = raiseAlerts(of: "c.import_id = ?")
    /// The alerts of one change (`c.id`): a curation's, which no import made.
    static let raiseAlertsOfChange = raiseAlerts(of: "c.id = ?")

    static func raiseAlerts(of changes: String) -> String {
        """
        INSERT INTO alerts (organisation_id, person_id, watch_id, watch_kind, watch_target, change_id, created_at)
        SELECT w.organisation_id, w.person_id, w.id, w.kind, w.target_id, c.id, c.at FROM changes c JOIN watchlist w ON
          ((w.kind = 'firm' AND w.target_id = c.enterprise_id)
           OR (w.kind = 'region' AND (w.target_id = c.province_code OR w.target_id = c.city_code OR w.target_id = c.district_code))
           OR (w.kind = 'node' AND c.node_ids LIKE '%,' || \(StoreSQL.escapeLike(column: "w.target_id")) || ',%' ESCAPE '\\')
           OR (w.kind = 'node' AND EXISTS (\(subNodeOfWatch))))
        WHERE \(changes) AND (c.organisation_id IS NULL OR c.organisation_id = w.organisation_id)
          AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.watch_id = w.id AND a.change_id = c.id)
        """
    }

    /// A node watch covers the nodes under it (生物药 → 抗体药物): a node of the change whose parent is the watched
    /// node. One level, as the chain file has (tiers → nodes → sub-nodes): it runs once per change and node watch, so
    /// it stays a scan of the chain's few rows with no join (docs/watch.md "Cost").
    static let subNodeOfWatch = """
        SELECT 1 FROM chain_nodes n WHERE n.parent_id = w.target_id AND c.node_ids LIKE '%,' || \(StoreSQL.escapeLike(column: "n.id")) || ',%' ESCAPE '\\'
        """

    static func selectAlerts(_ q: AlertQuery) -> (sql: String, arguments: [SQLValue]) {
        var conditions = ["a.organisation_id = ?", visibleChange], arguments: [SQLValue] = [.text(q.organisationId)]
        if let person = q.personId { conditions.append("(a.person_id IS NULL OR a.person_id = ?)"); arguments.append(.text(person)) }
        if let kind = q.kind { conditions.append("a.watch_kind = ?"); arguments.append(.text(kind.rawValue)) }
        if q.unreadOnly { conditions.append("a.read_at IS NULL") }
        arguments.append(.int(max(0, min(q.limit, 10_000))))
        return ("""
            SELECT a.id AS alert_id, a.organisation_id AS alert_organisation, a.person_id AS alert_person, a.watch_kind, a.watch_target,
              a.created_at AS alert_created, a.read_at, c.* FROM alerts a JOIN changes c ON c.id = a.change_id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY CASE WHEN a.read_at IS NULL THEN 0 ELSE 1 END, a.id DESC LIMIT ?
            """, arguments)
    }

    static func alert(_ row: some ColumnReader) throws -> Alert {
        let kind = try row.text("watch_kind")
        guard let watchKind = WatchKind(rawValue: kind) else { throw WatchStoreError.unknownWatchKind(kind) }
        return Alert(id: Int64(try row.int("alert_id")), organisationId: try row.text("alert_organisation"),
                     personId: try row.optionalText("alert_person"), watchKind: watchKind, watchTarget: try row.text("watch_target"),
                     createdAt: try row.text("alert_created"), readAt: try row.optionalText("read_at"), change: try change(row))
    }

    /// The rows of `organisation` a caller covers: all of them, or for a person the organisation-wide ones and their own.
    static func owned(organisation: String, person: String?) -> (sql: String, arguments: [SQLValue]) {
        guard let person else { return ("organisation_id = ?", [.text(organisation)]) }
        return ("organisation_id = ? AND (person_id IS NULL OR person_id = ?)", [.text(organisation), .text(person)])
    }

    /// An alert stays its organisation's to read only while its change is public or that organisation's: a change an
    /// organisation withdrew (unpublished) after others were alerted is no longer theirs to read, count or be posted.
    static let visibleChange = "EXISTS (SELECT 1 FROM changes vc WHERE vc.id = a.change_id AND (vc.organisation_id IS NULL OR vc.organisation_id = a.organisation_id))"

    static func unreadCount(_ owner: (sql: String, arguments: [SQLValue])) -> String {
        "SELECT COUNT(*) AS n FROM alerts a WHERE \(owner.sql) AND read_at IS NULL AND \(visibleChange)"
    }

    static func markRead(_ ids: [Int64], _ owner: (sql: String, arguments: [SQLValue])) -> String {
        "UPDATE alerts SET read_at = ? WHERE \(owner.sql) AND read_at IS NULL AND id IN (\(StoreSQL.marks(ids.count)))"
    }

    static func markAllRead(_ owner: (sql: String, arguments: [SQLValue])) -> String {
        "UPDATE alerts SET read_at = ? WHERE \(owner.sql) AND read_at IS NULL"
    }

    // MARK: Watchlists

    static func selectWatchlist(_ owner: (sql: String, arguments: [SQLValue])) -> String {
        "SELECT * FROM watchlist WHERE \(owner.sql) ORDER BY id"
    }
    static let findWatch = "SELECT * FROM watchlist WHERE organisation_id = ? AND kind = ? AND target_id = ? AND COALESCE(person_id, '') = ?"
    static let insertWatch = """
        INSERT INTO watchlist (organisation_id, person_id, kind, target_id, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id AS n
        """
    static func watchById(_ owner: (sql: String, arguments: [SQLValue])) -> String { "SELECT * FROM watchlist WHERE id = ? AND \(owner.sql)" }
    static let deleteWatch = "DELETE FROM watchlist WHERE id = ?"

    static func watch(_ row: some ColumnReader) throws -> WatchItem {
        let kind = try row.text("kind")
        guard let watchKind = WatchKind(rawValue: kind) else { throw WatchStoreError.unknownWatchKind(kind) }
        return WatchItem(id: Int64(try row.int("id")), organisationId: try row.text("organisation_id"), personId: try row.optionalText("person_id"),
                         kind: watchKind, targetId: try row.text("target_id"), createdAt: try row.text("created_at"))
    }
}

/// A stored row the code does not know how to read (a newer version wrote it).
public enum WatchStoreError: Error, CustomStringConvertible {
    case unknownChangeCode(String)
    case unknownWatchKind(String)

    public var description: String {
        switch self {
        case .unknownChangeCode(let code): "changes: unknown change code \(code)"
        case .unknownWatchKind(let kind): "watchlist: unknown watch kind \(kind)"
        }
    }
}
