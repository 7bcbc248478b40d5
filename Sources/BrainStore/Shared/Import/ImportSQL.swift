import Foundation

/// The SQL of imports, run as written by both backends (`?` placeholders; `ON CONFLICT` and `RETURNING` are in
/// SQLite ≥ 3.35 and PostgreSQL).
enum ImportSQL {
    static let previousImport = "SELECT id FROM imports WHERE kind = ? AND fingerprint = ? ORDER BY id LIMIT 1"
    static let insertImport = """
        INSERT INTO imports (kind, file, fingerprint, as_of, imported_at, organisation_id, layer) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id AS n
        """
    static let finishImport = """
        UPDATE imports SET created = ?, updated = ?, unchanged = ?, history = ?, review = ?, branches_linked = ? WHERE id = ?
        """
    static let imports = "SELECT * FROM imports ORDER BY id"
    static let importById = "SELECT * FROM imports WHERE id = ?"

    /// Firms a batch may touch, by code, id or normalised name; `rank` is the backend's search rank expression. A
    /// union, so each part uses its index (an `OR` of the three made SQLite scan the table for every batch).
    /// What the planner learns of a stored firm. `owner`: the organisation whose import created it (NULL: bundled, or
    /// a public import's), found by the import's key (the source `import:<id>`), so each firm costs one index look-up.
    static func firmColumns(rank: String) -> String {
        """
        id, name, full_name, normalized_name, uscc, province_code, city_code, district_code, source, layer, \(rank) AS rank,
          (SELECT i.organisation_id FROM imports i WHERE i.id = CASE WHEN enterprises.source LIKE 'import:%'
             THEN CAST(SUBSTR(enterprises.source, 8) AS BIGINT) END) AS owner
        """
    }

    /// `visibleFirm`: the import's `ImportVisibility.visibleFirm`, whose arguments follow each part's own.
    static func existing(rank: String, uscc: Int, ids: Int, names: Int, visibleFirm: String) -> String {
        let columns = firmColumns(rank: rank)
        return """
        SELECT \(columns) FROM enterprises WHERE uscc IN (\(StoreSQL.marks(uscc))) AND \(visibleFirm)
        UNION SELECT \(columns) FROM enterprises WHERE id IN (\(StoreSQL.marks(ids))) AND \(visibleFirm)
        UNION SELECT \(columns) FROM enterprises
          WHERE normalized_name IN (\(StoreSQL.marks(names))) AND \(visibleFirm)
        """
    }

    /// Fact rows of the firms with the given ids, less those of hidden imports; the ids, then the hidden import ids
    /// (`ImportVisibility.importIds`).
    static func records(ofFirms ids: Int, hiddenImports: Int) -> String {
        """
        SELECT enterprise_id, import_id, row, as_of, facts FROM enterprise_records
        WHERE enterprise_id IN (\(StoreSQL.marks(ids))) AND import_id NOT IN (\(StoreSQL.marks(hiddenImports)))
        """
    }

    /// Chain nodes of the firms with the given ids, with how each was placed, less those a hidden import placed; the
    /// ids, then the hidden sources (`visibleSource`, `ImportVisibility.sources`).
    static func assignments(ofFirms ids: Int, visibleSource: String) -> String {
        "SELECT enterprise_id, node_id, method FROM chain_assignments WHERE enterprise_id IN (\(StoreSQL.marks(ids))) AND \(visibleSource)"
    }

    /// A look-up's list: `values` and `''` (never an empty `IN ()`), each once, in the order of their UTF-8 bytes,
    /// padded (`padded`). Bytes, as SQLite compares texts: two spellings Swift's `String` holds equal (é and
    /// e + U+0301) are two values to SQLite, and both are looked up; sorting by bytes is also what keeps a batch's
    /// look-up cheap (`String`'s own order normalises every non-ASCII comparison).
    static func lookUpList<S: Sequence<String>>(_ values: S) -> [String] {
        var sorted = Array(values) + [""]
        sorted.sort { bytesOrder($0, $1) < 0 }
        var distinct: [String] = []
        distinct.reserveCapacity(sorted.count)
        for value in sorted where !(distinct.last.map { bytesOrder($0, value) == 0 } ?? false) { distinct.append(value) }
        return padded(distinct)
    }

