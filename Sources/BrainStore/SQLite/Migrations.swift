import GRDB
import BrainModel

/// SQLite's runner of the one migration list (`SchemaMigrations`): GRDB's migrator, each step registered under the id
/// SQLite databases record it by, steps with nothing for SQLite left out.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in SchemaMigrations.all {
            let statements = migration.statements(.sqlite)
            if statements.isEmpty { continue }
            migrator.registerMigration(migration.recordedID(.sqlite)) { db in
                for statement in statements { try db.execute(sql: statement) }
                if migration.id == "v7-imports" { try normalizeNames(db) }
            }
        }
        return migrator
    }

    /// The one step SQL cannot write: firms already in the database get their normalised name (`CompanyName`).
    private static func normalizeNames(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, name, full_name FROM enterprises") {
            let name: String = row["full_name"] ?? row["name"]
            try db.execute(sql: "UPDATE enterprises SET normalized_name = ? WHERE id = ?",
                           arguments: [CompanyName.normalized(name), row["id"] as String])
        }
    }
}
