import Logging
import PostgresNIO

/// Runs the stores' shared `?`-placeholder SQL on a PostgreSQL connection.
enum PostgresSQL {
    static let logger: Logger = {
        var logger = Logger(label: "brain.postgres")
        logger.logLevel = .error
        return logger
    }()

    /// `?` → `$1`, `$2`, …; the shared SQL has no `?` inside literals.
    static func numbered(_ sql: String) -> String {
        var result = "", index = 0
        result.reserveCapacity(sql.utf8.count + 8)
        for character in sql {
            if character == "?" { index += 1; result += "$\(index)" } else { result.append(character) }
        }
        return result
    }

    static func query(_ sql: String, _ arguments: [SQLValue]) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .text(let value?): bindings.append(value)
            case .int(let value?): bindings.append(value)
            case .double(let value?): bindings.append(value)
            case .bool(let value): bindings.append(value)
            case .text(nil), .int(nil), .double(nil): bindings.appendNull()
            }
        }
        return PostgresQuery(unsafeSQL: numbered(sql), binds: bindings)
    }

    static func rows(_ connection: PostgresConnection, _ sql: String, _ arguments: [SQLValue] = []) async throws -> [PostgresRandomAccessRow] {
        try await map(connection, sql, arguments) { $0 }
    }

    /// Maps rows as they stream in, so a national-size table is never held twice (raw rows and values).
    static func map<T>(_ connection: PostgresConnection, _ sql: String, _ arguments: [SQLValue] = [],
                       _ transform: (PostgresRandomAccessRow) throws -> T) async throws -> [T] {
        var values: [T] = []
        for try await row in try await connection.query(query(sql, arguments), logger: logger) {
            values.append(try transform(row.makeRandomAccess()))
        }
        return values
    }

    static func execute(_ connection: PostgresConnection, _ sql: String) async throws {
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }

    /// A statement's `n` column (`COUNT(*) AS n`, `RETURNING id AS n`), 0 when it returns no row.
    static func count(_ c: PostgresConnection, _ sql: String, _ arguments: [SQLValue] = []) async throws -> Int {
        try await rows(c, sql, arguments).first?.int("n") ?? 0
    }
}
