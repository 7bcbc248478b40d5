import BrainModel

/// The people table, organisations' kind and scope, and the person a session names; the same on both engines but
/// for column types. Existing organisations are carried over as national bureaus; their tokens and sessions keep
/// working (a session without a person is the organisation's token sign-in).
enum AccountSQL {
    /// `time` holds Unix seconds (INTEGER in SQLite, BIGINT in PostgreSQL).
    static func schema(text: String, time: String) -> [String] {
        [
            """
            CREATE TABLE people (id \(text) PRIMARY KEY,
              organisation_id \(text) NOT NULL REFERENCES organisations ON DELETE CASCADE,
              display_name \(text) NOT NULL, role \(text) NOT NULL,
              password_hash \(text) NOT NULL, password_salt \(text) NOT NULL, password_iterations INTEGER NOT NULL,
              failed_attempts INTEGER NOT NULL DEFAULT 0, locked_until \(time), disabled BOOLEAN NOT NULL DEFAULT FALSE,
              created_at \(text) NOT NULL)
            """,
            "CREATE INDEX people_on_organisation ON people (organisation_id, id)",
            "ALTER TABLE organisations ADD COLUMN kind \(text) NOT NULL DEFAULT 'bureau'",
            "ALTER TABLE organisations ADD COLUMN region_code \(text)",
            "ALTER TABLE sessions ADD COLUMN person_id \(text) REFERENCES people ON DELETE CASCADE",
            "CREATE INDEX sessions_on_person ON sessions (person_id)",
        ]
    }

    static let insertOrganisation = """
        INSERT INTO organisations (id, name, token_sha256, created_at, kind, region_code) VALUES (?, ?, ?, ?, ?, ?)
        """
    private static let personColumns = "id, organisation_id, display_name, role, disabled, created_at"
    static let insertPerson = """
        INSERT INTO people (id, organisation_id, display_name, role, password_hash, password_salt, password_iterations,
          failed_attempts, locked_until, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL, FALSE, ?)
        """
    static let person = "SELECT \(personColumns) FROM people WHERE id = ?"
    static let peopleOfOrganisation = "SELECT \(personColumns) FROM people WHERE organisation_id = ? ORDER BY id"
    static let everyone = "SELECT \(personColumns) FROM people ORDER BY organisation_id, id"
    static let credentials = """
        SELECT \(personColumns), password_hash, password_salt, password_iterations, failed_attempts, locked_until
        FROM people WHERE id = ?
        """
    static let setRole = "UPDATE people SET role = ? WHERE id = ?"
    static let setDisabled = "UPDATE people SET disabled = ? WHERE id = ?"
    static let setPassword = """
        UPDATE people SET password_hash = ?, password_salt = ?, password_iterations = ?, failed_attempts = 0, locked_until = NULL
        WHERE id = ?
        """
    /// Takes one attempt before the password is hashed, atomically, so parallel guesses cannot all pass a lock check
    /// read earlier: no row back means the person is locked, or `maxFailures` attempts are already counted.
    static let claimAttempt = """
        UPDATE people SET failed_attempts = failed_attempts + 1
        WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?) AND failed_attempts < ? RETURNING failed_attempts AS n
        """
    /// The attempt that reached the limit locks the person; the count starts again when the lock ends.
    static let lock = "UPDATE people SET failed_attempts = 0, locked_until = ? WHERE id = ? AND failed_attempts >= ?"
    static let clearFailures = "UPDATE people SET failed_attempts = 0, locked_until = NULL WHERE id = ?"
    static let insertPersonSession = """
        INSERT INTO sessions (id_sha256, organisation_id, person_id, created_at, seen_at) VALUES (?, ?, ?, ?, ?)
        """
    static let sweepPersonSessions = "DELETE FROM sessions WHERE person_id = ? AND (seen_at <= ? OR created_at <= ?)"
    static let deletePersonSessions = "DELETE FROM sessions WHERE person_id = ?"

    static func person(_ row: some ColumnReader) throws -> Person {
        let role = try row.text("role")
        guard let known = Role(rawValue: role) else { throw MarketStoreError.corrupt("person of unknown role \"\(role)\"") }
        return Person(id: try row.text("id"), organisationId: try row.text("organisation_id"), displayName: try row.text("display_name"),
                      role: known, disabled: try row.bool("disabled"), createdAt: try row.text("created_at"))
    }

    /// A person's stored password and failure count, for verifying.
    struct Credentials: Sendable {
        var person: Person
        var hash: PasswordHash
        var failedAttempts: Int
        var lockedUntil: Int?

        init(_ row: some ColumnReader) throws {
            person = try AccountSQL.person(row)
            hash = PasswordHash(digest: try row.text("password_hash"), salt: try row.text("password_salt"),
                                iterations: try row.int("password_iterations"))
            failedAttempts = try row.int("failed_attempts")
            lockedUntil = try row.optionalInt("locked_until")
        }
    }

    static func checkRegion(_ code: String?) throws {
        guard let code else { return }
        guard code.count == 6, code.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw AccountStoreError.invalidRegion(code) }
    }
}

extension AccountSQL {
    static let sessionHolder = """
        SELECT o.id, o.name, o.created_at, o.kind, o.region_code, s.created_at AS session_created, s.seen_at,
          p.id AS person_login, p.organisation_id AS person_organisation, p.display_name, p.role, p.disabled,
          p.created_at AS person_created
        FROM sessions s JOIN organisations o ON o.id = s.organisation_id LEFT JOIN people p ON p.id = s.person_id
        WHERE s.id_sha256 = ?
        """

    /// The session's person, if it names one (the columns `sessionHolder` renames).
    static func sessionPerson(_ row: some ColumnReader) throws -> Person? {
        guard let login = try row.optionalText("person_login") else { return nil }
        let role = try row.text("role")
        guard let known = Role(rawValue: role) else { throw MarketStoreError.corrupt("person of unknown role \"\(role)\"") }
        return Person(id: login, organisationId: try row.text("person_organisation"), displayName: try row.text("display_name"),
                      role: known, disabled: try row.bool("disabled"), createdAt: try row.text("person_created"))
    }
}
