/// The name grams of the firms an import creates, held back and handed out together every ~25,000 firms and at the
/// import's end: merged and put in key order (`CoalescedWrites`), a few hundred thousand grams land in each of the
/// index's pages once, where a batch's ~19,000 touched nearly every page of `name_bigrams` again (at 1,000,000 rows
/// the index outgrows the page cache, and every batch re-read it from disk). Nothing reads grams during an import.
/// SQLite only: PostgreSQL sends each batch's grams as COPY anyway.
struct HeldGramWrites {
    /// Gram rows held before they are handed out: ~25,000 firms, ~35 MB of values.
    static let limit = 500_000

    private var writes: [ImportPlanner.Write] = []
    private var ranks: Set<Int> = []
    private var rows = 0

    /// Whether the firm of `rank` has grams held: they must go out before any of them is deleted.
    func holds(rank: Int) -> Bool { ranks.contains(rank) }

    /// Holds `new`, a new firm's gram inserts (rows of gram, rank and firm id); returns every held write once the
    /// limit is reached.
    mutating func hold(_ new: [ImportPlanner.Write], rank: Int) -> [ImportPlanner.Write] {
        writes += new
        ranks.insert(rank)
        rows += new.reduce(0) { $0 + $1.arguments.count } / 3
        return rows >= Self.limit ? release() : []
    }

    mutating func release() -> [ImportPlanner.Write] {
        defer { (writes, ranks, rows) = ([], [], 0) }
        return writes
    }
}
