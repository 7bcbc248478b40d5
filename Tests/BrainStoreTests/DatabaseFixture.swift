import Foundation
import Testing
import BrainIngest
import BrainModel
import BrainStore

/// The two store backends; every store test runs on both (the conformance suite).
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres
    var testDescription: String { rawValue }
}

/// A database built once per backend from the repository's real `data/` folder, shared by this target's tests.
enum DatabaseFixture {
    static let dataFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data")

    static let bundle: Result<DataBundle, any Error> = Result { try BundleLoader(folder: dataFolder).load().bundle }

    private static let sqlite: Result<SQLiteStore, any Error> = Result {
        let path = temporaryPath("fixture")
        try DatabaseBuilder().build(try bundle.get(), to: path)
        return try SQLiteStore(path: path)
    }

    private static let postgres = Task<PostgresStore, any Error> {
        let location = try await PostgresTestServer.newDatabase("fixture")
        try await PostgresDatabaseBuilder().build(try bundle.get(), to: location)
        return try await PostgresStore(location)
    }

    static func store(_ backend: Backend) async throws -> any Store {
        switch backend {
        case .sqlite: try sqlite.get()
        case .postgres: try await postgres.value
        }
    }

    /// A new, empty database of the backend, for tests that write.
    static func emptyLocation(_ backend: Backend, _ name: String) async throws -> StoreLocation {
        switch backend {
        case .sqlite: .sqlite(path: temporaryPath(name))
        case .postgres: .postgres(try await PostgresTestServer.newDatabase(name))
        }
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("brain-\(name)-\(UUID().uuidString).sqlite").path
    }
}
