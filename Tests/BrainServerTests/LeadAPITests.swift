import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import BrainModel
import BrainServer
import BrainStore

/// The 招商 pipeline over HTTP: leads are their organisation's alone (not listed, shown, counted or changed for
/// another, the operator's token or the signed-out), writes from the session need the CSRF token, illegal moves are
/// refused with their reason, and every write leaves an audit entry with the lead before and after.
@Suite struct LeadAPITests {
    static func bearer(_ token: String) -> HTTPFields { MarketAPITests.bearer(token) }

    static func code(_ buffer: ByteBuffer) throws -> String? {
        (try ServerFixture.jsonObject(buffer)["error"] as? [String: Any])?["code"] as? String
    }

    static func create(_ client: any TestClientProtocol, token: String, body: String) async throws -> Int {
        try await client.execute(uri: "/api/leads", method: .post, headers: bearer(token), body: ByteBuffer(string: body)) { response in
            #expect(response.status == .created)
            let id = try #require(try ServerFixture.jsonObject(response.body)["id"] as? Int)
            #expect(response.headers[.location] == "/api/leads/\(id)")
            return id
        }
    }

    @Test func leadsArePrivateToTheirOrganisation() async throws {
        let (a, b) = try await MarketAPITests.organisations()
        let admin = try await ServerFixture.store().createAdminToken()
        try await ServerFixture.withApp { client in
            let body = #"{"enterprise": "600276.SH", "region": "320506", "node": "cro", "source": "region-targets", "sourceReason": "target.gap-node"}"#
            try await client.execute(uri: "/api/leads", method: .post, body: ByteBuffer(string: body)) { #expect($0.status == .unauthorized) }
            let id = try await Self.create(client, token: a.token, body: body)
            try await client.execute(uri: "/api/leads/\(id)", method: .get, headers: Self.bearer(a.token)) { response in
                #expect(response.status == .ok)
                let lead = try #require(try ServerFixture.jsonObject(response.body)["lead"] as? [String: Any])
                let fields = try #require(lead["fields"] as? [String: Any])
                #expect(fields["firmName"] as? String == "恒瑞医药" && lead["stage"] as? String == "lead" && lead["sourceReason"] as? String == "target.gap-node")
            }
            for headers in [HTTPFields(), Self.bearer(admin)] {
                for uri in ["/api/leads", "/api/leads/board", "/api/leads/\(id)"] {
                    try await client.execute(uri: uri, method: .get, headers: headers) { #expect($0.status == .unauthorized, "\(uri)") }
                }
            }
            try await client.execute(uri: "/api/leads/\(id)", method: .get, headers: Self.bearer(b.token)) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/leads", method: .get, headers: Self.bearer(b.token)) { response in
                let list = try ServerFixture.jsonObject(response.body)
                #expect((list["items"] as? [Any])?.isEmpty == true)
            }
            try await client.execute(uri: "/api/leads/board", method: .get, headers: Self.bearer(b.token)) { response in
                let board = try ServerFixture.jsonObject(response.body)
                #expect(board["total"] as? Int == 0)
            }
            try await client.execute(uri: "/api/leads/\(id)/stage", method: .post, headers: Self.bearer(b.token),
                                     body: ByteBuffer(string: #"{"stage": "contact"}"#)) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/leads/\(id)", method: .patch, headers: Self.bearer(b.token),
                                     body: ByteBuffer(string: #"{"notes": "x"}"#)) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/leads?region=320500", method: .get, headers: Self.bearer(a.token)) { response in
                let items = try #require(try ServerFixture.jsonObject(response.body)["items"] as? [[String: Any]])
                #expect(items.map { $0["id"] as? Int } == [id])
            }
        }
    }

    @Test func movesAndEditsAreCheckedAndAudited() async throws {
        let (a, _) = try await MarketAPITests.organisations()
        try await ServerFixture.withApp { client in
            let id = try await Self.create(client, token: a.token, body: #"{"firmName": "示例抗体公司", "region": "320500", "dueDate": "2020-01-31"}"#)
            try await client.execute(uri: "/api/leads/board", method: .get, headers: Self.bearer(a.token)) { response in
                let board = try ServerFixture.jsonObject(response.body)
                #expect(board["total"] as? Int == 1 && board["overdue"] as? Int == 1)
            }
            for (body, code) in [(#"{"stage": "dropped"}"#, "lead.drop-reason"), (#"{"stage": "lead"}"#, "lead.same-stage"),
                                 (#"{"stage": "won"}"#, "api.lead-stage")] {
                try await client.execute(uri: "/api/leads/\(id)/stage", method: .post, headers: Self.bearer(a.token), body: ByteBuffer(string: body)) { response in
                    let answered = try Self.code(response.body)
                    #expect(response.status == .badRequest && answered == code)
                }
            }
            try await client.execute(uri: "/api/leads/\(id)/stage", method: .post, headers: Self.bearer(a.token),
                                     body: ByteBuffer(string: #"{"stage": "signed"}"#)) { response in
                let lead = try ServerFixture.jsonObject(response.body)
                #expect(response.status == .ok && lead["stage"] as? String == "signed")
            }
            for (body, code) in [(#"{"dueDate": "下周", "version": 1}"#, "lead.due-date"), (#"{"colour": "red", "version": 1}"#, "api.lead-field"),
                                 (#"{"enterpriseId": "NO-SUCH-FIRM", "version": 1}"#, "api.lead-enterprise")] {
                try await client.execute(uri: "/api/leads/\(id)", method: .patch, headers: Self.bearer(a.token), body: ByteBuffer(string: body)) { response in
                    let answered = try Self.code(response.body)
                    #expect(response.status == .badRequest && answered == code)
                }
            }
            try await client.execute(uri: "/api/leads/\(id)", method: .patch, headers: Self.bearer(a.token),
                                     body: ByteBuffer(string: #"{"nextStep": "落地选址", "dueDate": "", "version": 1}"#)) { response in
                #expect(response.status == .ok)
                let fields = try #require(try ServerFixture.jsonObject(response.body)["fields"] as? [String: Any])
                #expect(fields["nextStep"] as? String == "落地选址" && fields["dueDate"] == nil)
            }
        }
        let entries = try await ServerFixture.store().auditEntries(AuditQuery(organisationId: a.organisation.id))
        #expect(entries.map(\.action) == ["lead.update", "lead.stage", "lead.create"])
        #expect(entries.allSatisfy { $0.targetKind == "lead" && $0.actor == "org-token:\(a.organisation.id)" })
        let stage = try #require(entries.first { $0.action == "lead.stage" })
        #expect(stage.before?.contains(#""stage":"lead""#) == true && stage.after?.contains(#""stage":"signed""#) == true)
        #expect(entries.last?.before == nil)
    }

    @Test func aSessionsWritesNeedItsCSRFToken() async throws {
        let (a, _) = try await MarketAPITests.organisations()
        try await ServerFixture.withApp { client in
            let (session, csrf) = try await ServerFixture.signIn(client, token: a.token)
            let form = ByteBuffer(string: "firmName=%E7%A4%BA%E4%BE%8B&region=320500")
            try await client.execute(uri: "/api/leads", method: .post, headers: ServerFixture.browser(session), body: form) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/api/leads", method: .post, headers: ServerFixture.browser(session, csrf: csrf), body: form) {
                #expect($0.status == .created)
            }
            try await client.execute(uri: "/api/leads", method: .get, headers: ServerFixture.browser(session)) { response in
                let paging = try #require(try ServerFixture.jsonObject(response.body)["paging"] as? [String: Any])
                #expect(paging["total"] as? Int == 1)
            }
        }
    }
}
