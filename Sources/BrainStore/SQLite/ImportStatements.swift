import GRDB
import GRDBSQLite

extension GRDBDriver {
    /// An import's transaction on the writer: its statements go through the writer's thread as any transaction's
    /// (`GRDBStatementChannel`), the planners' writes through the import's own compiled statements.
    struct ImportTransactionSession: ImportSession {
        let base: TransactionSession
        let statements = ImportStatements()

        func rows<T: Sendable>(_ sql: String, _ arguments: [SQLValue],
                               _ transform: @escaping @Sendable (any ColumnReader) throws -> T) async throws -> [T] {
            try await base.rows(sql, arguments, transform)
        }

        func execute(_ sql: String, _ arguments: [SQLValue]) async throws { try await base.execute(sql, arguments) }

        /// Through the import's compiled statements too: the planners' look-ups come in a few padded lengths.
        func readers(_ sql: String, _ arguments: [SQLValue]) async throws -> [any ColumnReader] {
            let statements = self.statements
            let values = BindableValues(arguments)
            return try await base.channel.submit { db in FetchedRows(rows: try statements.rows(db, sql, values)) }.rows
        }

        /// The values are laid out for binding here, on the caller's thread, not on the writer's.
        func run(_ writes: [ImportPlanner.Write]) async throws {
            let statements = self.statements, bindable = writes.map { ($0.sql, BindableValues($0.arguments)) }
            try await base.channel.submit { db in try statements.run(db, bindable) }
        }

        /// `body` on this session, then its compiled statements finalised on the writer's thread, inside the
        /// transaction: the connection is never touched from two threads, as GRDB's connections must not be.
        func run<T>(_ body: (any ImportSession) async throws -> T) async throws -> T {
            let statements = self.statements
            let result: Result<T, any Error>
            do { result = .success(try await body(self)) } catch { result = .failure(error) }
            try? await base.channel.submit { _ in statements.removeAll() }
            return try result.get()
        }
    }

    /// Rows `Row.fetchAll` copied out of their statement, handed from the writer's thread to the import's task, which
    /// alone reads them from then on.
    fileprivate struct FetchedRows: @unchecked Sendable {
        let rows: [Row]
    }

    /// `wholeFile`: the writer gets a large page cache, in-memory statement journals and no foreign-key checks for
    /// the import, and its usual ones back afterwards (a server would otherwise keep ~256 MB for good), in the same
    /// access to the writer as the transaction, so no other write ever runs with the import's settings.
    func importTransaction<T: Sendable>(wholeFile: Bool, _ body: (any ImportSession) async throws -> T) async throws -> T {
        let session = { (channel: GRDBStatementChannel) in ImportTransactionSession(base: TransactionSession(channel: channel)) }
        guard wholeFile else { return try await transaction(session) { try await $0.run(body) } }
        return try await transaction(around: Self.aroundWholeFile, session) { try await $0.run(body) }
    }

    /// A national file touches every index of the table: a page cache that holds them saves re-reading them from disk
    /// for every batch (1,800 → … rows/s at 200,000 rows). Statement journals (each insert fires the full-text
    /// trigger, so SQLite keeps one to undo that statement alone) in memory, not a temporary file written page by
    /// page: 2.5 million pwrite calls for 30,000 rows; SQLite decides where they go when the transaction begins.
    /// Foreign keys off (they cannot change inside a transaction): every gram, fact, node and change row would look
    /// its firm up by id again (0.8 s of 11 at 100,000 rows), though the planner writes a firm before anything naming
    /// it and a file's import deletes no firm; `DeferredIndexesTests` hold `PRAGMA foreign_key_check` empty after.
    private static let aroundWholeFile: AroundTransaction = { db, transaction in
        let foreignKeys = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false
        try db.execute(sql: "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF")
        defer {
            try? db.execute(sql: "PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT; PRAGMA foreign_keys = \(foreignKeys ? "ON" : "OFF"); PRAGMA shrink_memory")
        }
        try transaction()
    }
}

