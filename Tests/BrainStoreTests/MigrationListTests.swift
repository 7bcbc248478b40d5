import Foundation
import GRDB
import PostgresNIO
import Testing
import BrainModel
@testable import BrainStore

/// The one migration list (`SchemaMigrations`) takes over databases made by the two per-engine lists it replaced.
/// No frozen copy of the old statements: the old lists' ids (what shipped databases record) are frozen below, and a
/// database "made by the old list up to step k" is the new list applied up to k with the old ids written as the
/// record, since each step's statements are unchanged. Reopening it must apply exactly the rest: a step run twice
/// fails (its table exists), a step skipped leaves the schema unlike a fresh database's.
@Suite struct MigrationListTests {
    /// `grdb_migrations` of a SQLite database made by main before the lists were made one.
    static let oldSQLiteIDs = [
        "v1-core", "v2-enterprise-financials", "v3-name-bigrams", "v4-region-biomedicine-indexes", "v5-largest-firms-order",
        "v6-imports", "v7-market", "v8-access", "v9-locations", "v10-layers", "v11-curations", "v12-names", "v13-policies",
        "v14-audit", "v15-accounts", "v16-leads", "v17-watch", "v18-webhook", "v19-publish", "v20-outbox",
    ]
    /// `schema_migrations` of a PostgreSQL database made by main before the lists were made one.
    static let oldPostgresIDs = [
        "v1-core", "v2-enterprise-financials", "v3-name-bigrams", "v4-region-biomedicine-indexes", "v5-largest-firms-order",
        "v6-name-trigrams", "v7-imports", "v8-market", "v9-access", "v10-locations", "v11-layers", "v12-curations",
        "v13-names", "v14-policies", "v15-audit", "v16-accounts", "v17-leads", "v18-watch", "v19-webhook", "v20-fixes",
        "v21-publish", "v22-outbox",
    ]

    /// Steps appended since the lists were made one: each records its own id on both engines.
    static let laterIDs = ["v23-region-index-duplicates", "v24-review-reasons", "v25-unread-indexes", "v26-full-name-indexed-once"]
    /// What a fresh PostgreSQL database records: the old ids, then the later steps that have statements for it.
    static let postgresIDs = oldPostgresIDs + ["v24-review-reasons", "v25-unread-indexes"]

    @Test func eachEngineRecordsItsOldListsIdsInOrder() {
        #expect(Migrations.migrator.migrations == Self.oldSQLiteIDs + Self.laterIDs)
        #expect(SchemaMigrations.all.suffix(Self.laterIDs.count).map(\.sqliteID) == Self.laterIDs)
        #expect(SchemaMigrations.all.filter { !$0.statements(.postgres).isEmpty }.map { $0.recordedID(.postgres) } == Self.postgresIDs)
        #expect(Set(SchemaMigrations.all.map(\.id)).count == SchemaMigrations.all.count, "a step's id is used twice")
    }

    @Test func sqliteDatabaseOfEveryOldStepReopensAtTheFreshSchema() throws {
        let fresh = DatabaseFixture.temporaryPath("fresh-schema")
        defer { try? FileManager.default.removeItem(atPath: fresh) }
        _ = try SQLiteStore(path: fresh)
        let expected = try Self.sqliteSchema(fresh)
        #expect(expected.contains { $0.hasPrefix("table enterprise_fts ") } && expected.last == "ids " + (Self.oldSQLiteIDs + Self.laterIDs).joined(separator: " "))

        for (step, id) in Self.oldSQLiteIDs.enumerated() {
            let path = DatabaseFixture.temporaryPath("old-step")
            defer { try? FileManager.default.removeItem(atPath: path) }
            let queue = try DatabaseQueue(path: path)
            // GRDB traps on an id it does not know: fail the test instead.
            try #require(Migrations.migrator.migrations.contains(id), "SQLite no longer knows the old id \(id)")
            try Migrations.migrator.migrate(queue, upTo: id)
            try queue.write { db in
                try db.execute(sql: "DELETE FROM grdb_migrations")
                for old in Self.oldSQLiteIDs.prefix(step + 1) { try db.execute(sql: "INSERT INTO grdb_migrations VALUES (?)", arguments: [old]) }
                // A firm from before v6-imports: reopening fills its normalised name (the one step SQL cannot write).
                if id == "v5-largest-firms-order" {
                    try db.execute(sql: """
                        INSERT INTO enterprises (id, name, full_name, is_biomedicine, source, as_of)
                        VALUES ('e1', '恒瑞医药', '江苏恒瑞医药股份有限公司', 1, 'listed', '2025-01-01')
                        """)
                }
            }
            try queue.close()

            _ = try SQLiteStore(path: path)
            #expect(try Self.sqliteSchema(path) == expected, "a database made up to \(id) did not reopen at the fresh schema")
            if id == "v5-largest-firms-order" {
                let normalized = try DatabaseQueue(path: path).read { db in
                    try String.fetchOne(db, sql: "SELECT normalized_name FROM enterprises WHERE id = 'e1'")
                }
                #expect(normalized == CompanyName.normalized("江苏恒瑞医药股份有限公司"))
            }
        }
    }

