/// The tables of migration v10-locations (SQLite records it as v9-locations), written once for both backends.
enum LocationSchema {
    static func statements(text: String) -> [String] {
        [
            // Rebuilt whole with the firms by build-db, so no foreign key (as name_bigrams).
            """
            CREATE TABLE enterprise_locations (enterprise_id \(text) PRIMARY KEY, level \(text) NOT NULL, basis \(text) NOT NULL,
              reason \(text), reason_value \(text), report_year INTEGER, registered_address \(text), office_address \(text),
              source \(text) NOT NULL, as_of \(text) NOT NULL)
            """,
            "ALTER TABLE parks ADD COLUMN address_markers \(text) NOT NULL DEFAULT ''",
        ]
    }
}
