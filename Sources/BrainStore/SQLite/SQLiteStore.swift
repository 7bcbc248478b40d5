import Foundation
import GRDB
import BrainModel

/// The embedded default store: one SQLite file through GRDB, WAL mode, read by many connections at once. Opened
/// read-only when `readOnly` asks for it or the file or its folder cannot be written by this process.
public final class SQLiteStore: SQLStore, @unchecked Sendable {
    /// Seconds a statement waits for another connection's write lock before it fails.
    public static let busyTimeout: TimeInterval = 10

    public init(path: String, readOnly: Bool = false) throws {
        var configuration = Configuration()
        // Several processes or pools may open the same file at once (server + CLI, parallel tests): wait, don't fail.
        configuration.busyMode = .timeout(Self.busyTimeout)
        let isReadOnly = readOnly || !Self.writable(path)
        let pool: DatabasePool
        if isReadOnly {
            configuration.readonly = true
            guard FileManager.default.fileExists(atPath: path) else { throw SQLiteOpenError.missing(path) }
            // immutable=1: SQLite reads a WAL database without creating -wal/-shm files (a read-only folder or mount),
            // but it ignores a -wal file: one with content must be read the ordinary way.
            let pendingLog = ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int ?? 0) > 0
            let uri = "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "?immutable=1"
            pool = try DatabasePool(path: pendingLog ? path : uri, configuration: configuration)
            guard try pool.read({ try Migrations.migrator.hasCompletedMigrations($0) }) else { throw SQLiteOpenError.needsMigration(path) }
        } else {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Migrations.migrator.migrate(pool)
        }
        super.init(driver: GRDBDriver(writer: pool), isReadOnly: isReadOnly)
    }

    /// A store on any GRDB database, e.g. a test's in-memory `DatabaseQueue`; migrated unless `readOnly`.
    public init(writer: any DatabaseWriter, readOnly: Bool = false) throws {
        if !readOnly { try Migrations.migrator.migrate(writer) }
        super.init(driver: GRDBDriver(writer: writer), isReadOnly: readOnly)
    }

    /// Whether this process may write the file (if it exists) and create files beside it (-wal, -shm).
    static func writable(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        let folderWritable = access(folder.isEmpty ? "." : folder, W_OK) == 0
        return folderWritable && (!FileManager.default.fileExists(atPath: path) || access(path, W_OK) == 0)
    }
}
