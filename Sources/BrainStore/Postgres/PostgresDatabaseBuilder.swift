import Foundation
import PostgresNIO
import BrainModel

/// Writes a loaded `DataBundle` into PostgreSQL: into a fresh schema first, then swapped for `brain` in the same
/// transaction, so a failed build leaves the existing data untouched and readers see old or new, never half.
public struct PostgresDatabaseBuilder: Sendable {
    public init() {}

    static let buildingSchema = "brain_building"
    static let retiredSchema = "brain_retired"

    /// Returns the seconds spent writing; `loadSeconds` is added to the recorded build time, as with SQLite.
    @discardableResult
    public func build(_ bundle: DataBundle, to location: PostgresLocation, loadSeconds: Double = 0,
                      progress: (String) -> Void = { _ in }) async throws -> Double {
        let start = Date()
        do {
            try await location.withTransaction { connection in
                try await PostgresSQL.execute(connection, "DROP SCHEMA IF EXISTS \(Self.buildingSchema) CASCADE")
                try await PostgresSchema.migrate(connection, schema: Self.buildingSchema)
                try await connection.query(PostgresSQL.query("INSERT INTO meta (key, value) VALUES ('taxonomy', ?)",
                                                             [.text(try TaxonomyCodec.encode(bundle.taxonomy))]),
                                           logger: PostgresSQL.logger)
                let copier = PostgresCopy(connection: connection)
                for table in BundleTables.tables(bundle, postgres: true) {
                    progress("writing \(table.name)")
                    try await copier.copy(table)
                }
                let seconds = loadSeconds + Date().timeIntervalSince(start)
                try await connection.query(PostgresSQL.query(
                    "INSERT INTO meta (key, value) VALUES ('built_at', ?), ('build_seconds', ?)",
                    [.text(ISO8601DateFormatter().string(from: Date())), .text(String(format: "%.2f", seconds))]),
                    logger: PostgresSQL.logger)
                progress("swapping the new schema in")
                try await PostgresSQL.execute(connection, "DROP SCHEMA IF EXISTS \(Self.retiredSchema) CASCADE")
                let existing = try await PostgresSQL.rows(connection, "SELECT 1 AS found FROM pg_namespace WHERE nspname = ?",
                                                          [.text(PostgresSchema.name)])
                if !existing.isEmpty {
                    try await PostgresSQL.execute(connection, "ALTER SCHEMA \(PostgresSchema.name) RENAME TO \(Self.retiredSchema)")
                }
                try await PostgresSQL.execute(connection, "ALTER SCHEMA \(Self.buildingSchema) RENAME TO \(PostgresSchema.name)")
                try await PostgresSQL.execute(connection, "DROP SCHEMA IF EXISTS \(Self.retiredSchema) CASCADE")
            }
            // Outside the transaction (VACUUM cannot run in one): planner statistics, the visibility map that lets
            // counts be index-only, and GIN's pending list flushed, which every trigram search would otherwise scan.
            progress("vacuum and analyse")
            try await location.withConnection { connection in
                for table in BundleTables.tableNames { try await PostgresSQL.execute(connection, "VACUUM (ANALYZE) \(table)") }
            }
        } catch let error as PSQLError {
            throw PostgresUnavailableError(location: location, underlying: error)
        }
        return Date().timeIntervalSince(start)
    }
}
