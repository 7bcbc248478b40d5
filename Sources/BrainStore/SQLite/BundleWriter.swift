import GRDB
import BrainModel

/// Writes a whole `DataBundle` in one transaction (the caller's), with prepared statements.
struct BundleWriter {
    let db: Database

    func write(_ bundle: DataBundle, progress: (String) -> Void) throws {
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('taxonomy', ?)", arguments: [try TaxonomyCodec.encode(bundle.taxonomy)])
        for table in BundleTables.tables(bundle, postgres: false) {
            progress("writing \(table.name)")
            let statement = try db.makeStatement(
                sql: "INSERT INTO \(table.name) (\(table.columns.joined(separator: ", "))) VALUES (\(StoreSQL.marks(table.columns.count)))")
            for row in table.rows {
                try statement.execute(arguments: StatementArguments(row.map(\.databaseValue)))
            }
        }
    }
}
