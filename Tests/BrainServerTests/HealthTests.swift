import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import BrainServer
import BrainStore

/// `/health` tells the truth: ready only when the store answers, the database is built and sound and the snapshot
/// is loaded; `/health/live` only says the process answers.
@Suite struct HealthTests {
    /// Polls `/health` until it leaves "warming" (the snapshot loads in the background) and "unavailable" (on a
    /// machine busy with the rest of the suite the store may miss the 2 s deadline now and then), at most `attempts` times.
    static func settledHealth(_ client: any TestClientProtocol, uri: String = "/health",
                              attempts: Int = 150) async throws -> (HTTPResponse.Status, [String: Any]) {
        for _ in 0..<attempts {
            let (status, body) = try await client.execute(uri: uri, method: .get) { response in
                (response.status, try ServerFixture.jsonObject(response.body))
            }
            if !["warming", "unavailable"].contains(body["status"] as? String) { return (status, body) }
        }
        Issue.record("/health stayed warming or unavailable")
        return (.serviceUnavailable, [:])
    }

    @Test func readyWhenBuiltSoundAndLoaded() async throws {
        try await ServerFixture.withApp { client in
            try await client.execute(uri: "/health/live", method: .get) { #expect($0.status == .ok) }
            let (status, body) = try await Self.settledHealth(client)
            #expect(status == .ok, "\(body)")
            #expect(body["status"] as? String == "ok" && body["snapshot"] as? String == "loaded")
            #expect(body["integrity"] as? String == "ok" && body["readOnly"] as? Bool == false && body["builtAt"] is String)
            let (ready, readyBody) = try await Self.settledHealth(client, uri: "/health/ready")
            #expect(ready == .ok, "\(readyBody)")
        }
    }

    @Test func anEmptyDatabaseIsNotReady() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("brain-empty-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await ServerFixture.withApp(store: try SQLiteStore(path: path)) { client in
            let (status, body) = try await Self.settledHealth(client)
            #expect(status == .serviceUnavailable)
            #expect(body["status"] as? String == "empty")
            #expect((body["database"] as? String)?.contains("never built") == true)
            try await client.execute(uri: "/health/live", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func aDamagedDatabaseIsNotReady() async throws {
        let path = try ServerFixture.databaseCopy()
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Overwrite pages in the middle of the file (the schema page and header stay): tables and indexes break.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        let size = try handle.seekToEnd()
        for page in stride(from: size / 3, to: size * 2 / 3, by: Int(size / 40)) {
            try handle.seek(toOffset: page / 4096 * 4096)
            try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096))
        }
        try handle.close()
        try await ServerFixture.withApp(store: try SQLiteStore(path: path)) { client in
            let (status, body) = try await Self.settledHealth(client)
            #expect(status == .serviceUnavailable)
            #expect(body["status"] as? String == "damaged")
            #expect(body["integrity"] as? String != "ok")
        }
    }

    @Test func aReadOnlyDatabaseServesPagesAndRefusesWrites() async throws {
        let path = try ServerFixture.databaseCopy()
        defer { try? FileManager.default.removeItem(atPath: path) }
        // The writable store is released before the read-only one opens, so its log is checkpointed into the file.
        let credentials = try await { try await SQLiteStore(path: path).createOrganisation(id: "ro-test", name: "只读测试") }()
        let store = try SQLiteStore(path: path, readOnly: true)
        #expect(store.isReadOnly)
        try await ServerFixture.withApp(store: store) { client in
            let (status, body) = try await Self.settledHealth(client)
            #expect(status == .ok && body["readOnly"] as? Bool == true)
            try await client.execute(uri: "/api/regions/320500", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/regions/320500", method: .get) { #expect($0.status == .ok) }
            let demand = ByteBuffer(string: #"{"title": "IND 前药理毒理研究", "node": "cro", "region": "苏州市", "budget": 300}"#)
            try await client.execute(uri: "/api/demands", method: .post,
                                     headers: [.authorization: "Bearer \(credentials.token)", .contentType: "application/json"],
                                     body: demand) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(String(buffer: response.body).contains("read-only"))
            }
        }
    }
}
