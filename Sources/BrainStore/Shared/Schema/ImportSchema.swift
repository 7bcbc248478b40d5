/// The import tables, the same on both backends but for the text and identity column types.
enum ImportSchema {
    static func statements(text: String, identity: String) -> [String] {
        [
            "CREATE INDEX enterprises_on_normalized_name ON enterprises (normalized_name)",
            """
            CREATE TABLE imports (id \(identity), kind \(text) NOT NULL, file \(text) NOT NULL, fingerprint \(text) NOT NULL,
              as_of \(text) NOT NULL, imported_at \(text) NOT NULL, created INTEGER NOT NULL DEFAULT 0,
              updated INTEGER NOT NULL DEFAULT 0, unchanged INTEGER NOT NULL DEFAULT 0, history INTEGER NOT NULL DEFAULT 0,
              review INTEGER NOT NULL DEFAULT 0, branches_linked INTEGER NOT NULL DEFAULT 0)
            """,
            "CREATE INDEX imports_on_fingerprint ON imports (kind, fingerprint)",
            // One row per imported file row: its facts as JSON. The newest (as_of, import, row) is current; the rest
            // are history.
            """
            CREATE TABLE enterprise_records (enterprise_id \(text) NOT NULL REFERENCES enterprises ON DELETE CASCADE,
              import_id INTEGER NOT NULL REFERENCES imports, row INTEGER NOT NULL, as_of \(text) NOT NULL, facts TEXT NOT NULL,
              PRIMARY KEY (enterprise_id, import_id, row))
            """,
            """
            CREATE TABLE review_items (id \(identity), import_id INTEGER NOT NULL REFERENCES imports, row INTEGER NOT NULL,
              kind \(text) NOT NULL, name \(text) NOT NULL, enterprise_id \(text), candidate_id \(text), reason TEXT NOT NULL,
              record TEXT NOT NULL, status \(text) NOT NULL, decided_at \(text))
            """,
            "CREATE INDEX review_items_on_status ON review_items (status, id)",
            """
            CREATE TABLE enterprise_links (enterprise_id \(text) NOT NULL REFERENCES enterprises ON DELETE CASCADE,
              parent_id \(text) NOT NULL REFERENCES enterprises ON DELETE CASCADE, kind \(text) NOT NULL, import_id INTEGER,
              PRIMARY KEY (enterprise_id, parent_id, kind))
            """,
        ]
    }
}
