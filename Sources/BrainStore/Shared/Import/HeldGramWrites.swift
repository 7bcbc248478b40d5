/// The name grams of the firms an import creates, held back and handed out together every ~25,000 firms and at the
/// import's end in the order of their table's key (gram, rank): a few hundred thousand grams then land in each of the
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
    /// Bits of a packed word for the firm's place; the gram's key (two 21-bit scalars) takes the 42 above them.
    private static let firmBits: UInt64 = 22

    /// Each held gram: key << firmBits | index in `firms`.
    private var packed: [UInt64] = []
    /// The held firms in the order they were held, which is their ranks' order (ranks are handed out ascending).
    private var firms: [(rank: Int, id: String)] = []

    /// Whether enough grams are held to hand them out.
    var isDue: Bool { packed.count >= Self.limit }

    /// Whether the firm of `rank` has grams held: they must go out before any of them is deleted.
    func holds(rank: Int) -> Bool {
        var (low, high) = (0, firms.count)
        while low < high {
            let middle = (low + high) / 2
            if firms[middle].rank < rank { low = middle + 1 } else { high = middle }
        }
        return low < firms.count && firms[low].rank == rank
    }

    /// Holds a new firm's grams, given as `NameBigrams.sortedKeys` of length 2; false (nothing held) when they cannot
    /// be: a rank below one held before, or a key wider than two scalars.
    mutating func hold(keys: [UInt64], rank: Int, id: String) -> Bool {
        guard firms.last.map({ $0.rank < rank }) ?? true, firms.count < 1 << Self.firmBits,
              keys.allSatisfy({ $0 >> (64 - Self.firmBits) == 0 }) else { return false }
        guard !keys.isEmpty else { return true }
        let firm = UInt64(firms.count)
        firms.append((rank, id))
        for key in keys { packed.append(key << Self.firmBits | firm) }
        return true
    }

    /// Every held gram as one insert of rows (gram, rank, firm id) in key order, `sql` being its one-row form; none
    /// when nothing is held.
    mutating func release(into sql: String) -> [ImportPlanner.Write] {
        guard !packed.isEmpty else { return [] }
        defer { (packed, firms) = ([], []) }
        packed.sort()
        let mask: UInt64 = 1 << Self.firmBits - 1
        var values: [SQLValue] = []
        values.reserveCapacity(packed.count * 3)
        for word in packed {
            let firm = firms[Int(word & mask)]
            values.append(.text(NameBigrams.gram(word >> Self.firmBits, length: 2)))
            values.append(.int(firm.rank))
            values.append(.text(firm.id))
        }
        return [ImportPlanner.Write(sql, values)]
    }
}
