import Foundation
import GRDB
import PostgresNIO
import BrainStore

/// Statements run on a test database directly, not through the store: to break it on purpose (a trigger that refuses
/// audit entries) or to move its identities past 2^31.
enum RawSQL {
    static func execute(_ location: StoreLocation, _ statements: [String]) async throws {
        switch location {
        case .sqlite(let path):
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in for sql in statements { try db.execute(sql: sql) } }
        case .postgres(let pg):
            try await withClient(pg) { client in for sql in statements { try await client.query(PostgresQuery(unsafeSQL: sql)) } }
        }
    }

    /// The one integer `sql` selects, read past the store (e.g. how many rows a table holds).
    static func integer(_ location: StoreLocation, _ sql: String) async throws -> Int {
        switch location {
        case .sqlite(let path):
            return try await DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
        case .postgres(let pg):
            var value = 0
            try await withClient(pg) { client in
                for try await (n) in try await client.query(PostgresQuery(unsafeSQL: sql)).decode(Int.self) { value = n }
            }
            return value
        }
    }

    /// A client of the test database (the store's schema first on the search path), running for `body`.
    static func withClient(_ pg: PostgresLocation, _ body: (PostgresClient) async throws -> Void) async throws {
        var configuration = PostgresClient.Configuration(host: pg.host, port: pg.port, username: pg.username, password: nil,
                                                         database: pg.database, tls: .disable)
        configuration.options.additionalStartupParameters = [("search_path", "brain, public")]
        let client = PostgresClient(configuration: configuration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await body(client)
        }
    }

    /// From now on every audit entry is refused, as a full disk or a broken trail would refuse it.
    static func refuseAuditEntries(_ location: StoreLocation) async throws {
        switch location {
        case .sqlite:
            try await execute(location, ["CREATE TRIGGER audit_log_refuses_insert BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'no audit'); END"])
        case .postgres:
            try await execute(location, ["CREATE TRIGGER audit_log_refuses_insert BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse()"])
        }
    }
}
