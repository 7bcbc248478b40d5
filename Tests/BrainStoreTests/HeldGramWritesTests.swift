import Testing
@testable import BrainStore

@Suite struct HeldGramWritesTests {
    typealias Write = ImportPlanner.Write

    /// The rows a firm's grams were written as before they were held as numbers: one insert per firm, its grams as
    /// strings, then merged and put in key order by `CoalescedWrites` — the reference the held rows must equal.
    private func reference(_ firms: [(name: String, rank: Int, id: String)]) -> [SQLValue] {
        let writes = firms.map { firm in
            Write(ImportPlanner.heldGramSQL, NameBigrams.changes(from: [], to: [firm.name], length: 2).added.flatMap {
                [SQLValue.text($0), .int(firm.rank), .text(firm.id)]
            })
        }
        var memo = CoalescedWrites.Memo(.powersOfTwo(upTo: .max))
        return CoalescedWrites.of(writes, memo: &memo).flatMap(\.arguments)
    }

    @Test func heldGramsComeOutAsTheMergedWritesInKeyOrder() {
        let names = ["江苏恒瑞医药股份有限公司", "恒瑞医药", "ABC生物 Pharma（苏州）", "abc生物", "药药药药", "Ｚ医", "医", "",
                     "上海复星医药（集团）股份有限公司", "复星"]
        let firms = names.enumerated().map { (name: $0.element, rank: 100 + 3 * $0.offset, id: "F\($0.offset)") }
        var held = HeldGramWrites()
        for firm in firms {
            let taken = held.hold(keys: NameBigrams.sortedKeys([firm.name], length: 2)!, rank: firm.rank, id: firm.id)
            #expect(taken)
        }
        #expect(held.holds(rank: 100) && held.holds(rank: 103) && !held.holds(rank: 101) && !held.holds(rank: 99))
        // A name without grams holds nothing, so its firm's grams need not go out before a rename.
        #expect(!held.holds(rank: 118) && !held.holds(rank: 121))
        let released = held.release(into: ImportPlanner.heldGramSQL)
        #expect(released.count == 1 && released[0].sql == ImportPlanner.heldGramSQL)
        #expect(released[0].arguments == reference(firms))
        let again = held.release(into: ImportPlanner.heldGramSQL)
        #expect(again.isEmpty && !held.holds(rank: 100))
    }

    @Test func ranksMustRiseAndKeysMustBeGramsOfTwo() {
        var held = HeldGramWrites()
        let keys = NameBigrams.sortedKeys(["恒瑞医药"], length: 2)!
        let first = held.hold(keys: keys, rank: 5, id: "a")
        let sameRank = held.hold(keys: keys, rank: 5, id: "b"), lowerRank = held.hold(keys: keys, rank: 4, id: "b")
        let trigrams = held.hold(keys: NameBigrams.sortedKeys(["恒瑞医药"], length: 3)!, rank: 6, id: "c")
        #expect(first && !sameRank && !lowerRank && !trigrams)
        let released = held.release(into: ImportPlanner.heldGramSQL)
        #expect(released[0].arguments.count == keys.count * 3)
    }

    @Test func heldGramsAreDueAtTheLimit() {
        var held = HeldGramWrites()
        var rank = 0
        while !held.isDue {
            let taken = held.hold(keys: NameBigrams.sortedKeys(["上海复星医药集团股份有限公司\(rank)"], length: 2)!, rank: rank, id: "F\(rank)")
            #expect(taken)
            rank += 1
        }
        let rows = held.release(into: ImportPlanner.heldGramSQL)[0].arguments.count / 3
        #expect(rows >= HeldGramWrites.limit && rows < HeldGramWrites.limit + 20)
        #expect(!held.isDue)
    }

    /// A due release goes out in parts, one per call, together the rows of one release in key order; a firm whose
    /// grams are not all out yet is still held, and `release` hands out the rest of the part and everything held since.
    @Test func aDueReleaseGoesOutInPartsInKeyOrder() {
        var held = HeldGramWrites()
        var firms: [(name: String, rank: Int, id: String)] = []
        while !held.isDue {
            let firm = (name: "上海复星医药集团股份有限公司\(firms.count)", rank: firms.count, id: "F\(firms.count)")
            _ = held.hold(keys: NameBigrams.sortedKeys([firm.name], length: 2)!, rank: firm.rank, id: firm.id)
            firms.append(firm)
        }
        var parts: [[SQLValue]] = []
        while let part = held.releaseDue(into: ImportPlanner.heldGramSQL).first {
            parts.append(part.arguments)
            if parts.count == 1 {
                // Held while its release is under way: a firm held now goes out with the next release, not this one.
                _ = held.hold(keys: NameBigrams.sortedKeys(["恒瑞医药"], length: 2)!, rank: firms.count, id: "late")
                #expect(held.holds(rank: firms.count) && held.holds(rank: 0))
            }
        }
        #expect(parts.count == HeldGramWrites.releaseParts)
        #expect(parts.flatMap { $0 } == reference(firms))
        #expect(!held.holds(rank: 0) && held.holds(rank: firms.count))
        let rest = held.release(into: ImportPlanner.heldGramSQL)
        #expect(rest.count == 1 && rest[0].arguments.count == NameBigrams.sortedKeys(["恒瑞医药"], length: 2)!.count * 3)
    }

    @Test func releaseHandsOutWhatAPartialReleaseLeft() {
        var held = HeldGramWrites()
        var firms: [(name: String, rank: Int, id: String)] = []
        while !held.isDue {
            let firm = (name: "江苏恒瑞医药股份有限公司\(firms.count)", rank: 2 * firms.count, id: "F\(firms.count)")
            _ = held.hold(keys: NameBigrams.sortedKeys([firm.name], length: 2)!, rank: firm.rank, id: firm.id)
            firms.append(firm)
        }
        let first = held.releaseDue(into: ImportPlanner.heldGramSQL)
        #expect(first.count == 1 && held.holds(rank: 0) && !held.holds(rank: 1))
        let rest = held.release(into: ImportPlanner.heldGramSQL)
        #expect((first + rest).flatMap(\.arguments) == reference(firms))
        #expect(held.releaseDue(into: ImportPlanner.heldGramSQL).isEmpty && !held.holds(rank: 0))
    }

    /// Presorted rows are cut into the memo's statements in their own order, never merged with the batch's or sorted.
    @Test func presortedRowsKeepTheirOrder() {
        var memo = CoalescedWrites.Memo(.powersOfTwo(upTo: .max))
        let rows: [SQLValue] = (0..<700).flatMap { [SQLValue.text(String(UnicodeScalar(0x4E00 + 700 - $0)!) + "药"), .int($0), .text("F\($0)")] }
        let cut = CoalescedWrites.presorted([Write(ImportPlanner.heldGramSQL, rows), Write("DELETE FROM t WHERE a = ?", [.int(1)])], memo: &memo)
        #expect(cut.map { $0.arguments.count / 3 } == [512, 128, 32, 16, 8, 4, 0])
        #expect(cut.dropLast().flatMap(\.arguments) == rows)
        #expect(cut.last?.sql == "DELETE FROM t WHERE a = ?")
        #expect(cut[0].sql.hasPrefix("INSERT INTO name_bigrams (gram, rank, enterprise_id) VALUES (?, ?, ?), (?, ?, ?)"))
    }
}
