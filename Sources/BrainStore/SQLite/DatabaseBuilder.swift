import Foundation
import GRDB
import BrainModel

/// Writes a loaded `DataBundle` into a new SQLite database: into a temporary file first, renamed into place only when
/// complete, so a failed build leaves an existing database untouched.
public struct DatabaseBuilder: Sendable {
    public init() {}

    /// Returns the seconds spent writing. `loadSeconds` (reading and classifying, done by the caller) is added to the
    /// recorded build time so `brain stats` shows the whole build.
    @discardableResult
    public func build(_ bundle: DataBundle, to path: String, loadSeconds: Double = 0,
                      progress: (String) -> Void = { _ in }) throws -> Double {
        let start = Date()
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: temporary)
        do {
            let queue = try DatabaseQueue(path: temporary.path)
            // WAL is persistent: readers opened later (server, CLI) need not switch the mode, which takes a write lock.
            _ = try queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
            try write(bundle, into: queue, since: start, loadSeconds: loadSeconds, progress: progress)
            progress("optimising")
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA optimize") }
            try queue.close()
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            guard rename(temporary.path, destination.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return Date().timeIntervalSince(start)
    }

    /// Migrates `writer` and writes the bundle in one transaction: any GRDB database, e.g. a test's in-memory queue.
    public func build(_ bundle: DataBundle, into writer: any DatabaseWriter) throws {
        try write(bundle, into: writer, since: Date(), loadSeconds: 0, progress: { _ in })
    }

    private func write(_ bundle: DataBundle, into writer: any DatabaseWriter, since start: Date, loadSeconds: Double,
                       progress: (String) -> Void) throws {
        try Migrations.migrator.migrate(writer)
        try writer.write { db in
            try BundleWriter(db: db).write(bundle, progress: progress)
            let seconds = loadSeconds + Date().timeIntervalSince(start)
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('built_at', ?), ('build_seconds', ?)",
                           arguments: [ISO8601DateFormatter().string(from: Date()), String(format: "%.2f", seconds)])
        }
    }
}