/// An import's compiled statements, each made once per import and run again with new values bound one by one.
/// Its own cache rather than GRDB's connection cache: the longest merged inserts hold tens of thousands of
/// placeholders and would otherwise stay compiled in a server's writer connection for good.
// @unchecked: used only by the import's statements, which the writer's thread runs one at a time.
final class ImportStatements: @unchecked Sendable {
    private var statements: [String: Statement] = [:]

    func removeAll() { statements = [:] }

    func run(_ db: Database, _ writes: [(sql: String, values: BindableValues)]) throws {
        for write in writes {
            try Self.bound(write.values, to: try statement(db, write.sql)) { try $0.execute() }
        }
    }

    func rows(_ db: Database, _ sql: String, _ values: BindableValues) throws -> [Row] {
        try Self.bound(values, to: try statement(db, sql)) { try Row.fetchAll($0) }
    }

    private func statement(_ db: Database, _ sql: String) throws -> Statement {
        if let known = statements[sql] { return known }
        let statement = try db.makeStatement(sql: sql)
        // GRDB is told the arguments are bound (none to check): `bind` binds them itself, straight from the planner's
        // values, without building GRDB's `StatementArguments` and `DatabaseValue`s (a twentieth of the write thread).
        statement.setUncheckedArguments(StatementArguments())
        // The planners write a few dozen texts, merged in a dozen lengths each; anything beyond is compiled per use.
        if statements.count < 2_000 { statements[sql] = statement }
        return statement
    }

    /// Runs `body` with every placeholder bound, as GRDB would bind the same values (text as a C string, Bool as
    /// 0/1, NaN as NULL by SQLite itself); a count that does not match the statement's is an error, never an old value
    /// left bound. Texts are bound in place (`SQLITE_STATIC`, no copy per value) and unbound before their buffer goes.
    static func bound<T>(_ values: BindableValues, to statement: Statement, _ body: (Statement) throws -> T) throws -> T {
        let handle = statement.sqliteStatement
        var code = sqlite3_reset(handle)
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "reset", sql: statement.sql) }
        guard values.slots.count == Int(sqlite3_bind_parameter_count(handle)) else {
            throw DatabaseError(resultCode: .SQLITE_RANGE, message: "\(values.slots.count) values for \(sqlite3_bind_parameter_count(handle)) placeholders",
                                sql: statement.sql)
        }
        return try values.bytes.withUnsafeBytes { bytes in
            defer { sqlite3_clear_bindings(handle) }
            for (offset, slot) in values.slots.enumerated() {
                let index = CInt(offset + 1)
                switch slot {
                case .text(let start): code = sqlite3_bind_text(handle, index, bytes.baseAddress!.advanced(by: start).assumingMemoryBound(to: CChar.self), -1, nil)
                case .int(let number): code = sqlite3_bind_int64(handle, index, number)
                case .double(let number): code = sqlite3_bind_double(handle, index, number)
                case .null: code = sqlite3_bind_null(handle, index)
                }
                guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "bind \(index)", sql: statement.sql) }
            }
            return try body(statement)
        }
    }
}

/// A statement's values laid out for binding without a copy per text: every text's UTF-8 with a NUL after it, in one
/// buffer, made on the planner's side so the writer's thread only points SQLite at it (binding a copy of each text
/// was an eighth of the writer's time).
struct BindableValues: Sendable {
    enum Slot: Sendable { case text(Int), int(Int64), double(Double), null }
    private(set) var bytes: [UInt8] = []
    private(set) var slots: [Slot] = []

    init(_ values: [SQLValue]) {
        slots.reserveCapacity(values.count)
        bytes.reserveCapacity(values.count * 16)
        for value in values {
            switch value {
            case .text(let text?):
                slots.append(.text(bytes.count))
                // A native string's bytes are contiguous: one copy, not the UTF-8 view's element by element.
                if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil { bytes.append(contentsOf: text.utf8) }
                bytes.append(0)
            case .int(let number?): slots.append(.int(Int64(number)))
            case .double(let number?): slots.append(.double(number))
            case .bool(let flag): slots.append(.int(flag ? 1 : 0))
            case .text(nil), .int(nil), .double(nil): slots.append(.null)
            }
        }
    }
}
