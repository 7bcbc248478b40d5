import Foundation
import BrainModel

/// Where the store lives, as users write it: a SQLite file path (the embedded default) or a `postgres://` address.
public enum StoreLocation: Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    public init(_ text: String) throws {
        self = PostgresLocation.isPostgresURL(text) ? .postgres(try PostgresLocation(url: text)) : .sqlite(path: text)
    }

    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.description
        }
    }

    /// The store if a built database is there (a file for SQLite, a recorded build for PostgreSQL), else nil; one
    /// connection for both the check and the use.
    /// `readOnly` opens a SQLite file read-only even where it could be written (it always is where it cannot).
    public func openIfBuilt(readOnly: Bool = false) async throws -> (any ImportingStore)? {
        switch self {
        case .sqlite(let path):
            return FileManager.default.fileExists(atPath: path) ? try SQLiteStore(path: path, readOnly: readOnly) : nil
        case .postgres(let location):
            let store = try await PostgresStore(location)
            return try await store.stats().builtAt != nil ? store : nil
        }
    }

    public func open() async throws -> any ImportingStore {
        switch self {
        case .sqlite(let path): try SQLiteStore(path: path)
        case .postgres(let location): try await PostgresStore(location)
        }
    }

    /// Fails at once when a SQLite database could not be written where asked (a missing or read-only folder), before
    /// any work that would be thrown away. PostgreSQL is checked when it is connected to.
    public func checkWritable() throws {
        guard case .sqlite(let path) = self else { return }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreLocationError(message: "cannot write \(path): the folder \(folder) does not exist")
        }
        guard access(folder, W_OK) == 0 else {
            throw StoreLocationError(message: "cannot write \(path): the folder \(folder) is not writable")
        }
    }

    /// Writes the bundle as a new database, atomically on both backends; returns the seconds spent writing.
    @discardableResult
    public func build(_ bundle: DataBundle, loadSeconds: Double = 0, progress: (String) -> Void = { _ in }) async throws -> Double {
        switch self {
        case .sqlite(let path): try DatabaseBuilder().build(bundle, to: path, loadSeconds: loadSeconds, progress: progress)
        case .postgres(let location): try await PostgresDatabaseBuilder().build(bundle, to: location, loadSeconds: loadSeconds, progress: progress)
        }
    }
}

extension StoreLocation {
    /// As given on a command line (with the password, for child processes).
    public var argument: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.url
        }
    }
}

public struct StoreLocationError: Error, CustomStringConvertible, LocalizedError {
    public let message: String
    public var description: String { message }
    public var errorDescription: String? { message }
}
