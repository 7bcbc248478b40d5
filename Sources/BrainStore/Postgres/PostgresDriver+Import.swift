import PostgresNIO

extension PostgresDriver.Session: ImportSession {
    func readers(_ sql: String, _ arguments: [SQLValue]) async throws -> [any ColumnReader] {
        try await PostgresSQL.rows(connection, sql, arguments)
    }

    func run(_ writes: [ImportPlanner.Write]) async throws {
        for write in writes {
            if let bulk = PostgresBulkInsert(write) { try await bulk.run(connection) } else { try await execute(write.sql, write.arguments) }
        }
    }
}

extension PostgresDriver {
    /// An import's transaction on a direct connection of its own, not a pooled one: a file's import holds it for
    /// minutes while pages are served from the pool.
    func importTransaction<T: Sendable>(wholeFile: Bool, _ body: (any ImportSession) async throws -> T) async throws -> T {
        try await location.withTransaction { connection in try await body(Session(connection: connection)) }
    }
}
