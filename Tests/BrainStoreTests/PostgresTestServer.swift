import Foundation
import PostgresNIO
import BrainStore

/// The throwaway PostgreSQL that `scripts/with-postgres` starts (scripts/test does). Without it, PostgreSQL tests fail
/// with this message rather than pass silently.
enum PostgresTestServer {
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "PostgreSQL conformance tests need BRAIN_TEST_POSTGRES_URL: run ./scripts/test, or `scripts/with-postgres swift test` "
                + "(it starts a throwaway PostgreSQL; Debian's `postgresql` package, installed by scripts/install-test-deps)"
        }
    }

    static func adminLocation() throws -> PostgresLocation {
        guard let url = ProcessInfo.processInfo.environment["BRAIN_TEST_POSTGRES_URL"], !url.isEmpty else { throw Missing() }
        return try PostgresLocation(url: url)
    }

    /// Creates a database of its own for a test on the throwaway server.
    static func newDatabase(_ name: String) async throws -> PostgresLocation {
        let admin = try adminLocation()
        let database = "brain_\(name)_\(UUID().uuidString.prefix(8).lowercased())"
        var configuration = PostgresClient.Configuration(host: admin.host, port: admin.port, username: admin.username,
                                                         password: nil, database: admin.database, tls: .disable)
        configuration.options.minimumConnections = 0
        let client = PostgresClient(configuration: configuration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(database)"))
            group.cancelAll()
        }
        return admin.withDatabase(database)
    }
}
