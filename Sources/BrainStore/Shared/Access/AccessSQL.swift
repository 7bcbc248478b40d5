/// The tables and SQL of sessions and admin tokens, the same on both backends but for column types; and the
/// import's owner, so private imports are listed only to their organisation.
enum AccessSQL {
    /// `time` holds Unix seconds (INTEGER in SQLite, BIGINT in PostgreSQL).
    static func schema(text: String, time: String) -> [String] {
        [
            """
            CREATE TABLE sessions (id_sha256 \(text) PRIMARY KEY,
              organisation_id \(text) NOT NULL REFERENCES organisations ON DELETE CASCADE,
              created_at \(time) NOT NULL, seen_at \(time) NOT NULL)
            """,
            "CREATE INDEX sessions_on_organisation ON sessions (organisation_id)",
            "CREATE TABLE admin_tokens (token_sha256 \(text) PRIMARY KEY, created_at \(text) NOT NULL)",
            "ALTER TABLE imports ADD COLUMN organisation_id \(text)",
        ]
    }

    static let insertSession = "INSERT INTO sessions (id_sha256, organisation_id, created_at, seen_at) VALUES (?, ?, ?, ?)"
    /// An organisation's ended sessions go when it signs in again (a lookup removes an ended session it is shown).
    static let sweepSessions = "DELETE FROM sessions WHERE organisation_id = ? AND (seen_at <= ? OR created_at <= ?)"
    static let session = """
        SELECT o.id, o.name, o.created_at, o.kind, o.region_code, s.created_at AS session_created, s.seen_at
        FROM sessions s JOIN organisations o ON o.id = s.organisation_id WHERE s.id_sha256 = ?
        """
    static let touchSession = "UPDATE sessions SET seen_at = ? WHERE id_sha256 = ?"
    static let deleteSession = "DELETE FROM sessions WHERE id_sha256 = ?"
    /// A new organisation token ends the sessions signed in with the old one; its people's own sessions stay.
    static let deleteSessionsOfOrganisation = "DELETE FROM sessions WHERE organisation_id = ? AND person_id IS NULL"
    static let insertAdminToken = "INSERT INTO admin_tokens (token_sha256, created_at) VALUES (?, ?)"
    static let adminToken = "SELECT token_sha256 FROM admin_tokens WHERE token_sha256 = ?"

    /// Session ids and admin tokens are random like organisation tokens, and stored the same way.
    static func newSecret() -> String { MarketToken.generate() }
    static func digest(_ secret: String) -> String { MarketToken.digest(secret) }
}
