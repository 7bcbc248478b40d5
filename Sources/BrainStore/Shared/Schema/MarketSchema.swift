/// The market tables (organisations and their demands, offers and talents), the same on both backends but for the
/// text and identity column types. A record's fields are JSON in `body`: they are read whole, never queried by field.
enum MarketSchema {
    static func statements(text: String, identity: String) -> [String] {
        [
            """
            CREATE TABLE organisations (id \(text) PRIMARY KEY, name \(text) NOT NULL, token_sha256 \(text) NOT NULL UNIQUE,
              created_at \(text) NOT NULL)
            """,
            """
            CREATE TABLE market_records (id \(identity), kind \(text) NOT NULL,
              organisation_id \(text) NOT NULL REFERENCES organisations ON DELETE CASCADE, shared BOOLEAN NOT NULL,
              body TEXT NOT NULL, origin \(text) NOT NULL, import_id INTEGER REFERENCES imports, created_at \(text) NOT NULL)
            """,
            "CREATE INDEX market_records_on_kind ON market_records (kind, shared, organisation_id)",
            "CREATE INDEX market_records_on_organisation ON market_records (organisation_id, kind)",
        ]
    }
}
