import Testing
@testable import BrainStore

@Suite struct CoalescedWritesTests {
    typealias Write = ImportPlanner.Write

    @Test func insertsMergeByShapeAndOtherStatementsKeepTheirPlace() {
        let writes = [
            Write("INSERT INTO a (x, y) VALUES (?, ?)", [.int(1), .int(2)]),
            Write("INSERT INTO b (x) VALUES (?), (?) ON CONFLICT DO NOTHING", [.int(3), .int(4)]),
            Write("INSERT INTO a (x, y) VALUES (?, ?)", [.int(5), .int(6)]),
            Write("DELETE FROM b WHERE x = ?", [.int(3)]),
            Write("INSERT INTO b (x) VALUES (?) ON CONFLICT DO NOTHING", [.int(7)]),
            Write("INSERT INTO r (k, s) VALUES (?, 'pending')", [.int(8)]),
            Write("INSERT INTO c (k)\nVALUES (?) ON CONFLICT (k) DO NOTHING", [.int(9)]),
            Write("INSERT INTO c (k)\nVALUES (?) ON CONFLICT (k) DO NOTHING", [.int(10)]),
        ]
        let merged = CoalescedWrites.of(writes)
        #expect(merged.map(\.sql) == [
            "INSERT INTO a (x, y) VALUES (?, ?), (?, ?)",
            "INSERT INTO b (x) VALUES (?), (?) ON CONFLICT DO NOTHING",
            "DELETE FROM b WHERE x = ?",
            "INSERT INTO b (x) VALUES (?) ON CONFLICT DO NOTHING",
            "INSERT INTO r (k, s) VALUES (?, 'pending')",
            "INSERT INTO c (k)\nVALUES (?), (?) ON CONFLICT (k) DO NOTHING",
        ])
        #expect(merged[0].arguments.count == 4 && merged[1].arguments.count == 2)
    }

    @Test func returningAndUpdatesAreLeftAlone() {
        #expect(CoalescedWrites.shape(of: "INSERT INTO imports (kind) VALUES (?) RETURNING id") == nil)
        #expect(CoalescedWrites.shape(of: "UPDATE enterprises SET name = ? WHERE id = ?") == nil)
    }

    @Test func largeGroupsAreSplitUnderTheParameterLimit() {
        let writes = (0..<20_000).map { Write("INSERT INTO t (a, b) VALUES (?, ?)", [.int($0), .int($0)]) }
        let merged = CoalescedWrites.of(writes)
        #expect(merged.count == 2 && merged.allSatisfy { $0.arguments.count <= CoalescedWrites.maxArguments })
        #expect(merged.reduce(0) { $0 + $1.arguments.count } == 40_000)
    }

    /// SQLite's sizing: a batch's rows as power-of-two statements (each length compiled once per import), rows in order.
    @Test func powerOfTwoSizingKeepsRowsInOrderInFewLengths() {
        #expect(CoalescedWrites.rowCounts(1_000, arity: 17, sizing: .powersOfTwo(upTo: .max)) == [512, 256, 128, 64, 32, 8])
        #expect(CoalescedWrites.rowCounts(5_000, arity: 17, sizing: .powersOfTwo(upTo: .max)) == [1_024, 1_024, 1_024, 1_024, 512, 256, 128, 8])
        #expect(CoalescedWrites.rowCounts(130, arity: 3, sizing: .powersOfTwo(upTo: 64)) == [64, 64, 2])
        #expect(CoalescedWrites.rowCounts(0, arity: 3, sizing: .powersOfTwo(upTo: 64)).isEmpty)
        #expect(CoalescedWrites.rowCounts(40_001, arity: 1, sizing: .largest) == [30_000, 10_001])
        var memo = CoalescedWrites.Memo(.powersOfTwo(upTo: .max))
        var lengths: Set<String> = []
        for batch in 0..<3 {
            let writes = (0..<(700 + batch)).map { Write("INSERT INTO t (a, b) VALUES (?, ?)", [.int($0), .int(batch)]) }
                + [Write("DELETE FROM t WHERE a = ?", [.int(0)])]
            let merged = CoalescedWrites.of(writes, memo: &memo)
            #expect(merged.dropLast().flatMap(\.arguments) == writes.dropLast().flatMap(\.arguments))
            #expect(merged.last?.sql == "DELETE FROM t WHERE a = ?")
            for write in merged.dropLast() {
                let rows = write.arguments.count / 2
                #expect(rows.nonzeroBitCount == 1 && write.sql.components(separatedBy: "(?, ?)").count - 1 == rows)
                lengths.insert(write.sql)
            }
        }
        #expect(lengths.count == 8) // 512, 128, 32, 16, 8, 4 and 1 (701), 2 (702)
    }

    /// SQLite's name grams go in key order (gram, then rank) within each merged group; other tables, and PostgreSQL's
    /// grams, keep the planner's order; a DELETE still ends the group.
    @Test func sqliteGramRowsGoInKeyOrder() {
        let gram = { (g: String, rank: Int, id: String) in
            Write("INSERT INTO name_bigrams (gram, rank, enterprise_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [.text(g), .int(rank), .text(id)])
        }
        let writes = [gram("药业", 9, "b"), gram("医药", 9, "b"), gram("医药", 3, "a"), gram("AB", 3, "a"),
                      Write("INSERT INTO t (a) VALUES (?)", [.int(2)]), Write("INSERT INTO t (a) VALUES (?)", [.int(1)]),
                      Write("DELETE FROM t WHERE a = ?", [.int(0)]), gram("生物", 4, "c"), gram("医疗", 4, "c")]
        var memo = CoalescedWrites.Memo(.powersOfTwo(upTo: .max))
        let merged = CoalescedWrites.of(writes, memo: &memo)
        let grams = merged.filter { $0.sql.hasPrefix("INSERT INTO name_bigrams") }.map(\.arguments)
        #expect(grams == [
            [.text("AB"), .int(3), .text("a"), .text("医药"), .int(3), .text("a"), .text("医药"), .int(9), .text("b"), .text("药业"), .int(9), .text("b")],
            [.text("医疗"), .int(4), .text("c"), .text("生物"), .int(4), .text("c")],
        ])
        #expect(merged.first(where: { $0.sql.hasPrefix("INSERT INTO t") })?.arguments == [.int(2), .int(1)])
        #expect(CoalescedWrites.of(writes).first?.arguments.first == .text("药业"))
    }
}
