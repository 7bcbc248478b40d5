/// SQLite's substring search over firms' names (FTS5 trigram), as migration v26 leaves it: an external-content index
/// over the view `enterprise_search_text`, kept in step with `enterprises` by triggers. The view gives a firm's full
/// name only where it differs from its name, so the same trigrams are not indexed twice; a search matches either
/// column, so it finds the same firms. Rows keep `enterprises`' rowids, which are search order.
enum FullTextSearch {
    /// A full name as the index holds it: nothing when it is the name.
    private static func fullName(_ row: String) -> String {
        "CASE WHEN \(row)full_name IS \(row)name THEN NULL ELSE \(row)full_name END"
    }

    static let indexedOnce = [
        #"DROP TRIGGER "__enterprise_fts_ai""#,
        #"DROP TRIGGER "__enterprise_fts_ad""#,
        #"DROP TRIGGER "__enterprise_fts_au""#,
        #"DROP TABLE "enterprise_fts""#,
        "CREATE VIEW enterprise_search_text AS SELECT rowid AS rid, name, \(fullName("")) AS full_name FROM enterprises",
        #"CREATE VIRTUAL TABLE "enterprise_fts" USING fts5(name, full_name, tokenize='trigram', content='enterprise_search_text', content_rowid='rid')"#,
        """
        CREATE TRIGGER "__enterprise_fts_ai" AFTER INSERT ON "enterprises" BEGIN
            INSERT INTO "enterprise_fts"("rowid", "name", "full_name") VALUES (new."rowid", new."name", \(fullName("new.")));
        END
        """,
        """
        CREATE TRIGGER "__enterprise_fts_ad" AFTER DELETE ON "enterprises" BEGIN
            INSERT INTO "enterprise_fts"("enterprise_fts", "rowid", "name", "full_name") VALUES('delete', old."rowid", old."name", \(fullName("old.")));
        END
        """,
        """
        CREATE TRIGGER "__enterprise_fts_au" AFTER UPDATE OF "name", "full_name" ON "enterprises" BEGIN
            INSERT INTO "enterprise_fts"("enterprise_fts", "rowid", "name", "full_name") VALUES('delete', old."rowid", old."name", \(fullName("old.")));
            INSERT INTO "enterprise_fts"("rowid", "name", "full_name") VALUES (new."rowid", new."name", \(fullName("new.")));
        END
        """,
        #"INSERT INTO "enterprise_fts"("enterprise_fts") VALUES('rebuild')"#,
    ]
}
