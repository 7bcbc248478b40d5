import GRDB
import GRDBSQLite

/// An import's compiled statements, each made once per import and run again with new values bound one by one.
/// Its own cache rather than GRDB's connection cache: the longest merged inserts hold tens of thousands of
/// placeholders and would otherwise stay compiled in a server's writer connection for good.
struct ImportStatements {
    private var statements: [String: Statement] = [:]

    mutating func run(_ db: Database, _ writes: [ImportPlanner.Write]) throws {
        for write in writes {
            let statement = try self.statement(db, write.sql)
            try Self.bind(write.arguments, to: statement)
            try statement.execute()
        }
    }

    private mutating func statement(_ db: Database, _ sql: String) throws -> Statement {
        if let known = statements[sql] { return known }
        let statement = try db.makeStatement(sql: sql)
        // GRDB is told the arguments are bound (none to check): `bind` binds them itself, straight from the planner's
        // values, without building GRDB's `StatementArguments` and `DatabaseValue`s (a twentieth of the write thread).
        statement.setUncheckedArguments(StatementArguments())
        // The planners write a few dozen texts, merged in a dozen lengths each; anything beyond is compiled per use.
        if statements.count < 2_000 { statements[sql] = statement }
        return statement
    }

    /// Binds every placeholder, as GRDB would bind the same values (text as a C string, Bool as 0/1, NaN as NULL by
    /// SQLite itself); a count that does not match the statement's is an error, never an old value left bound.
    static func bind(_ values: [SQLValue], to statement: Statement) throws {
        let handle = statement.sqliteStatement
        var code = sqlite3_reset(handle)
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "reset", sql: statement.sql) }
        guard values.count == Int(sqlite3_bind_parameter_count(handle)) else {
            throw DatabaseError(resultCode: .SQLITE_RANGE, message: "\(values.count) values for \(sqlite3_bind_parameter_count(handle)) placeholders",
                                sql: statement.sql)
        }
        for (offset, value) in values.enumerated() {
            let index = CInt(offset + 1)
            switch value {
            case .text(let text?): code = text.bind(to: handle, at: index)
            case .int(let number?): code = sqlite3_bind_int64(handle, index, Int64(number))
            case .double(let number?): code = sqlite3_bind_double(handle, index, number)
            case .bool(let flag): code = sqlite3_bind_int64(handle, index, flag ? 1 : 0)
            case .text(nil), .int(nil), .double(nil): code = sqlite3_bind_null(handle, index)
            }
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "bind \(index)", sql: statement.sql) }
        }
    }
}
