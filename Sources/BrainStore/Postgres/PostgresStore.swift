import Foundation
import PostgresNIO
import BrainModel

/// The production store: PostgreSQL through PostgresNIO's connection pool, tables in the schema `brain`. Same
/// schema versions, SQL and answers as `SQLiteStore` (the conformance suite runs every store test on both).
public final class PostgresStore: SQLStore, @unchecked Sendable {
    let running: RunningPostgresClient
    public let location: PostgresLocation
    /// How long a request waits for a pooled connection before failing with `StoreUnavailableError`: 5 s, or
    /// `BRAIN_POSTGRES_ACQUIRE_SECONDS` (the test harness raises it: dozens of suites share one throwaway server on two
    /// cores, where a fair wait can pass 5 s without anything being down).
    static let acquireSeconds: Double = {
        let configured = ProcessInfo.processInfo.environment["BRAIN_POSTGRES_ACQUIRE_SECONDS"].flatMap(Double.init)
        return configured.map { $0 > 0 && $0.isFinite ? $0 : 5 } ?? 5
    }()

    /// Connects and applies pending migrations (an empty database gets an empty schema, like a new SQLite file). A
    /// standby (read replica) is opened read-only and not migrated.
    public init(_ location: PostgresLocation) async throws {
        self.location = location
        let standby = try await location.withConnection { connection in
            try await PostgresSQL.rows(connection, "SELECT pg_is_in_recovery() AS standby").first?.bool("standby") ?? false
        }
        if !standby { try await location.withTransaction { connection in try await PostgresSchema.migrate(connection) } }
        running = RunningPostgresClient(location.clientConfiguration())
        super.init(driver: PostgresDriver(running: running, location: location), isReadOnly: standby)
    }
}