    /// The order of two texts' UTF-8 bytes (memcmp's sign, the shorter first on a tie), as SQLite's BINARY collation.
    static func bytesOrder(_ a: String, _ b: String) -> Int {
        let order = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Int in
                let common = min(x.count, y.count)
                let bytes = common == 0 ? 0 : Int(memcmp(x.baseAddress!, y.baseAddress!, common))
                return bytes != 0 ? bytes : x.count - y.count
            }
        }
        if let order = order ?? nil { return order }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : a.utf8.elementsEqual(b.utf8) ? 0 : 1
    }

    /// `values` with `''` added up to a power of two: a batch's look-ups then come in a few statement texts, each
    /// compiled once per import (`''` is no code, id, name or key, so it finds nothing).
    static func padded(_ values: [String]) -> [String] {
        let length = values.count <= 1 ? 1 : 1 << (Int.bitWidth - (values.count - 1).leadingZeroBitCount)
        return values + Array(repeating: "", count: length - values.count)
    }

    static let insertRecord = """
        INSERT INTO enterprise_records (enterprise_id, import_id, row, as_of, facts) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
        """
    /// A firm the import creates has no stored rows to conflict with, so its rows go in without the conflict clause:
    /// PostgreSQL then copies them straight into their table instead of through a staging table and a speculative
    /// insert that probes each unique index first (docs/import.md "PostgreSQL writes"). A duplicate would fail the
    /// import, never be dropped silently.
    static let insertNewRecord = withoutConflictClause(insertRecord)
    static let enterpriseColumns = ["id", "name", "full_name", "normalized_name", "uscc", "province_code", "city_code", "district_code",
                                    "employees", "registered_capital_wan", "setup_date", "website", "is_biomedicine", "source", "as_of", "layer"]

    static func insertEnterprise(rankColumn: String) -> String {
        let columns = enterpriseColumns + [rankColumn]
        return "INSERT INTO enterprises (\(columns.joined(separator: ", "))) VALUES (\(StoreSQL.marks(columns.count)))"
    }

    /// Values only fill or replace, never blank: a file without a column keeps what the store knows. Names and the
    /// enterprise's own provenance change only for firms the imports created (a listed firm keeps its short name).
    static let updateEnterprise = """
        UPDATE enterprises SET
          name = CASE WHEN source LIKE 'import:%' THEN ? ELSE name END, full_name = ?,
          normalized_name = ?, uscc = COALESCE(?, uscc), province_code = COALESCE(?, province_code),
          city_code = COALESCE(?, city_code), district_code = COALESCE(?, district_code), employees = COALESCE(?, employees),
          registered_capital_wan = COALESCE(?, registered_capital_wan), setup_date = COALESCE(?, setup_date),
          website = COALESCE(?, website), is_biomedicine = (is_biomedicine OR ?),
          source = CASE WHEN source LIKE 'import:%' THEN ? ELSE source END,
          as_of = CASE WHEN source LIKE 'import:%' THEN ? ELSE as_of END
        WHERE id = ?
        """
    static let deleteEnterprise = "DELETE FROM enterprises WHERE id = ?"
    /// The nodes previous imports placed on a firm, but those of imports hidden from this one (they are not its to
    /// replace, and it never saw them); the firm's id, then `ImportVisibility.sources`.
    static func deleteImportAssignments(visibleSource: String) -> String {
        "DELETE FROM chain_assignments WHERE enterprise_id = ? AND method LIKE 'import-%' AND \(visibleSource)"
    }
    static let insertAssignment = """
        INSERT INTO chain_assignments (enterprise_id, node_id, method, confidence, evidence, source, as_of)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (enterprise_id, node_id) DO NOTHING
        """
    /// A new firm's nodes, one row per node (`insertNewRecord`).
    static let insertNewAssignment = withoutConflictClause(insertAssignment)

    /// `sql` up to its `ON CONFLICT`.
    static func withoutConflictClause(_ sql: String) -> String {
        guard let clause = sql.range(of: " ON CONFLICT") else { return sql }
        return String(sql[..<clause.lowerBound])
    }
    static let insertLink = """
        INSERT INTO enterprise_links (enterprise_id, parent_id, kind, import_id) VALUES (?, ?, 'branch', ?) ON CONFLICT DO NOTHING
        """
    static let insertReview = """
        INSERT INTO review_items (import_id, row, kind, name, enterprise_id, candidate_id, reason, reasons, record, status)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')
        """
    static let reviewItems = """
        SELECT r.*, i.file, c.name AS candidate_name FROM review_items r JOIN imports i ON i.id = r.import_id
        LEFT JOIN enterprises c ON c.id = r.candidate_id
        """
    static let decideReview = "UPDATE review_items SET status = ?, decided_at = ?, enterprise_id = COALESCE(?, enterprise_id) WHERE id = ?"
    static let factsOfEnterprise = """
        SELECT r.import_id, r.row, r.as_of, r.facts, i.file FROM enterprise_records r JOIN imports i ON i.id = r.import_id
        WHERE r.enterprise_id = ? ORDER BY r.as_of DESC, r.import_id DESC, r.row DESC
        """
}
