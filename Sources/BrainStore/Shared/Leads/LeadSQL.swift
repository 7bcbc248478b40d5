import BrainModel

/// The 招商 pipeline's tables and statements, the same on both engines but for the identity and integer types. Every
/// statement names the organisation, so one organisation's leads are never read, counted or changed by another.
enum LeadSQL {
    static func schema(text: String, integer: String, identity: String) -> [String] {
        [
            """
            CREATE TABLE leads (id \(identity), organisation_id \(text) NOT NULL, enterprise_id \(text), firm_name \(text) NOT NULL,
              region_code \(text), node_id \(text), park_id \(text), owner \(text), stage \(text) NOT NULL, drop_reason \(text),
              next_step \(text), due_date \(text), notes \(text), source \(text) NOT NULL, source_reason \(text),
              created_at \(text) NOT NULL, updated_at \(text) NOT NULL, version \(integer) NOT NULL)
            """,
            "CREATE INDEX leads_on_organisation ON leads (organisation_id, id)",
            "CREATE INDEX leads_on_organisation_stage ON leads (organisation_id, stage, id)",
            "CREATE INDEX leads_on_organisation_due ON leads (organisation_id, due_date)",
            "CREATE INDEX leads_on_organisation_region ON leads (organisation_id, region_code)",
            """
            CREATE TABLE lead_history (id \(identity), lead_id \(integer) NOT NULL, organisation_id \(text) NOT NULL, at \(text) NOT NULL,
              actor \(text) NOT NULL, person_id \(text), kind \(text) NOT NULL, from_value \(text), to_value \(text), reason \(text))
            """,
            "CREATE INDEX lead_history_on_lead ON lead_history (organisation_id, lead_id, id)",
        ]
    }

    static let insert = """
        INSERT INTO leads (organisation_id, enterprise_id, firm_name, region_code, node_id, park_id, owner, stage, drop_reason,
          next_step, due_date, notes, source, source_reason, created_at, updated_at, version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) RETURNING id AS n
        """

    static func insertValues(_ lead: Lead) -> [SQLValue] {
        let f = lead.fields
        return [.text(lead.organisationId), .text(f.enterpriseId), .text(f.firmName), .text(f.regionCode), .text(f.nodeId), .text(f.parkId),
                .text(f.owner), .text(lead.stage.rawValue), .text(lead.dropReason), .text(f.nextStep), .text(f.dueDate), .text(f.notes),
                .text(lead.source.rawValue), .text(lead.sourceReason), .text(lead.createdAt), .text(lead.updatedAt)]
    }

    /// Writes the whole changed lead only if nobody changed it since it was read (`version`), so two people moving the
    /// same lead at once cannot both succeed on a stale stage.
    static let update = """
        UPDATE leads SET enterprise_id = ?, firm_name = ?, region_code = ?, node_id = ?, park_id = ?, owner = ?, stage = ?,
          drop_reason = ?, next_step = ?, due_date = ?, notes = ?, updated_at = ?, version = version + 1
        WHERE organisation_id = ? AND id = ? AND version = ? RETURNING id AS n
        """

    static func updateValues(_ lead: Lead, version: Int) -> [SQLValue] {
        let f = lead.fields
        return [.text(f.enterpriseId), .text(f.firmName), .text(f.regionCode), .text(f.nodeId), .text(f.parkId), .text(f.owner),
                .text(lead.stage.rawValue), .text(lead.dropReason), .text(f.nextStep), .text(f.dueDate), .text(f.notes), .text(lead.updatedAt),
                .text(lead.organisationId), .int(Int(lead.id)), .int(version)]
    }

    static let one = "SELECT * FROM leads WHERE organisation_id = ? AND id = ?"

