/// Statements run on one connection: a read (each statement on its own; no isolation between them beyond the
/// engine's) or a transaction. Rows are mapped as they stream in, so a national-size table is never held twice.
protocol SQLSession: Sendable {
    func rows<T: Sendable>(_ sql: String, _ arguments: [SQLValue],
                           _ transform: @escaping @Sendable (any ColumnReader) throws -> T) async throws -> [T]
}

extension SQLSession {
    func first<T: Sendable>(_ sql: String, _ arguments: [SQLValue] = [],
                            _ transform: @escaping @Sendable (any ColumnReader) throws -> T) async throws -> T? {
        try await rows(sql, arguments, transform).first
    }

    /// A statement's `n` column (`COUNT(*) AS n`), 0 when it returns no row.
    func count(_ sql: String, _ arguments: [SQLValue] = []) async throws -> Int {
        try await first(sql, arguments) { try $0.int("n") } ?? 0
    }

    func texts(_ sql: String, _ arguments: [SQLValue] = [], column: String) async throws -> [String] {
        try await rows(sql, arguments) { try $0.text(column) }
    }
}

/// A session inside a write transaction.
protocol SQLWriteSession: SQLSession {
    func execute(_ sql: String, _ arguments: [SQLValue]) async throws
}

/// One statement of a multi-statement read: its rows are folded into `State` as they stream in. A step's statement
/// may depend on what the steps before it folded in (a page's ids, then their chain nodes); nil skips the step.
struct ReadStep<State>: Sendable {
    let statement: @Sendable (State) throws -> (sql: String, arguments: [SQLValue])?
    let apply: @Sendable (inout State, any ColumnReader) throws -> Void

    init(_ sql: String, _ arguments: [SQLValue] = [], _ apply: @escaping @Sendable (inout State, any ColumnReader) throws -> Void) {
        (self.statement, self.apply) = ({ _ in (sql, arguments) }, apply)
    }

    init(after statement: @escaping @Sendable (State) throws -> (sql: String, arguments: [SQLValue])?,
         _ apply: @escaping @Sendable (inout State, any ColumnReader) throws -> Void) {
        (self.statement, self.apply) = (statement, apply)
    }

    /// This step over a part of a larger state, so step lists (a page's summaries) compose.
    func lifted<Whole>(_ part: WritableKeyPath<Whole, State> & Sendable) -> ReadStep<Whole> {
        let (statement, apply) = (self.statement, self.apply)
        return ReadStep<Whole>(after: { whole in try statement(whole[keyPath: part]) }) { whole, row in
            try apply(&whole[keyPath: part], row)
        }
    }
}

/// What an engine must provide for the one SQL store (`SQLStore`): sessions to run the shared `?`-placeholder SQL
/// on, a consistent read of many statements, and the engine's few own answers. SQLite through GRDB (any
/// `DatabaseWriter`) and PostgreSQL through PostgresNIO implement it.
protocol SQLDriver: Sendable {
    var dialect: SQLDialect { get }
    /// A session for `body`'s statements; on PostgreSQL one pooled connection, whose wait is bounded.
    func read<T: Sendable>(_ body: (any SQLSession) async throws -> T) async throws -> T
    /// The steps in order inside one snapshot of the database (SQLite: one read transaction; PostgreSQL: one
    /// repeatable-read, read-only transaction), so a concurrent import is seen entirely or not at all.
    func readTogether<State: Sendable>(_ initial: State, _ steps: [ReadStep<State>]) async throws -> State
    /// The steps in order in one read: one GRDB read block (one connection, one statement after another without
    /// hopping threads), one pooled PostgreSQL connection without a transaction. The way to run a query's several
    /// dependent statements: on SQLite each `read` session statement is its own GRDB read (a thread hop, a pooled
    /// reader and its transaction each time), which made a search of ~6 statements markedly slower.
    func readSteps<State: Sendable>(_ initial: State, _ steps: [ReadStep<State>]) async throws -> State
    /// `body`'s statements in one write transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: (any SQLWriteSession) async throws -> T) async throws -> T
    /// An import's (or a review decision's) one write transaction, on a session that runs the planners' writes the
    /// engine's fastest way (`ImportSession`). `wholeFile`: a file's import, rather than one review decision.
    func importTransaction<T: Sendable>(wholeFile: Bool, _ body: (any ImportSession) async throws -> T) async throws -> T
    /// The engine's own cheap consistency check (SQLite `quick_check`); nil when fine or when there is none.
    func integrityProblem() async throws -> String?
}

/// Where the engines' SQL truly differs.
enum SQLDialect: Sendable {
    /// FTS5 trigram index plus the bigram table; rowid is search order.
    case sqlite
    /// pg_trgm plus bigram/trigram tables; `search_rank` is search order.
    case postgres
}
