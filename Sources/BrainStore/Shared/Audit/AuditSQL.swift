import BrainModel

/// The audit trail's table and statements, the same on both engines but for the identity column and the guard that
/// refuses changes (a SQLite trigger; a PostgreSQL trigger function).
enum AuditSQL {
    static func schema(text: String, identity: String) -> [String] {
        [
            """
            CREATE TABLE audit_log (id \(identity), at \(text) NOT NULL, organisation_id \(text), person_id \(text),
              actor \(text) NOT NULL, action \(text) NOT NULL, target_kind \(text) NOT NULL, target_id \(text) NOT NULL,
              before_json \(text), after_json \(text))
            """,
            "CREATE INDEX audit_log_on_organisation ON audit_log (organisation_id, id)",
        ]
    }

    static let sqliteGuards = ["UPDATE", "DELETE"].map { verb in
        """
        CREATE TRIGGER audit_log_refuses_\(verb.lowercased()) BEFORE \(verb) ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
        """
    }

    static let postgresGuards = [
        """
        CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$
        """,
        "CREATE TRIGGER audit_log_refuses_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse()",
        "CREATE TRIGGER audit_log_refuses_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse()",
    ]

    static let insert = """
        INSERT INTO audit_log (at, organisation_id, person_id, actor, action, target_kind, target_id, before_json, after_json)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id AS n
        """

    static func values(_ entry: AuditEntry) -> [SQLValue] {
        [.text(entry.at), .text(entry.organisationId), .text(entry.personId), .text(entry.actor), .text(entry.action),
         .text(entry.targetKind), .text(entry.targetId), .text(entry.before), .text(entry.after)]
    }

    static func select(_ query: AuditQuery) -> (sql: String, arguments: [SQLValue]) {
        var conditions: [String] = [], arguments: [SQLValue] = []
        if let organisation = query.organisationId { conditions.append("organisation_id = ?"); arguments.append(.text(organisation)) }
        if let action = query.action { conditions.append("action = ?"); arguments.append(.text(action)) }
        if let actor = query.actor { conditions.append("actor = ?"); arguments.append(.text(actor)) }
        if let before = query.before { conditions.append("id < ?"); arguments.append(.int(Int(before))) }
        if let from = query.from { conditions.append("at >= ?"); arguments.append(.text(from)) }
        // A bare day runs to its end: every instant of it sorts below the day followed by "~".
        if let to = query.to { conditions.append("at <= ?"); arguments.append(.text(to.count == 10 ? to + "~" : to)) }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        arguments.append(.int(max(0, min(query.limit, 10_000))))
        return ("SELECT * FROM audit_log\(filter) ORDER BY id DESC LIMIT ?", arguments)
    }

    static func entry(_ row: some ColumnReader) throws -> AuditEntry {
        AuditEntry(id: Int64(try row.int("id")), at: try row.text("at"), organisationId: try row.optionalText("organisation_id"),
                   personId: try row.optionalText("person_id"), actor: try row.text("actor"), action: try row.text("action"),
                   targetKind: try row.text("target_kind"), targetId: try row.text("target_id"),
                   before: try row.optionalText("before_json"), after: try row.optionalText("after_json"))
    }
}
