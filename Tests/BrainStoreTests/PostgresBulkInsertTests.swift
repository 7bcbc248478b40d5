import Testing
@testable import BrainStore

/// Which of an import's merged inserts PostgreSQL receives as COPY, and how it reads them; that the rows land as the
/// VALUES statement would have written them is checked by every import test on PostgreSQL.
@Suite struct PostgresBulkInsertTests {
    typealias Write = ImportPlanner.Write

    static func merged(_ head: String, group: String, tail: String = "", rows: Int, arity: Int) -> Write {
        Write(head + " VALUES " + Array(repeating: group, count: rows).joined(separator: ", ") + tail,
              (0..<rows * arity).map { .int($0) })
    }

    @Test func aMergedInsertGoesAsCopyWithItsTableColumnsAndTail() throws {
        let write = Self.merged("INSERT INTO chain_assignments (enterprise_id, node_id, method)", group: "(?, ?, ?)",
                                tail: " ON CONFLICT (enterprise_id, node_id) DO NOTHING", rows: 20, arity: 3)
        let bulk = try #require(PostgresBulkInsert(write))
        #expect(bulk.table == "chain_assignments" && bulk.columns == ["enterprise_id", "node_id", "method"])
        #expect(bulk.tail == "ON CONFLICT (enterprise_id, node_id) DO NOTHING" && bulk.rows == 20 && bulk.arguments.count == 60)
        let plain = try #require(PostgresBulkInsert(Self.merged("INSERT INTO enterprises (id, name)", group: "(?,?)", rows: 16, arity: 2)))
        #expect(plain.tail.isEmpty && plain.rows == 16)
    }

    @Test func otherStatementsGoAsTheyAre() {
        // Too few rows to pay for the COPY's round trips.
        #expect(PostgresBulkInsert(Self.merged("INSERT INTO t (a)", group: "(?)", rows: 15, arity: 1)) == nil)
        // A literal in the row group (review items' status), an expression, a RETURNING, not an insert.
        #expect(PostgresBulkInsert(Self.merged("INSERT INTO t (a, b)", group: "(?, 'pending')", rows: 20, arity: 1)) == nil)
        #expect(PostgresBulkInsert(Self.merged("INSERT INTO t (a, b)", group: "(?, LOWER(?))", rows: 20, arity: 2)) == nil)
        #expect(PostgresBulkInsert(Self.merged("INSERT INTO t (a)", group: "(?)", tail: " RETURNING id", rows: 20, arity: 1)) == nil)
        #expect(PostgresBulkInsert(Write("DELETE FROM t WHERE a IN (?, ?)", [.int(1), .int(2)])) == nil)
        // Values that fill no whole row stay with the statement, whose binding reports them.
        #expect(PostgresBulkInsert(Write("INSERT INTO t (a, b) VALUES " + Array(repeating: "(?, ?)", count: 20).joined(separator: ", "),
                                         (0..<41).map { .int($0) })) == nil)
    }
}
