import Foundation
import BrainIngest
import BrainStore

/// A database built once from the repository's real `data/` folder, shared by this target's tests.
enum DatabaseFixture {
    static let dataFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data")

    private static let built: Result<String, any Error> = Result {
        let path = temporaryPath("fixture")
        try build(from: dataFolder, to: path)
        return path
    }

    private static let shared: Result<SQLiteStore, any Error> = Result { try SQLiteStore(path: try built.get()) }

    static func store() throws -> SQLiteStore { try shared.get() }

    /// Load with the real importers, then write: the same two steps as `brain build-db`.
    static func build(from folder: URL, to path: String) throws {
        try DatabaseBuilder().build(try BundleLoader(folder: folder).load().bundle, to: path)
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("brain-\(name)-\(UUID().uuidString).sqlite").path
    }
}
