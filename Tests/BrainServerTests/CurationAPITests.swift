import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BrainServer
import BrainStore

/// Curations over HTTP: anyone reads the public ones, only a credential writes them (the author is that credential),
/// an organisation's apply once published, and the enterprise JSON and portrait show them next to the machine's
/// placement.
@Suite struct CurationAPITests {
    func json(_ buffer: ByteBuffer) throws -> [String: Any] { try ServerFixture.jsonObject(buffer) }
    func array(_ buffer: ByteBuffer) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [[String: Any]])
    }

    static let add = #"{"firm": "600276.SH", "action": "add", "node": "antibodies", "reason": "卡瑞利珠单抗", "source": "恒瑞医药 2021 年年度报告"}"#

    @Test func anonymousWritesAreRefusedAndReadsAreOpen() async throws {
        let store = try SQLiteStore(path: try ServerFixture.databaseCopy())
        try await ServerFixture.withApp(store: store) { client in
            try await client.execute(uri: "/api/curations", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: Self.add)) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/curations/reviewed-001/revoke", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"reason": "x"}"#)) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/curations", method: .post, headers: [.contentType: "application/json", .authorization: "Bearer wrong"],
                                     body: ByteBuffer(string: Self.add)) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/curations", method: .get) { response in
                #expect(response.status == .ok)
                let records = try array(response.body)
                let shipped = records.compactMap { $0["curation"] as? [String: Any] }.filter { $0["author"] as? String == "data/curation" }
                #expect(shipped.count >= 10, "the shipped reviewed curations are in the built database")
            }
        }
        #expect(try await store.curations(enterprise: "600276.SH").isEmpty)
    }

    @Test func anOrganisationCuratesAndThePortraitShowsIt() async throws {
        let store = try SQLiteStore(path: try ServerFixture.databaseCopy())
        let org = try await store.createOrganisation(id: "analysts", name: "分析组")
        let admin = try await store.createAdminToken()
        try await ServerFixture.withApp(store: store) { client in
            let bearer: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(org.token)"]
            let id = try await client.execute(uri: "/api/curations", method: .post, headers: bearer, body: ByteBuffer(string: Self.add)) { response in
                #expect(response.status == .created)
                let body = try json(response.body)
                #expect(body["author"] as? String == "org:analysts" && body["reason"] as? String == "卡瑞利珠单抗")
                return try #require(body["id"] as? String)
            }
            // The organisation's curation is its own until published: the signed-out neither see nor get it applied.
            try await client.execute(uri: "/api/curations?firm=600276.SH", method: .get) { response in
                let records = try array(response.body)
                #expect(records.isEmpty)
            }
            let adminHeaders: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(admin)"]
            try await client.execute(uri: "/api/curations/\(id)/publish", method: .post, headers: adminHeaders) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/enterprises/600276.SH", method: .get) { response in
                let body = try json(response.body)
                let nodes = try #require(body["assignments"] as? [[String: Any]])
                #expect(nodes.contains { $0["nodeId"] as? String == "antibodies" && $0["method"] as? String == "curation" })
                let machine = try #require(body["machineAssignments"] as? [[String: Any]])
                #expect(!machine.isEmpty && !machine.contains { $0["method"] as? String == "curation" })
                let curations = try #require(body["curations"] as? [[String: Any]])
                #expect((curations.first?["curation"] as? [String: Any])?["id"] as? String == id)
            }
            try await client.execute(uri: "/enterprises/600276.SH", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("人工校正") && html.contains("卡瑞利珠单抗") && html.contains("org:analysts"))
                #expect(html.contains("machine-nodes"), "the machine's placement is shown beside the curation")
            }
            try await client.execute(uri: "/api/curations", method: .post, headers: bearer,
                                     body: ByteBuffer(string: #"{"firm": "600276.SH", "action": "add", "node": "rockets", "reason": ""}"#)) { response in
                #expect(response.status == .unprocessableContent)
                let problems = try #require(try json(response.body)["problems"] as? [[String: Any]])
                #expect(Set(problems.compactMap { $0["field"] as? String }) == ["reason", "node"])
            }
            try await client.execute(uri: "/api/curations/\(id)/revoke", method: .post, headers: adminHeaders,
                                     body: ByteBuffer(string: #"{"reason": "复核后撤销"}"#)) { response in
                #expect(response.status == .created)
                let body = try json(response.body)
                #expect(body["author"] as? String == "admin" && body["revokes"] as? String == id)
            }
            try await client.execute(uri: "/api/curations?firm=600276.SH", method: .get) { response in
                let records = try array(response.body)
                #expect(records.count == 2 && records[0]["revokedBy"] != nil)
            }
            // A signed-in session must send its CSRF token.
            let (session, csrf) = try await ServerFixture.signIn(client, token: org.token)
            try await client.execute(uri: "/api/curations", method: .post, headers: ServerFixture.browser(session, contentType: "application/json"),
                                     body: ByteBuffer(string: Self.add)) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/api/curations", method: .post, headers: ServerFixture.browser(session, csrf: csrf, contentType: "application/json"),
                                     body: ByteBuffer(string: Self.add)) { response in
                #expect(response.status == .created)
            }
        }
        // The session's curation is the organisation's, not yet published: listed, not applied.
        let detail = try #require(try await store.enterprise("600276.SH"))
        #expect(!detail.assignments.map(\.nodeId).contains("antibodies"))
        #expect(detail.curations.contains { $0.curation.organisationId == "analysts" && !$0.curation.isPublic })
    }
}
