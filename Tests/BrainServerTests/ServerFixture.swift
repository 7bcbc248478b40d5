import Foundation
import Hummingbird
import HTTPTypes
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

    /// A private copy of the built database file, to damage or reopen without touching the shared one.
    static func databaseCopy() throws -> String {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("brain-copy-\(UUID().uuidString).sqlite").path
        try FileManager.default.copyItem(atPath: try built.get(), toPath: copy)
        return copy
    }

    /// The application on another store, with the fixture's files.
    static func withApp(store: any ImportingStore, _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = try await buildApplication(store: store, configuration: configuration)
        try await app.test(.router, test)
    }

    /// A raw TCP socket connected to 127.0.0.1:port, for tests that speak HTTP byte by byte (the caller closes it).
    static func connectLoopback(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw SocketError.connectFailed(port: port)
        }
        return fd
    }

    enum SocketError: Error { case connectFailed(port: Int) }

    /// The in-process test client sends `Host: localhost` (no port): the fixture's server answers to that name.
    static let configuration: ServerConfiguration = {
        var configuration = ServerConfiguration(
            echartsFile: root.appendingPathComponent("web/vendor/echarts.min.js"),
            geoFolder: root.appendingPathComponent("data/geo"), dataFolder: root.appendingPathComponent("data"))
        configuration.security.allowedHosts = ["localhost"]
        return configuration
    }()

    /// The whole application in-process on the fixture database, driven by `test`.
    static func withApp(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await withApp(configuration: configuration, test)
    }

    static func withApp(configuration: ServerConfiguration,
                        _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = try await buildApplication(store: try store(), configuration: configuration)
        try await app.test(.router, test)
    }

    /// Signs in on /match with an organisation's token: the session cookie and its CSRF token.
    static func signIn(_ client: any TestClientProtocol, token: String) async throws -> (session: String, csrf: String) {
        let session = try await client.execute(uri: "/match/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                               body: ByteBuffer(string: "token=\(token)")) { response in
            try #require(response.status == .seeOther)
            let cookie = try #require(response.headers[.setCookie])
            return String(try #require(cookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last))
        }
        return (session, SessionToken.csrf(session: session))
    }

    /// Headers of a signed-in browser's request: the session cookie, and the CSRF token as a header when given.
    static func browser(_ session: String, csrf: String? = nil, contentType: String = "application/x-www-form-urlencoded") -> HTTPFields {
        var fields: HTTPFields = [.cookie: "brain_session=\(session)", .contentType: contentType]
        if let csrf { fields[HTTPField.Name("X-CSRF-Token")!] = csrf }
        return fields
    }

    /// A response body that must be a JSON object.
    static func jsonObject(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
    }

    /// The message of an API error body `{"error": {"code", "message", "values"}, "status"}`.
    static func errorMessage(_ buffer: ByteBuffer) throws -> String? {
        (try jsonObject(buffer)["error"] as? [String: Any])?["message"] as? String
    }
}
