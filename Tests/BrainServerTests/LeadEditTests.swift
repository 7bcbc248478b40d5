import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import BrainModel
import BrainServer
import BrainStore

/// Review findings on lead writes over HTTP: an edit carries the version it read, and one made against a newer lead
/// is refused (409 in the API; the page shows the lead as it is now with a notice) instead of overwriting it; the
/// owner is a person of the lead's organisation or nobody (422 otherwise).
@Suite struct LeadEditTests {
    static func bearer(_ token: String) -> HTTPFields { MarketAPITests.bearer(token) }

    static func patch(_ client: any TestClientProtocol, _ id: Int, token: String, _ body: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await client.execute(uri: "/api/leads/\(id)", method: .patch, headers: bearer(token), body: ByteBuffer(string: body)) { response in
            (response.status, try ServerFixture.jsonObject(response.body))
        }
    }

    static func code(_ body: [String: Any]) -> String? { (body["error"] as? [String: Any])?["code"] as? String }

    @Test func anEditOfAnOlderVersionIsRefusedNotApplied() async throws {
        let (a, _) = try await MarketAPITests.organisations()
        try await ServerFixture.withApp { client in
            let id = try await LeadAPITests.create(client, token: a.token, body: #"{"firmName": "示例抗体公司", "region": "320500"}"#)
            let (missing, refusal) = try await Self.patch(client, id, token: a.token, #"{"notes": "没有版本"}"#)
            #expect(missing == .badRequest && Self.code(refusal) == "api.lead-version")
            let (saved, first) = try await Self.patch(client, id, token: a.token, #"{"notes": "甲先保存", "version": 0}"#)
            #expect(saved == .ok && first["version"] as? Int == 1)
            // A second editor who read version 0 too.
            let (stale, conflict) = try await Self.patch(client, id, token: a.token, #"{"notes": "乙覆盖", "version": 0}"#)
            #expect(stale == .conflict && Self.code(conflict) == "api.lead-changed")
            #expect(((conflict["error"] as? [String: Any])?["message"] as? String)?.contains("线索已被他人修改") == true)
            let (again, second) = try await Self.patch(client, id, token: a.token, #"{"notes": "乙核对后保存", "version": 1}"#)
            #expect(again == .ok && second["version"] as? Int == 2)
        }
        let lead = try #require(try await ServerFixture.store().leads(LeadQuery(organisationId: a.organisation.id)).items.first)
        #expect(lead.fields.notes == "乙核对后保存" && lead.version == 2)
        let updates = try await ServerFixture.store().auditEntries(AuditQuery(organisationId: a.organisation.id, action: "lead.update"))
        #expect(updates.count == 2)
    }

    @Test func thePageShowsTheNewerLeadWithANotice() async throws {
        let (a, _) = try await MarketAPITests.organisations()
        try await ServerFixture.withApp { client in
            let id = try await LeadAPITests.create(client, token: a.token, body: #"{"firmName": "示例抗体公司", "region": "320500"}"#)
            let (session, csrf) = try await ServerFixture.signIn(client, token: a.token)
            try await client.execute(uri: "/leads/\(id)", method: .get, headers: ServerFixture.browser(session)) { response in
                #expect(String(buffer: response.body).contains(#"<input type="hidden" name="version" value="0">"#))
            }
            _ = try await Self.patch(client, id, token: a.token, #"{"notes": "同事先保存", "version": 0}"#)
            try await client.execute(uri: "/leads/\(id)/edit", method: .post, headers: ServerFixture.browser(session),
                                     body: ByteBuffer(string: "notes=%E6%88%91%E7%9A%84&version=0&csrf=\(csrf)")) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .conflict)
                #expect(html.contains(#"id="lead-notice""#) && html.contains("保存前该线索已被他人修改"))
                #expect(html.contains("同事先保存</textarea>") && html.contains(#"name="version" value="1""#))
            }
            try await client.execute(uri: "/leads/\(id)/edit", method: .post, headers: ServerFixture.browser(session),
                                     body: ByteBuffer(string: "notes=%E6%88%91%E7%9A%84&version=1&csrf=\(csrf)")) { response in
                #expect(response.status == .seeOther)
            }
        }
        let lead = try #require(try await ServerFixture.store().leads(LeadQuery(organisationId: a.organisation.id)).items.first)
        #expect(lead.fields.notes == "我的")
    }

    @Test func theOwnerIsAPersonOfTheLeadsOrganisation() async throws {
        let (a, b) = try await MarketAPITests.organisations()
        let store = try ServerFixture.store()
        let ours = "owner-\(a.organisation.id)", theirs = "owner-\(b.organisation.id)"
        _ = try await store.createPerson(Person(id: ours, organisationId: a.organisation.id, displayName: "本机构专员", role: .investment, createdAt: ""),
                                         password: "正确的密码-correct-horse")
        _ = try await store.createPerson(Person(id: theirs, organisationId: b.organisation.id, displayName: "他机构专员", role: .investment, createdAt: ""),
                                         password: "正确的密码-correct-horse")
        try await ServerFixture.withApp { client in
            for owner in ["张三", theirs] {
                try await client.execute(uri: "/api/leads", method: .post, headers: Self.bearer(a.token),
                                         body: ByteBuffer(string: #"{"firmName": "示例公司", "owner": "\#(owner)"}"#)) { response in
                    let body = try ServerFixture.jsonObject(response.body)
                    #expect(response.status == .unprocessableContent && Self.code(body) == "api.lead-owner", "\(owner)")
                    #expect(((body["error"] as? [String: Any])?["message"] as? String)?.contains("不是本机构的用户") == true)
                }
            }
            let id = try await LeadAPITests.create(client, token: a.token, body: #"{"firmName": "示例公司", "owner": "\#(ours)"}"#)
            let (refused, body) = try await Self.patch(client, id, token: a.token, #"{"owner": "\#(theirs)", "version": 0}"#)
            #expect(refused == .unprocessableContent && Self.code(body) == "api.lead-owner")
            let (cleared, lead) = try await Self.patch(client, id, token: a.token, #"{"owner": "", "version": 0}"#)
            #expect(cleared == .ok && (lead["fields"] as? [String: Any])?["owner"] == nil)
        }
        #expect(try await store.leads(LeadQuery(organisationId: a.organisation.id)).total == 1)
    }

    /// With an audit trail that refuses entries, the lead and watch writes answer 500 and leave nothing changed.
    @Test func aWriteWhoseAuditEntryFailsLeavesNoChange() async throws {
        let path = try ServerFixture.databaseCopy()
        let store = try SQLiteStore(path: path)
        let bureau = try await store.createOrganisation(id: "bureau", name: "示例局")
        let lead = try await store.createLead(Lead(organisationId: "bureau", fields: LeadFields(firmName: "甲生物"), createdAt: "", updatedAt: ""),
                                              by: LeadActor(actor: "test", at: "2026-11-30T03:00:00Z"))
        try await store.recordAudit(AuditEntry(at: "2026-11-30T03:00:00Z", organisationId: "bureau", personId: nil, actor: "test", action: "before",
                                               targetKind: "test", targetId: "1", before: nil, after: nil))
        try AuditAPITests.sqlite(path, "CREATE TRIGGER audit_log_refuses_insert BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'no audit'); END")
        try await ServerFixture.withApp(store: store) { client in
            let writes: [(String, HTTPRequest.Method, String)] = [
                ("/api/leads", .post, #"{"firmName": "乙生物"}"#), ("/api/leads/\(lead.id)", .patch, #"{"notes": "x", "version": 0}"#),
                ("/api/leads/\(lead.id)/stage", .post, #"{"stage": "contact"}"#), ("/api/watchlist", .post, #"{"kind": "region", "target": "320500"}"#),
            ]
            for (uri, method, body) in writes {
                try await client.execute(uri: uri, method: method, headers: Self.bearer(bureau.token), body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .internalServerError, "\(method) \(uri)")
                }
            }
        }
        #expect(try await store.leads(LeadQuery(organisationId: "bureau")).items == [lead])
        #expect(try await store.watchlist(organisation: "bureau").isEmpty)
        #expect(try await store.auditEntries(AuditQuery()).map(\.action) == ["before"])
    }
}
