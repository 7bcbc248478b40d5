/// Secondary indexes an import writes but never reads (a region's largest firms, layers, the firms of a node, the
/// change feed's), dropped once a large import has written many rows and built again, whole, before it commits:
/// building an index from all rows at once is a sort, keeping it row by row is a descent to a random page per row and
/// index (the five then on `enterprises` cost ≈ 1.7 s of ≈ 11 at 100,000 rows into SQLite; the nine then deferred
/// were built again over 113,000 firms in ≈ 0.8 s; v25 dropped the stock code's for good).
///
/// SQLite only: its readers keep reading the indexes of their snapshot meanwhile, and the drop rolls back with the
/// import. PostgreSQL's `DROP INDEX` would lock the table against every reader until the import commits.
/// Indexes that are missing (an older schema) are skipped; their statistics (`sqlite_stat1`) are put back as they
/// were, so the store ends exactly as a row-by-row import leaves it (`scripts/compare-import-db --rows 30000`).
struct DeferredIndexes {
    /// Below this many rows an import keeps the indexes: rebuilding costs a pass over every firm of the store.
    static let minimumRows = 20_000
    /// …and below a sixth of the firms already stored, for the same reason.
    static let shareOfStoredFirms = 6

    private let names: [String]
    let threshold: Int
    private var dropped: [(name: String, sql: String)] = []
    private var passed = false
    /// The dropped indexes' rows of `sqlite_stat1` (DROP INDEX deletes them), put back word for word.
    private var statistics: [[SQLValue]] = []

    init(_ names: [String], backend: ImportBackend, storedFirms: Int) {
        self.names = backend.defersIndexes ? names : []
        threshold = max(Self.minimumRows, storedFirms / Self.shareOfStoredFirms)
    }

    var defers: Bool { !names.isEmpty }

    /// Drops the indexes once `rowsPlanned` reaches the threshold; call only with no write in flight.
    mutating func dropOnceLarge(_ s: any SQLWriteSession, rowsPlanned: Int) async throws {
        guard !passed, defers, rowsPlanned >= threshold else { return }
        passed = true
        let marks = StoreSQL.marks(names.count), arguments = names.map { SQLValue.text($0) }
        if try await s.count("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'", []) > 0 {
            statistics = try await s.rows("SELECT rowid AS id, tbl, idx, stat FROM sqlite_stat1 WHERE idx IN (\(marks))", arguments) {
                [.int(try $0.int("id")), .text(try $0.text("tbl")), .text(try $0.text("idx")), .text(try $0.optionalText("stat"))]
            }
        }
        dropped = try await s.rows("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN (\(marks)) ORDER BY name",
                                   arguments) { (try $0.text("name"), try $0.text("sql")) }
        for index in dropped { try await s.execute("DROP INDEX \(index.name)", []) }
    }

    /// The writes that build the dropped indexes again, from their own `CREATE INDEX` statements, and put their
    /// statistics back; none when nothing was dropped.
    mutating func restoring() -> [ImportPlanner.Write] {
        defer { (dropped, statistics) = ([], []) }
        return dropped.map { ImportPlanner.Write($0.sql, []) }
            + statistics.map { ImportPlanner.Write("INSERT INTO sqlite_stat1 (rowid, tbl, idx, stat) VALUES (?, ?, ?, ?)", $0) }
    }
}