    static let insertHistory = """
        INSERT INTO lead_history (lead_id, organisation_id, at, actor, person_id, kind, from_value, to_value, reason)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func historyValues(_ entry: LeadHistoryEntry, organisation: String) -> [SQLValue] {
        [.int(Int(entry.leadId)), .text(organisation), .text(entry.at), .text(entry.actor), .text(entry.personId), .text(entry.kind.rawValue),
         .text(entry.from), .text(entry.to), .text(entry.reason)]
    }

    static let history = "SELECT * FROM lead_history WHERE organisation_id = ? AND lead_id = ? ORDER BY id"

    /// The list's filter: always the organisation, then each filter given.
    static func filter(_ query: LeadQuery) -> (sql: String, arguments: [SQLValue]) {
        var conditions = ["organisation_id = ?"], arguments: [SQLValue] = [.text(query.organisationId)]
        if let stage = query.stage { conditions.append("stage = ?"); arguments.append(.text(stage.rawValue)) }
        if let owner = query.owner { conditions.append("owner = ?"); arguments.append(.text(owner)) }
        if let region = query.regionCode { conditions.append("region_code LIKE ? ESCAPE '\\'"); arguments.append(.text(regionPrefix(region))) }
        if let node = query.nodeId { conditions.append("node_id = ?"); arguments.append(.text(node)) }
        if let day = query.overdueBefore {
            conditions.append("due_date < ? AND stage NOT IN ('landed', 'dropped')"); arguments.append(.text(day))
        }
        if let text = query.text?.lowercased(), !text.isEmpty {
            let pattern = "%" + StoreSQL.escapeLike(text) + "%"
            conditions.append("(lower(firm_name) LIKE ? ESCAPE '\\' OR lower(next_step) LIKE ? ESCAPE '\\' OR lower(notes) LIKE ? ESCAPE '\\')")
            arguments += [.text(pattern), .text(pattern), .text(pattern)]
        }
        return (conditions.joined(separator: " AND "), arguments)
    }

    /// A region and the regions inside it: 320500 matches 3205xx, 320000 matches 32xxxx.
    static func regionPrefix(_ code: String) -> String {
        var prefix = Substring(code)
        for _ in 0..<2 where prefix.count > 2 && prefix.hasSuffix("00") { prefix = prefix.dropLast(2) }
        return StoreSQL.escapeLike(String(prefix)) + "%"
    }

    static func list(_ query: LeadQuery) -> (count: String, page: String, arguments: [SQLValue], pageArguments: [SQLValue]) {
        let (filter, arguments) = filter(query)
        let limits: [SQLValue] = [.int(max(0, min(query.limit, 10_000))), .int(max(0, query.offset))]
        return ("SELECT COUNT(*) AS n FROM leads WHERE \(filter)",
                "SELECT * FROM leads WHERE \(filter) ORDER BY id DESC LIMIT ? OFFSET ?", arguments, arguments + limits)
    }

    static func board(regionCode: String?) -> String {
        """
        SELECT stage, COUNT(*) AS n, SUM(CASE WHEN due_date < ? AND stage NOT IN ('landed', 'dropped') THEN 1 ELSE 0 END) AS overdue
        FROM leads WHERE organisation_id = ?\(regionCode == nil ? "" : " AND region_code LIKE ? ESCAPE '\\'") GROUP BY stage
        """
    }

    static func lead(_ row: some ColumnReader) throws -> Lead {
        let fields = LeadFields(enterpriseId: try row.optionalText("enterprise_id"), firmName: try row.text("firm_name"),
                                regionCode: try row.optionalText("region_code"), nodeId: try row.optionalText("node_id"),
                                parkId: try row.optionalText("park_id"), owner: try row.optionalText("owner"),
                                nextStep: try row.optionalText("next_step"), dueDate: try row.optionalText("due_date"),
                                notes: try row.optionalText("notes"))
        return Lead(id: Int64(try row.int("id")), organisationId: try row.text("organisation_id"), fields: fields,
                    stage: LeadStage(rawValue: try row.text("stage")) ?? .lead, dropReason: try row.optionalText("drop_reason"),
                    source: LeadSource(rawValue: try row.text("source")) ?? .manual, sourceReason: try row.optionalText("source_reason"),
                    createdAt: try row.text("created_at"), updatedAt: try row.text("updated_at"), version: try row.int("version"))
    }

    static func historyEntry(_ row: some ColumnReader) throws -> LeadHistoryEntry {
        LeadHistoryEntry(id: Int64(try row.int("id")), leadId: Int64(try row.int("lead_id")), at: try row.text("at"), actor: try row.text("actor"),
                         personId: try row.optionalText("person_id"), kind: LeadHistoryEntry.Kind(rawValue: try row.text("kind")) ?? .update,
                         from: try row.optionalText("from_value"), to: try row.optionalText("to_value"), reason: try row.optionalText("reason"))
    }
}
