/// The name grams of the firms an import creates, held back every ~25,000 firms and then handed out in key-range
/// parts over the next batches (and at the import's end all that is left), in the order of their table's key
/// (gram, rank): a few hundred thousand grams then land in each of the
/// index's pages once, where a batch's ~19,000 touched nearly every page of `name_bigrams` again (at 1,000,000 rows
/// the index outgrows the page cache, and every batch re-read it from disk). Nothing reads grams during an import.
/// SQLite only: PostgreSQL sends each batch's grams as COPY anyway.
///
/// Held as numbers, not statements: a gram's key (`NameBigrams.sortedKeys`, which sorts as the gram's string does)
/// and its firm's place in `firms`, packed in one word, so handing them out is one sort of integers. Held as
/// statements, merging and sorting 500,000 rows of values on the planner's thread kept the writer idle ≈ 0.3 s every
/// 25,000 firms.
struct HeldGramWrites {
    /// Gram rows held before they are handed out: ~25,000 firms, 8 bytes each.
    static let limit = 500_000
    /// A due release goes out in this many parts, one after each of the next batches, each a contiguous range of the
    /// key order (so every index page is still written once): all at once, the writer ran 500,000 rows (≈ 0.5 s)
    /// while the planner waited for its next look-ups, and the planner laid them out (≈ 0.3 s) while the writer
    /// waited for its next batch.
    static let releaseParts = 8
    /// Bits of a packed word for the firm's place; the gram's key (two 21-bit scalars) takes the 42 above them.
    private static let firmBits: UInt64 = 22

    /// Held grams in sorted words (`key << firmBits | index in firms`) and their firms, in the order held.
    private struct Held {
        var packed: [UInt64] = []
        /// The firms in the order they were held, which is their ranks' order (ranks are handed out ascending).
        var firms: [(rank: Int, id: String)] = []

        func holds(rank: Int) -> Bool {
            var (low, high) = (0, firms.count)
            while low < high {
                let middle = (low + high) / 2
                if firms[middle].rank < rank { low = middle + 1 } else { high = middle }
            }
            return low < firms.count && firms[low].rank == rank
        }

        /// Rows (gram, rank, firm id) of `packed[range]`, which must be sorted.
        func rows(_ range: Range<Int>) -> [SQLValue] {
            let mask: UInt64 = 1 << HeldGramWrites.firmBits - 1
            var values: [SQLValue] = []
            values.reserveCapacity(range.count * 3)
            for word in packed[range] {
                let firm = firms[Int(word & mask)]
                values.append(.text(NameBigrams.gram(word >> HeldGramWrites.firmBits, length: 2)))
                values.append(.int(firm.rank))
                values.append(.text(firm.id))
            }
            return values
        }
    }

    /// Grams being held.
    private var holding = Held()
    /// A due release, sorted, handed out in parts: rows before `next` are out.
    private var releasing = Held(), next = 0

    /// Whether enough grams are held to start a release.
    var isDue: Bool { holding.packed.count >= Self.limit }

    /// Whether the firm of `rank` has grams held or not yet all handed out: they must go out before any is deleted.
    func holds(rank: Int) -> Bool { holding.holds(rank: rank) || (next < releasing.packed.count && releasing.holds(rank: rank)) }

    /// Holds a new firm's grams, given as `NameBigrams.sortedKeys` of length 2; false (nothing held) when they cannot
    /// be: a rank below one held before, or a key wider than two scalars.
    mutating func hold(keys: [UInt64], rank: Int, id: String) -> Bool {
        guard holding.firms.last.map({ $0.rank < rank }) ?? true, holding.firms.count < 1 << Self.firmBits,
              keys.allSatisfy({ $0 >> (64 - Self.firmBits) == 0 }) else { return false }
        guard !keys.isEmpty else { return true }
        let firm = UInt64(holding.firms.count)
        holding.firms.append((rank, id))
        for key in keys { holding.packed.append(key << Self.firmBits | firm) }
        return true
    }

    /// The next part of a due release as one insert of rows (gram, rank, firm id) in key order, `sql` being its
    /// one-row form; a release starts once `isDue` and the one before is out. None when nothing is due.
    mutating func releaseDue(into sql: String) -> [ImportPlanner.Write] {
        if next >= releasing.packed.count, isDue {
            holding.packed.sort()
            (releasing, holding, next) = (holding, Held(), 0)
        }
        guard next < releasing.packed.count else { return [] }
        let part = (releasing.packed.count + Self.releaseParts - 1) / Self.releaseParts
        let range = next..<min(next + part, releasing.packed.count)
        let rows = releasing.rows(range)
        next = range.upperBound
        if next == releasing.packed.count { (releasing, next) = (Held(), 0) }
        return [ImportPlanner.Write(sql, rows)]
    }

    /// Every gram still held or not yet handed out, as inserts of rows in key order; none when there are none.
    mutating func release(into sql: String) -> [ImportPlanner.Write] {
        var writes: [ImportPlanner.Write] = []
        if next < releasing.packed.count { writes.append(ImportPlanner.Write(sql, releasing.rows(next..<releasing.packed.count))) }
        (releasing, next) = (Held(), 0)
        if !holding.packed.isEmpty {
            holding.packed.sort()
            writes.append(ImportPlanner.Write(sql, holding.rows(0..<holding.packed.count)))
            holding = Held()
        }
        return writes
    }
}
