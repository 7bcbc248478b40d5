import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BrainServer
import BrainModel
import BrainStore
import BrainUseCases

/// The audit trail over HTTP: writes put one entry each with the right actor, counts and before/after; a write that
/// fails puts none; the trail is read only, and only the operator reads it (an organisation's token, a viewer of its
/// own records, and the signed-out learn nothing: not the entries, nor how many there are).
@Suite struct AuditAPITests {
    /// A private copy of the built database: its trail holds only this test's entries.
    static func privateStore() throws -> SQLiteStore { try SQLiteStore(path: try ServerFixture.databaseCopy()) }

    static func bearer(_ token: String, json: Bool = false) -> HTTPFields {
        var fields: HTTPFields = [.authorization: "Bearer \(token)"]
        if json { fields[.contentType] = "application/json" }
        return fields
    }

    static func object(_ json: String?) throws -> [String: Any] {
        let text = try #require(json)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func anImportThroughTheAPIRecordsOneEntryWithItsActorAndCounts() async throws {
        let store = try Self.privateStore()
        let org = try await store.createOrganisation(id: "audit-bureau", name: "审计测试局")
        let csv = ByteBuffer(string: "企业名称,统一社会信用代码,注册地址\n审计测试生物有限公司,,江苏省苏州市工业园区\n坏代码公司,914403001922038217,江苏省苏州市吴中区\n")
        try await ServerFixture.withApp(store: store) { client in
            try await client.execute(uri: "/api/imports?kind=enterprises&file=audit.csv", method: .post, headers: Self.bearer(org.token), body: csv) {
                #expect($0.status == .ok)
            }
            // The same bytes again write nothing, and so record nothing; an unreadable file neither.
            try await client.execute(uri: "/api/imports?kind=enterprises&file=audit.csv", method: .post, headers: Self.bearer(org.token), body: csv) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/imports?kind=enterprises&file=bad.xlsx", method: .post, headers: Self.bearer(org.token),
                                     body: ByteBuffer(string: "not a workbook")) { #expect($0.status == .unprocessableContent) }
            try await client.execute(uri: "/api/imports?kind=enterprises&file=x.csv", method: .post, body: csv) { #expect($0.status == .unauthorized) }
        }
        let entries = try await store.auditEntries(AuditQuery())
        #expect(entries.map(\.action) == ["import.write"])
        let entry = try #require(entries.first)
        #expect(entry.actor == "org-token:audit-bureau" && entry.organisationId == "audit-bureau" && entry.targetKind == "import")
        #expect(entry.before == nil)
        let after = try Self.object(entry.after)
        #expect(after["kind"] as? String == "enterprises" && after["file"] as? String == "audit.csv")
        #expect(after["organisation"] as? String == "audit-bureau")
        #expect(after["rows"] as? Int == 2 && after["accepted"] as? Int == 1 && after["rejected"] as? Int == 1 && after["created"] as? Int == 1)
        let imported = try #require(try await store.imports().first { $0.file == "audit.csv" })
        #expect(entry.targetId == "\(imported.id)" && after["importId"] as? Int == imported.id)
    }

    @Test func aCurationRecordsItsBeforeAndAfter() async throws {
        let store = try Self.privateStore()
        let admin = try await store.createAdminToken()
        try await ServerFixture.withApp(store: store) { client in
            let id = try await client.execute(uri: "/api/curations", method: .post, headers: Self.bearer(admin, json: true),
                                              body: ByteBuffer(string: CurationAPITests.add)) { response in
                #expect(response.status == .created)
                return try #require(try ServerFixture.jsonObject(response.body)["id"] as? String)
            }
            // Refused by the store (no reason): nothing recorded.
            try await client.execute(uri: "/api/curations/\(id)/revoke", method: .post, headers: Self.bearer(admin, json: true),
                                     body: ByteBuffer(string: #"{"reason": ""}"#)) { #expect($0.status == .unprocessableContent) }
            try await client.execute(uri: "/api/curations/\(id)/revoke", method: .post, headers: Self.bearer(admin, json: true),
                                     body: ByteBuffer(string: #"{"reason": "年报更正"}"#)) { #expect($0.status == .created) }
            let entries = try await store.auditEntries(AuditQuery())
            #expect(entries.map(\.action) == ["curation.revoke", "curation.add"])
            #expect(entries.allSatisfy { $0.actor == "admin-token" && $0.organisationId == nil && $0.targetId == id })
            let added = try Self.object(entries[1].after)
            #expect(entries[1].before == nil && added["nodeId"] as? String == "antibodies" && added["author"] as? String == "admin")
            #expect(try Self.object(entries[0].before)["id"] as? String == id)
            #expect(try Self.object(entries[0].after)["revokes"] as? String == id)
            // The API shows the action in the asked language and the changes field by field.
            try await client.execute(uri: "/api/audit?action=curation.revoke&lang=en", method: .get, headers: Self.bearer(admin)) { response in
                #expect(response.status == .ok)
                let body = try ServerFixture.jsonObject(response.body)
                let listed = try #require(body["entries"] as? [[String: Any]])
                #expect(listed.count == 1 && listed[0]["actionText"] as? String == "Revoked a curation")
                let changes = try #require(listed[0]["changes"] as? [[String: Any]])
                #expect(changes.contains { $0["field"] as? String == "revokes" && $0["after"] as? String == id && $0["before"] == nil })
            }
            // The page renders it as a diff, the action named in both languages, never the code alone.
            try await client.execute(uri: "/admin/audit", method: .get, headers: Self.bearer(admin)) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("撤销校订") && html.contains("Revoked a curation") && html.contains("<ins>年报更正</ins>"))
            }
        }
    }

    @Test func marketWritesAndSignInsAreRecordedForTheirOrganisation() async throws {
        let store = try Self.privateStore()
        let org = try await store.createOrganisation(id: "audit-park", name: "审计测试园区")
        let id = try await ServerFixture.withAppReturning(store: store) { client in
            let body = ByteBuffer(string: #"{"title": "IND 前药理毒理研究", "node": "cro", "region": "苏州市", "budget": 300}"#)
            let id = try await client.execute(uri: "/api/demands", method: .post, headers: Self.bearer(org.token, json: true), body: body) { response in
                #expect(response.status == .created)
                return try #require(try ServerFixture.jsonObject(response.body)["id"] as? Int)
            }
            try await client.execute(uri: "/api/market/\(id)/share", method: .post, headers: Self.bearer(org.token, json: true),
                                     body: ByteBuffer(string: #"{"shared": true}"#)) { #expect($0.status == .ok) }
            let (session, csrf) = try await ServerFixture.signIn(client, token: org.token)
            try await client.execute(uri: "/match/delete/\(id)", method: .post, headers: ServerFixture.browser(session),
                                     body: ByteBuffer(string: "csrf=\(csrf)")) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/match/signout", method: .post, headers: ServerFixture.browser(session),
                                     body: ByteBuffer(string: "csrf=\(csrf)")) { #expect($0.status == .seeOther) }
            return id
        }
        let entries = try await store.auditEntries(AuditQuery()).reversed().map { $0 }
        #expect(entries.map(\.action) == ["market.create", "market.share", "session.sign-in", "market.delete", "session.sign-out"])
        #expect(entries.allSatisfy { $0.organisationId == "audit-park" && $0.actor == "org-token:audit-park" })
        let share = entries[1]
        #expect(AuditDiffFields.of(share) == ["shared"])
        let deleted = try Self.object(entries[3].before)
        #expect(entries[3].after == nil && deleted["id"] as? Int == id)
    }

    @Test func onlyTheOperatorReadsTheTrailAndNoRouteChangesIt() async throws {
        let store = try Self.privateStore()
        let org = try await store.createOrganisation(id: "audit-private", name: "私有机构")
        let other = try await store.createOrganisation(id: "audit-other", name: "其他机构")
        let admin = try await store.createAdminToken()
        try await store.recordAudit(AuditEntry(at: "2026-11-30T03:00:00Z", organisationId: "audit-private", personId: nil,
                                               actor: "org-token:audit-private", action: "market.create", targetKind: "demand",
                                               targetId: "1", after: #"{"title":"机密需求"}"#))
        let reads = ["/api/audit", "/admin/audit", "/admin/audit.csv", "/admin/audit.xlsx", "/api/audit?org=audit-private",
                     "/admin/audit.csv?org=audit-private"]
        try await ServerFixture.withApp(store: store) { client in
            let (session, _) = try await ServerFixture.signIn(client, token: org.token)
            for uri in reads {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .unauthorized, "\(uri) signed out")
                    #expect(!String(buffer: response.body).contains("机密需求"))
                }
                // An organisation's own token and its signed-in browser may write but not read the trail (no readAudit).
                for headers in [Self.bearer(org.token), Self.bearer(other.token), ServerFixture.browser(session)] {
                    try await client.execute(uri: uri, method: .get, headers: headers) { response in
                        #expect(response.status == .forbidden, "\(uri) \(headers)")
                        #expect(!String(buffer: response.body).contains("机密需求"))
                    }
                }
                try await client.execute(uri: uri, method: .get, headers: Self.bearer(admin)) { response in
                    #expect(response.status == .ok, "\(uri) admin")
                }
            }
            try await client.execute(uri: "/admin/audit.csv", method: .get, headers: Self.bearer(admin)) { response in
                let csv = String(buffer: response.body)
                #expect(csv.hasPrefix("编号,时间（UTC）") && csv.contains("发布供需记录") && csv.contains("机密需求"))
                #expect(response.headers[.contentDisposition]?.contains("attachment") == true)
            }
            // Nothing writes to the trail: every other method on its routes is not a route.
            for uri in ["/api/audit", "/admin/audit", "/api/audit/1", "/admin/audit/1"] {
                for method in [HTTPRequest.Method.post, .put, .delete, .patch] {
                    try await client.execute(uri: uri, method: method, headers: Self.bearer(admin)) { response in
                        #expect([.notFound, .methodNotAllowed].contains(response.status), "\(method) \(uri)")
                    }
                }
            }
            try await client.execute(uri: "/api/audit?from=yesterday", method: .get, headers: Self.bearer(admin)) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/api/audit?before=0", method: .get, headers: Self.bearer(admin)) { #expect($0.status == .badRequest) }
        }
        // The planted entry and the test's own sign-in, nothing changed or removed.
        #expect(try await store.auditEntries(AuditQuery()).map(\.action) == ["session.sign-in", "market.create"])
    }

    /// Who reads which entries: the operator all (nil), nobody signed in (401), an organisation's token without
    /// `readAudit` (403). An organisation administrator's scope (its own id) comes with accounts' roles.
    @Test func theReadScopeFollowsTheCaller() async throws {
        let organisation = try await Self.privateStore().createOrganisation(id: "audit-scope", name: "范围").organisation
        #expect(try AuditAccess.readScope(Caller(isAdmin: true)) == nil)
        #expect(Self.refusal { try AuditAccess.readScope(.anonymous) } == .unauthorized)
        #expect(Self.refusal { try AuditAccess.readScope(Caller(organisation: organisation)) } == .forbidden)
        #expect(Self.refusal { try AuditAccess.require(.anonymous, .curate) } == .forbidden)
        #expect(Self.refusal { try AuditAccess.require(Caller(organisation: organisation), .curate) } == nil)
    }

    static func refusal(_ body: () throws -> Any?) -> HTTPResponse.Status? {
        do { _ = try body(); return nil } catch let error as AppError { return error.status } catch { return .internalServerError }
    }

    @Test func pagesGoBackThroughTheTrailWithBefore() async throws {
        let store = try Self.privateStore()
        let admin = try await store.createAdminToken()
        try await store.recordAudit(contentsOf: (1...3).map {
            AuditEntry(at: "2026-11-30T03:00:0\($0)Z", organisationId: nil, personId: nil, actor: "cli", action: "import.write",
                       targetKind: "import", targetId: "\($0)")
        })
        try await ServerFixture.withApp(store: store) { client in
            let next = try await client.execute(uri: "/api/audit?limit=2", method: .get, headers: Self.bearer(admin)) { response in
                let body = try ServerFixture.jsonObject(response.body)
                #expect((body["entries"] as? [[String: Any]])?.map { $0["targetId"] as? String } == ["3", "2"])
                return try #require(body["next"] as? Int)
            }
            try await client.execute(uri: "/api/audit?limit=2&before=\(next)", method: .get, headers: Self.bearer(admin)) { response in
                let body = try ServerFixture.jsonObject(response.body)
                #expect((body["entries"] as? [[String: Any]])?.map { $0["targetId"] as? String } == ["1"])
                #expect(body["next"] == nil || body["next"] is NSNull)
            }
        }
    }

    /// A write and its entry are one transaction: when the entry cannot be recorded the user gets an error and the
    /// write is undone (a demand posted, a file imported), so no change exists without its entry.
    @Test func aWriteWhoseEntryCannotBeRecordedIsUndone() async throws {
        let path = try ServerFixture.databaseCopy()
        let org = try await SQLiteStore(path: path).createOrganisation(id: "audit-broken", name: "坏日志")
        // Someone with the file removes the trail's table: recording fails from now on.
        try Self.sqlite(path, "DROP TABLE audit_log")
        let store = try SQLiteStore(path: path)
        let imports = try await store.imports().count
        try await ServerFixture.withApp(store: store) { client in
            let body = ByteBuffer(string: #"{"title": "日志坏了不能保存", "node": "cro", "region": "苏州市"}"#)
            try await client.execute(uri: "/api/demands", method: .post, headers: Self.bearer(org.token, json: true), body: body) {
                #expect($0.status == .internalServerError)
            }
            let offers = ByteBuffer(string: "服务机构,服务,地区\n示例平台,cdmo,苏州市\n")
            try await client.execute(uri: "/api/imports?kind=offers&file=offers.csv", method: .post, headers: Self.bearer(org.token), body: offers) {
                #expect($0.status == .internalServerError)
            }
        }
        #expect(try await store.marketRecords(.demand, visibleTo: "audit-broken").isEmpty)
        #expect(try await store.marketRecords(.offer, visibleTo: "audit-broken").isEmpty)
        #expect(try await store.imports().count == imports)
    }

    static func sqlite(_ path: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Python's sqlite3 module: the test tools (Tests/cli, Tests/browser) need Python already; GRDB is not this target's.
        process.arguments = ["python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()", path, sql]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 sqlite3 \(sql)")
    }
}

extension ServerFixture {
    /// `withApp` for a test that needs a value out of the client's session.
    static func withAppReturning<T: Sendable>(store: any ImportingStore, _ test: @escaping @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let box = Box<T>()
        try await withApp(store: store) { client in box.set(try await test(client)) }
        return try #require(box.get())
    }

    final class Box<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var value: T?
        func set(_ new: T) { lock.withLock { value = new } }
        func get() -> T? { lock.withLock { value } }
    }
}

/// The fields an entry's diff names.
enum AuditDiffFields {
    static func of(_ entry: AuditEntry) -> [String] {
        AuditDiff.changes(before: entry.before, after: entry.after).map(\.field)
    }
}
