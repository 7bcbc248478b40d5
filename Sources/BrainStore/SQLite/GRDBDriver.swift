import GRDB

extension SQLValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .text(let value): value.databaseValue
        case .int(let value): value.databaseValue
        case .double(let value): value.databaseValue
        case .bool(let value): value.databaseValue
        }
    }
}

extension [SQLValue] {
    var statementArguments: StatementArguments { StatementArguments(map(\.databaseValue)) }
}

/// The SQLite driver: any GRDB `DatabaseWriter`, a file's `DatabasePool` or a test's in-memory `DatabaseQueue`.
struct GRDBDriver: SQLDriver {
    let writer: any DatabaseWriter
    var dialect: SQLDialect { .sqlite }

    /// Each statement is one GRDB read: a pool hands it any free reader, so reads never wait for writers.
    struct Session: SQLSession {
        let reader: any DatabaseReader

        func rows<T: Sendable>(_ sql: String, _ arguments: [SQLValue],
                               _ transform: @escaping @Sendable (any ColumnReader) throws -> T) async throws -> [T] {
            let arguments = arguments.statementArguments
            return try await reader.read { db in try GRDBDriver.map(db, sql, arguments, transform) }
        }
    }

    func read<T: Sendable>(_ body: (any SQLSession) async throws -> T) async throws -> T {
        try await body(Session(reader: writer))
    }

    /// A GRDB read is already one snapshot (a pool's reader runs it in one transaction), so both are the same.
    func readTogether<State: Sendable>(_ initial: State, _ steps: [ReadStep<State>]) async throws -> State {
        try await readSteps(initial, steps)
    }

    func readSteps<State: Sendable>(_ initial: State, _ steps: [ReadStep<State>]) async throws -> State {
        try await writer.read { db in
            var state = initial
            for step in steps {
                guard let (sql, arguments) = try step.statement(state) else { continue }
                let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments.statementArguments)
                while let row = try cursor.next() { try step.apply(&state, row) }
            }
            return state
        }
    }

    /// `PRAGMA quick_check`: nil when it says ok, else its first findings.
    func integrityProblem() async throws -> String? {
        let findings = try await writer.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(5)") }
        return findings == ["ok"] ? nil : findings.joined(separator: "; ")
    }

    static func map<T>(_ db: Database, _ sql: String, _ arguments: StatementArguments,
                       _ transform: (any ColumnReader) throws -> T) throws -> [T] {
        var values: [T] = []
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() { values.append(try transform(row)) }
        return values
    }
}
