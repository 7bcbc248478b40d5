import Foundation
import GRDB

/// The search indexes of an import's new and changed firms, filled once at the end of its transaction instead of row
/// by row, as `brain build-db` fills them.
///
/// Why: every statement that writes the FTS5 table opens a savepoint at which FTS5 writes its pending terms out as a
/// new segment, merged again and again (about half the write thread), and each firm's ~18 name bigrams went into the
/// `(gram, rank)` index at random places. Now the full-text triggers GRDB keeps on `enterprises` are dropped for the
/// transaction and temporary triggers note which rows need an entry; the bigrams of firms this import creates go into
/// an unindexed staging table and reach `name_bigrams` in key order at the end. Everything is inside the import's one
/// transaction: a rollback (an error, `--on-error reject-file`, kill -9) brings back the triggers and leaves nothing.
enum SQLiteImportIndexes {
    /// Rows whose full-text entry is absent and must be written at the end (if the row still exists).
    static let pendingTable = "import_fts_pending"
    /// Bigrams of firms created by this import (ranks from the import's first), written at the end.
    static let stagedBigrams = "temp.import_bigrams"

    /// `BRAIN_IMPORT_INDEXES=per-row` writes the indexes row by row as before, so one binary measures and compares both
    /// ways (`brain bench import`, `scripts/compare-import-db`); not meant for anything else.
    static let enabled = ProcessInfo.processInfo.environment["BRAIN_IMPORT_INDEXES"] != "per-row"

    /// The full-text triggers as the schema has them, to put back word for word.
    struct Saved {
        let triggers: [String]
    }

    static func begin(_ db: Database) throws -> Saved {
        let rows = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'enterprises' AND sql LIKE '%enterprise_fts%' ORDER BY rowid
            """)
        for row in rows { try db.execute(sql: "DROP TRIGGER \((row["name"] as String).quotedDatabaseIdentifier)") }
        // An entry exists for a row until the row is first updated or deleted in this import: then the old entry is
        // deleted (with the values it was written with, as FTS5's external-content tables need) and the row is noted,
        // so an entry is never deleted that was not yet written, nor written twice.
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.\(pendingTable);
            CREATE TEMP TABLE \(pendingTable) (id INTEGER PRIMARY KEY);
            CREATE TEMP TRIGGER import_fts_ai AFTER INSERT ON main.enterprises BEGIN
              INSERT OR IGNORE INTO \(pendingTable) VALUES (new.rowid);
            END;
            CREATE TEMP TRIGGER import_fts_au AFTER UPDATE ON main.enterprises WHEN old.rowid NOT IN (SELECT id FROM \(pendingTable)) BEGIN
              INSERT INTO enterprise_fts (enterprise_fts, rowid, name, full_name) VALUES ('delete', old.rowid, old.name, old.full_name);
              INSERT INTO \(pendingTable) VALUES (old.rowid);
            END;
            CREATE TEMP TRIGGER import_fts_ad AFTER DELETE ON main.enterprises BEGIN
              INSERT INTO enterprise_fts (enterprise_fts, rowid, name, full_name)
                SELECT 'delete', old.rowid, old.name, old.full_name WHERE old.rowid NOT IN (SELECT id FROM \(pendingTable));
              DELETE FROM \(pendingTable) WHERE id = old.rowid;
            END;
            DROP TABLE IF EXISTS \(stagedBigrams);
            CREATE TEMP TABLE import_bigrams (gram TEXT NOT NULL, rank INTEGER NOT NULL, enterprise_id TEXT NOT NULL);
            CREATE INDEX temp.import_bigrams_on_rank ON import_bigrams (rank);
            """)
        return Saved(triggers: rows.map { $0["sql"] })
    }

    /// Staged bigrams are moved into `name_bigrams` every this many new firms, so the staging table (in memory, as
    /// temp_store is for the import) stays a few tens of MB however long the file; the planner then stages from its
    /// next rank on (`stageBigrams`), and the grams of firms already moved are deleted in `name_bigrams` itself.
    static let bigramFlushFirms = 50_000

    /// Moves the staged bigrams into `name_bigrams`, in key order (one pass along the index instead of random inserts).
    static func flushBigrams(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO name_bigrams (gram, rank, enterprise_id)
              SELECT gram, rank, enterprise_id FROM \(stagedBigrams) WHERE true ORDER BY gram, rank ON CONFLICT DO NOTHING;
            DELETE FROM \(stagedBigrams);
            """)
    }

    /// Writes what was put off and restores the schema, still inside the import's transaction.
    static func finish(_ db: Database, _ saved: Saved) throws {
        try db.execute(sql: """
            DROP TRIGGER temp.import_fts_ai;
            DROP TRIGGER temp.import_fts_au;
            DROP TRIGGER temp.import_fts_ad;
            INSERT INTO enterprise_fts (rowid, name, full_name)
              SELECT e.rowid, e.name, e.full_name FROM temp.\(pendingTable) p JOIN enterprises e ON e.rowid = p.id ORDER BY p.id;
            DROP TABLE temp.\(pendingTable);
            """)
        try flushBigrams(db)
        try db.execute(sql: "DROP TABLE \(stagedBigrams)")
        for sql in saved.triggers { try db.execute(sql: sql) }
    }
}