    @Test func postgresDatabaseOfEveryOldStepReopensAtTheFreshSchema() async throws {
        let location = try await PostgresTestServer.newDatabase("migrations")
        let expected = try await location.withTransaction { connection in
            try await PostgresSchema.migrate(connection, schema: "fresh")
            return try await Self.postgresSchema(connection, "fresh")
        }
        #expect(expected.contains { $0.hasPrefix("index name_trigrams_pkey") }
                && expected.last == "ids " + Self.postgresIDs.sorted().joined(separator: " "))

        for (step, id) in Self.oldPostgresIDs.enumerated() {
            let schema = "step\(step)"
            try await location.withTransaction { connection in
                try await PostgresSchema.migrate(connection, schema: schema, through: id)
                try await PostgresSQL.execute(connection, "DELETE FROM schema_migrations")
                for old in Self.oldPostgresIDs.prefix(step + 1) {
                    try await PostgresSQL.execute(connection, "INSERT INTO schema_migrations (id) VALUES ('\(old)')")
                }
            }
            let reopened = try await location.withTransaction { connection in
                try await PostgresSchema.migrate(connection, schema: schema)
                return try await Self.postgresSchema(connection, schema)
            }
            #expect(reopened == expected, "a database made up to \(id) did not reopen at the fresh schema")
        }
    }

    /// Every object's SQL (as scripts/compare-schema lists it, less GRDB's quotes and spacing) and the recorded ids.
    static func sqliteSchema(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master ORDER BY name").map { row in
                let sql = (row["sql"] as String?).map { $0.replacingOccurrences(of: "\"", with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ") }
                return "\(row["type"] as String) \(row["name"] as String) \(sql ?? "")"
            } + ["ids " + (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")).joined(separator: " ")]
        }
    }

    /// A PostgreSQL schema's columns, indexes, constraints, triggers and functions, with its name taken out, and the
    /// recorded ids.
    static func postgresSchema(_ connection: PostgresConnection, _ schema: String) async throws -> [String] {
        let queries = [
            """
            SELECT ('column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || COALESCE(collation_name, '-') || ' '
              || is_nullable || ' ' || COALESCE(column_default, '-') || ' ' || is_identity)::text AS line
            FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, ordinal_position
            """,
            "SELECT ('index ' || indexname || ' ' || indexdef)::text AS line FROM pg_indexes WHERE schemaname = ? ORDER BY indexname",
            """
            SELECT ('constraint ' || c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid))::text AS line
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = k.connamespace
            WHERE n.nspname = ? ORDER BY 1
            """,
            """
            SELECT ('trigger ' || event_object_table || ' ' || trigger_name || ' ' || event_manipulation || ' ' || action_timing
              || ' ' || action_statement)::text AS line FROM information_schema.triggers WHERE trigger_schema = ? ORDER BY 1
            """,
            """
            SELECT ('function ' || p.proname || ' ' || p.prosrc)::text AS line FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ? ORDER BY 1
            """,
        ]
        var lines: [String] = []
        for sql in queries {
            for row in try await PostgresSQL.rows(connection, sql, [.text(schema)]) {
                lines.append(try row.text("line").replacingOccurrences(of: "\(schema).", with: ""))
            }
        }
        let ids = try await PostgresSQL.rows(connection, "SELECT id FROM \(schema).schema_migrations ORDER BY id").map { try $0.text("id") }
        return lines + ["ids " + ids.joined(separator: " ")]
    }
}
