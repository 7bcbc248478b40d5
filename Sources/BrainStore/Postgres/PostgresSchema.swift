import PostgresNIO

/// PostgreSQL's runner of the one migration list (`SchemaMigrations`): the steps applied in order and recorded in
/// `schema_migrations`, steps with nothing for PostgreSQL left out.
enum PostgresSchema {
    static let name = "brain"

    /// Creates the schema if it is missing and applies the migrations it has not seen, in one transaction; with `last`,
    /// only those up to that step (tests resume a database made by an older list).
    static func migrate(_ connection: PostgresConnection, schema: String = name, through last: String? = nil) async throws {
        try await PostgresSQL.execute(connection, "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        try await PostgresSQL.execute(connection, "CREATE SCHEMA IF NOT EXISTS \(schema)")
        try await PostgresSQL.execute(connection, "SET LOCAL search_path TO \(schema), public")
        try await PostgresSQL.execute(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY)")
        let applied = Set(try await PostgresSQL.rows(connection, "SELECT id FROM schema_migrations").map { try $0.text("id") })
        for migration in SchemaMigrations.all {
            let statements = migration.statements(.postgres)
            if !statements.isEmpty && !applied.contains(migration.recordedID(.postgres)) {
                for statement in statements { try await PostgresSQL.execute(connection, statement) }
                try await connection.query(PostgresSQL.query("INSERT INTO schema_migrations (id) VALUES (?)",
                                                             [.text(migration.recordedID(.postgres))]), logger: PostgresSQL.logger)
            }
            if migration.id == last { break }
        }
    }
}
