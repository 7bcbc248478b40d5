/// The names table of migration v13-names (SQLite records it as v12-names): every name each firm is known by, with
/// its kind, source and date, found by its folded key (`NameKey`). Rebuilt whole with the firms by build-db, kept by
/// imports for the rows they link (and an imported firm's name before a rename), so no foreign key (as name_bigrams).
/// An imported firm's current name is not copied here: lookups read it from `enterprises.normalized_name`
/// (`NameSQL.byKeys`). Listed firms' names of a database built before this migration come with the next build-db.
enum NameSchema {
    static let columns = ["enterprise_id", "key", "name", "kind", "source", "as_of", "matched_kind", "matched_name"]
    /// Kinds searched by substring (`?q=Jiangsu Hengrui`, `?q=三九`): the names enterprises' own name columns do not
    /// hold, which the firm search already covers.
    static let aliasKinds = ["english", "former-full", "former-short", "former-english", "derived-former-full"]

    static func statements(text: String) -> [String] {
        [
            // matched_kind, matched_name: for an imported name linked to a firm it resolved to, the stored name it matched.
            """
            CREATE TABLE enterprise_names (enterprise_id \(text) NOT NULL, key \(text) NOT NULL, name \(text) NOT NULL,
              kind \(text) NOT NULL, source \(text) NOT NULL, as_of \(text) NOT NULL, matched_kind \(text), matched_name \(text))
            """,
            // Two indexes only, each row of an import writes them: exact lookup by key, and the search by part of
            // the alias kinds. Deleting a firm's names (a rejected location, rare) scans.
            "CREATE INDEX enterprise_names_on_key ON enterprise_names (key)",
            "CREATE INDEX enterprise_names_on_kind_key ON enterprise_names (kind, key)",
        ]
    }
}
