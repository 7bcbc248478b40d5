import Logging
import PostgresNIO

/// An argument of a store query.
enum SQLArgument: Sendable {
    case text(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null

    init(_ value: StoredValue) {
        switch value {
        case .text(let v): self = v.map { .text($0) } ?? .null
        case .int(let v): self = v.map { .int($0) } ?? .null
        case .double(let v): self = v.map { .double($0) } ?? .null
        case .bool(let v): self = .bool(v)
        }
    }
}

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

    static func query(_ sql: String, _ arguments: [SQLArgument]) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .text(let value): bindings.append(value)
            case .int(let value): bindings.append(value)
            case .double(let value): bindings.append(value)
            case .bool(let value): bindings.append(value)
            case .null: bindings.appendNull()
            }
        }
        return PostgresQuery(unsafeSQL: numbered(sql), binds: bindings)
    }

    static func rows(_ connection: PostgresConnection, _ sql: String, _ arguments: [SQLArgument] = []) async throws -> [PostgresRandomAccessRow] {
        try await map(connection, sql, arguments) { $0 }
    }

    /// Maps rows as they stream in, so a national-size table is never held twice (raw rows and values).
    static func map<T>(_ connection: PostgresConnection, _ sql: String, _ arguments: [SQLArgument] = [],
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
}

extension [String] {
    var textArguments: [SQLArgument] { map { .text($0) } }
}
