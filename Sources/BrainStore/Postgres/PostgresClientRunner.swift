import PostgresNIO

/// A PostgreSQL client whose connection pool runs in a background task for as long as this value lives.
final class RunningPostgresClient: Sendable {
    let client: PostgresClient
    private let runner: Task<Void, Never>

    init(_ configuration: PostgresClient.Configuration) {
        let client = PostgresClient(configuration: configuration, backgroundLogger: PostgresSQL.logger)
        self.client = client
        runner = Task { await client.run() }
    }

    deinit { runner.cancel() }
}

extension PostgresClient {
    /// `withTransaction`, rethrowing the body's own error rather than PostgresNIO's wrapper around it.
    func transaction<Result>(_ body: (PostgresConnection) async throws -> sending Result) async throws -> sending Result {
        do {
            return try await withTransaction(logger: PostgresSQL.logger, body)
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error.beginError ?? error.commitError ?? error
        }
    }
}
