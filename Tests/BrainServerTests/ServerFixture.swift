import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import BrainServer
import BrainIngest
import BrainStore

/// A database built once from the repository's real `data/`, and a server configuration pointing at its files.
enum ServerFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private static let built: Result<String, any Error> = Result {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("brain-server-\(UUID().uuidString).sqlite").path
        try DatabaseBuilder().build(try BundleLoader(folder: root.appendingPathComponent("data")).load().bundle, to: path)
        return path
    }

    private static let shared: Result<SQLiteStore, any Error> = Result { try SQLiteStore(path: try built.get()) }

    static func store() throws -> SQLiteStore { try shared.get() }

    static let configuration = ServerConfiguration(
        echartsFile: root.appendingPathComponent("web/vendor/echarts.min.js"),
        geoFolder: root.appendingPathComponent("data/geo"), dataFolder: root.appendingPathComponent("data"))

    /// The whole application in-process on the fixture database, driven by `test`.
    static func withApp(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = try await buildApplication(store: try store(), configuration: configuration)
        try await app.test(.router, test)
    }

    /// A response body that must be a JSON object.
    static func jsonObject(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
    }
}
