import PostgresNIO

/// The PostgreSQL driver: PostgresNIO's connection pool, tables in the schema `brain` (the connection's search path).
struct PostgresDriver: SQLDriver {
    let running: RunningPostgresClient
    /// The server itself, for an import's direct connection; named in `StoreUnavailableError`.
    let location: PostgresLocation
    var name: String { location.description }
    var dialect: SQLDialect { .postgres }

    struct Session: SQLWriteSession {
        let connection: PostgresConnection

        func rows<T: Sendable>(_ sql: String, _ arguments: [SQLValue],
                               _ transform: @escaping @Sendable (any ColumnReader) throws -> T) async throws -> [T] {
            try await PostgresSQL.map(connection, sql, arguments) { try transform($0) }
        }

        func execute(_ sql: String, _ arguments: [SQLValue]) async throws {
            try await connection.query(PostgresSQL.query(sql, arguments), logger: PostgresSQL.logger)
        }
    }

    func read<T: Sendable>(_ body: (any SQLSession) async throws -> T) async throws -> T {
        try await withConnection { connection in try await body(Session(connection: connection)) }
    }

    /// One snapshot for several statements, on a pooled connection with the same bounded wait as every read (the
    /// client's own `transaction` waited for the pool's retries when the server had gone).
    func readTogether<State: Sendable>(_ initial: State, _ steps: [ReadStep<State>]) async throws -> State {
        try await withConnection { connection in
            try await Self.inTransaction(connection, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
                try await Self.run(connection, initial, steps)
            }
        }
    }

    func readSteps<State: Sendable>(_ initial: State, _ steps: [ReadStep<State>]) async throws -> State {
        try await withConnection { connection in try await Self.run(connection, initial, steps) }
    }

    private static func run<State: Sendable>(_ connection: PostgresConnection, _ initial: State,
                                             _ steps: [ReadStep<State>]) async throws -> State {
        var state = initial
        for step in steps {
            guard let (sql, arguments) = try step.statement(state) else { continue }
            for try await row in try await connection.query(PostgresSQL.query(sql, arguments), logger: PostgresSQL.logger) {
                try step.apply(&state, row.makeRandomAccess())
            }
        }
        return state
    }

    func transaction<T: Sendable>(_ body: (any SQLWriteSession) async throws -> T) async throws -> T {
        // A pooled connection with a bounded wait, as reads use: sessions are touched and curations written while
        // pages are served.
        try await withConnection { connection in
            try await Self.inTransaction(connection, begin: "BEGIN") { try await body(Session(connection: connection)) }
        }
    }

    /// `body` between `begin` and COMMIT on `connection`; rolled back when it throws.
    private static func inTransaction<T>(_ connection: PostgresConnection, begin: String,
                                         _ body: () async throws -> T) async throws -> T {
        try await PostgresSQL.execute(connection, begin)
        do {
            let result = try await body()
            try await PostgresSQL.execute(connection, "COMMIT")
            return result
        } catch {
            try? await PostgresSQL.execute(connection, "ROLLBACK")
            throw error
        }
    }

    /// PostgreSQL checks its pages itself (checksums, amcheck as an extension): nothing cheap to add here.
    func integrityProblem() async throws -> String? { nil }

    /// A pooled connection for `body`; waiting for one is bounded (a server that is down otherwise holds every request
    /// for the pool's retries).
    func withConnection<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        let client = running.client
        return try await withoutActuallyEscaping(body) { body in
            // The task group below awaits its child before returning, so `body` never outlives this call.
            nonisolated(unsafe) let body = body
            do {
                return try await withAcquireDeadline(PostgresStore.acquireSeconds, store: name) { started in
                    try await client.withConnection { connection in
                        started()
                        return try await body(connection)
                    }
                }
            } catch let error as PSQLError where Self.connectionLost.contains(error.code) {
                // The server went away under a pooled connection (a restart, a cut network): the store is
                // unavailable, as when no connection can be had at all.
                throw StoreUnavailableError(store: name, seconds: PostgresStore.acquireSeconds, lost: "\(error.code)")
            }
        }
    }

    /// Errors that mean the connection, not the statement, failed.
    static let connectionLost: Set<PSQLError.Code> = [.serverClosedConnection, .clientClosedConnection, .uncleanShutdown,
                                                      .connectionError, .poolClosed]
}
