import Testing
import GRDB
@testable import BrainStore

/// The import's own statement cache binds values itself: the same rows as GRDB's binding, statements reused with
/// fresh values, and a wrong number of values an error (never a value left bound from the previous row).
@Suite struct ImportStatementsTests {
    @Test func boundValuesAreGRDBsAndStatementsAreReused() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a TEXT, b INTEGER, c REAL, d INTEGER); CREATE TABLE g (a TEXT, b INTEGER, c REAL, d INTEGER)")
            let rows: [[SQLValue]] = [[.text("甲\"'乙"), .int(1), .double(1.5), .bool(true)], [.text(nil), .int(nil), .double(nil), .bool(false)],
                                      [.text(""), .int(Int.min), .double(.nan), .bool(true)], [.text("x"), .int(Int.max), .double(-0.0), .bool(false)],
                                      // A NUL ends the text as GRDB's C string does; a long text is bound whole.
                                      [.text("甲\u{0}乙"), .int(0), .double(1e300), .bool(true)], [.text(String(repeating: "药", count: 20_000)), .int(-1), .double(0), .bool(false)]]
            let statements = ImportStatements()
            try statements.run(db, rows.map { ("INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?)", BindableValues($0)) })
            for row in rows { try db.execute(sql: "INSERT INTO g (a, b, c, d) VALUES (?, ?, ?, ?)", arguments: row.statementArguments) }
            let ours = try Row.fetchAll(db, sql: "SELECT a, typeof(a), b, typeof(b), c, typeof(c), d, typeof(d) FROM t ORDER BY rowid")
            let grdb = try Row.fetchAll(db, sql: "SELECT a, typeof(a), b, typeof(b), c, typeof(c), d, typeof(d) FROM g ORDER BY rowid")
            #expect(ours == grdb && ours.count == 6)
            #expect(throws: DatabaseError.self) { try statements.run(db, [("INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?)", BindableValues([.text("short")]))]) }
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") == 6)
        }
    }
}
