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
}
