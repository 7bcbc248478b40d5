/// The schema of both engines: one ordered list of migrations, each written once as SQL, with per-engine words only
/// where the engines truly differ (`SchemaDialect`). Run by `Migrations` (SQLite, GRDB's migrator) and
/// `PostgresSchema` (PostgreSQL). Add a step at the end for every change; never edit a shipped one.
enum SchemaMigrations {
    static let all: [SchemaMigration] = core + users

    /// The bundled data and its search indexes.
    private static let core: [SchemaMigration] = [
        SchemaMigration("v1-core", CoreSchema.statements),
        SchemaMigration("v2-enterprise-financials") { d in
            ["revenue_growth_pct", "profit_growth_pct", "gross_margin_pct", "net_margin_pct"].map {
                "ALTER TABLE enterprises ADD COLUMN \($0) \(d.double)"
            }
        },
        // Trigram search cannot answer two-character queries (医药, 生物), the commonest Chinese searches; a bigram
        // table over names and full names answers them through an index instead of a LIKE scan. `rank` is the
        // firm's place in the search order (biomedicine first, then by employees), so a page is an index range.
        // PostgreSQL's has no foreign key: checking one per bigram row would dominate the import at national size.
        SchemaMigration("v3-name-bigrams") { d in [
            d.pick(sqlite: """
                CREATE TABLE name_bigrams (gram TEXT NOT NULL, rank INTEGER NOT NULL,
                  enterprise_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE, PRIMARY KEY (gram, rank)) WITHOUT ROWID
                """, postgres: "CREATE TABLE name_bigrams (gram \(d.text) NOT NULL, rank INTEGER NOT NULL, enterprise_id \(d.text) NOT NULL, PRIMARY KEY (gram, rank))"),
            "CREATE INDEX enterprises_on_name ON enterprises(name)",
        ] },
        // Region pages count and rank a region's biomedicine firms: serve them from the index, not the table.
        SchemaMigration("v4-region-biomedicine-indexes") { _ in regionColumns.map {
            "CREATE INDEX enterprises_on_\($0)_biomedicine ON enterprises (\($0), is_biomedicine, employees)"
        } },
        // A region's largest firms in a total order (employees, then id), read straight from the index on both
        // engines; supersedes v4's indexes. SQLite puts NULLs last in descending order already.
        SchemaMigration("v5-largest-firms-order") { d in regionColumns.flatMap { [
            "DROP INDEX enterprises_on_\($0)_biomedicine",
            "CREATE INDEX enterprises_on_\($0)_largest ON enterprises (\($0), is_biomedicine, employees \(d.pick(sqlite: "DESC", postgres: "DESC NULLS LAST")), id DESC)",
        ] } },
        // PostgreSQL only. Three-character searches through an index range, as two-character ones through
        // name_bigrams: pg_trgm would recheck every matching row to count them (100 ms at 1 M firms for a common
        // trigram); SQLite's FTS5 trigram index answers these itself. Keyed by rank alone: ids come from
        // enterprises' unique search_rank. Search totals for two and three characters: counting 300,000 index
        // entries of a common gram (医药) takes PostgreSQL 30 ms; the store is read-only between builds, so the counts
        // are written with it.
        SchemaMigration("v6-name-trigrams") { d in d.pick(sqlite: [], postgres: [
            "CREATE TABLE name_trigrams (gram \(d.text) NOT NULL, rank INTEGER NOT NULL, PRIMARY KEY (gram, rank))",
            "CREATE TABLE name_gram_counts (gram \(d.text) PRIMARY KEY, n INTEGER NOT NULL)",
        ]) },
    ]

    static let regionColumns = ["province_code", "city_code", "district_code"]
}
