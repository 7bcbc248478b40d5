import BrainModel

/// The names table's queries, run as written by both backends.
enum NameSQL {
    static let columns = "enterprise_id, key, name, kind, source, as_of"

    /// Names whose key is one of `count` keys (given twice: `arguments(_:)`), one query for a whole batch of names:
    /// the names table (only firms the store holds: a test or a partial build may leave names of others), and the
    /// current name of every firm the imports created, read from `enterprises.normalized_name` (indexed) rather
    /// than copied per imported row, which would cost every import's write path a second indexed insert.
    static func byKeys(_ count: Int) -> String {
        """
        SELECT \(columns) FROM enterprise_names n WHERE key IN (\(StoreSQL.marks(count)))
          AND EXISTS (SELECT 1 FROM enterprises e WHERE e.id = n.enterprise_id)
        UNION ALL SELECT id AS enterprise_id, normalized_name AS key, COALESCE(full_name, name) AS name, 'imported' AS kind, source, as_of
          FROM enterprises WHERE normalized_name IN (\(StoreSQL.marks(count))) AND source LIKE 'import:%'
        ORDER BY enterprise_id, kind, key
        """
    }

    static func arguments(_ keys: [String]) -> [String] { keys + keys }

    /// Alias names (English, former, derived) whose key contains a folded fragment; arguments: the LIKE pattern, limit.
    static let aliasesContaining = """
        SELECT \(columns) FROM enterprise_names WHERE kind IN (\(NameSchema.aliasKinds.map { "'\($0)'" }.joined(separator: ", ")))
          AND key LIKE ? ESCAPE '\\' ORDER BY enterprise_id, kind, key LIMIT ?
        """

    /// nil for a kind this version does not know (written by a newer one): such a name is no evidence here.
    static func name(_ row: any ColumnReader) throws -> EnterpriseName? {
        guard let parsed = EnterpriseName.Kind(rawValue: try row.text("kind")) else { return nil }
        return EnterpriseName(enterpriseId: try row.text("enterprise_id"), name: try row.text("name"), kind: parsed, key: try row.text("key"),
                              source: try row.text("source"), asOf: try row.text("as_of"))
    }

    /// Keys in chunks a statement's parameter limit admits.
    static func chunks(_ keys: Set<String>) -> [[String]] {
        let sorted = keys.sorted()
        return stride(from: 0, to: sorted.count, by: 500).map { Array(sorted[$0..<min($0 + 500, sorted.count)]) }
    }

    /// The LIKE pattern for a typed fragment, folded as its stored keys are; nil when it is too short to mean a name
    /// (under two Chinese characters or four Latin letters).
    static func aliasPattern(_ text: String) -> String? {
        let (chinese, english) = NameKey.lookupKeys(text)
        if let key = chinese.first, key.count >= 2 { return "%" + StoreSQL.escapeLike(key) + "%" }
        if let english, english.count >= NameKey.englishPrefix.count + 4 {
            return StoreSQL.escapeLike(NameKey.englishPrefix) + "%" + StoreSQL.escapeLike(String(english.dropFirst(NameKey.englishPrefix.count))) + "%"
        }
        return nil
    }
}
